// What the renderer needs of its host (Electron's preload, or browser mode's WebSocket).
// Only this folder talks to the host; everything else gets a Platform.
import type { CommandInput, CommandName, CommandOutput, Push } from '../../../contract/api.js';

/** Menu items the host asks the renderer to act on (mirrors electron/channels.ts). */
import type { MenuCommand } from '../../../contract/menu-commands.js';

export { MENU_COMMANDS, type MenuCommand } from '../../../contract/menu-commands.js';

/** 'reconnecting': the link was lost and is being tried again (browser mode). */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

/** A file the native picker gave: the core keeps its path, the page holds the token. */
export interface PickedFile {
  fileToken: string;
  name: string;
  size: number;
}

/** What this host does for the page beyond commands; each is absent where the host lacks it. */
export interface Capabilities {
  /** A native file picker (Electron). Without it the page offers an <input type="file"> and
   * uploads the File it is given: a page never names a path on disk (browser mode). */
  pickFile?(): Promise<PickedFile | undefined>;
  /** Saving asks where in a native dialog (Electron). Without it the core saves into its
   * downloads folder, fixed where it starts and never chosen by the page (browser mode). */
  readonly chooseSaveLocation?: true;
}

export interface Platform extends Capabilities {
  /** Resolves with the command's parsed output; rejects with a PlatformError. */
  call<C extends CommandName>(name: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  /** Batched events; returns an unsubscribe function. */
  onPush(listener: (push: Push) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The link to the core; Electron's is always connected. */
  connection(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}

/** A failed command: the core's stable code (BAD_INPUT, NOT_FOUND…) and its message. */
export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export const describeError = (e: unknown): string =>
  e instanceof PlatformError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);

/** "CODE: message" (how Electron's contextBridge carries a code) → PlatformError. */
export function parseErrorMessage(e: unknown): PlatformError {
  if (e instanceof PlatformError) return e;
  const text = e instanceof Error ? e.message : String(e);
  // contextBridge may prefix "Error invoking remote method …: Error: ".
  const m = /(?:^|: )(?:Error: )?([A-Z][A-Z0-9_]*): ([\s\S]*)$/.exec(text);
  return m ? new PlatformError(m[1] as string, m[2] as string) : new PlatformError('INTERNAL', text);
}

/** A tiny listener set. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => void this.set.delete(listener);
  }
  emit(value: T): void {
    for (const l of [...this.set]) {
      try {
        l(value);
      } catch (e) {
        console.error(e);
      }
    }
  }
}
