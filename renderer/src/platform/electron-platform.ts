// Electron: window.inetscope from the preload (electron/preload/api.ts), one method per
// command. A failure arrives as an Error whose message is "CODE: message".
import { COMMANDS, PushSchema, type CommandInput, type CommandName, type CommandOutput, type Push } from '../../../contract/api.js';
import { Listeners, MENU_COMMANDS, PlatformError, parseErrorMessage, type ConnectionState, type MenuCommand, type PickedFile, type Platform } from './types.js';

/** The shape of window.inetscope, as far as the renderer relies on it. */
export type InetScopeBridge = { [C in CommandName]: (input: CommandInput<C>) => Promise<unknown> } & {
  onPush(listener: (push: unknown) => void): () => void;
  onMenuCommand(listener: (command: unknown) => void): () => void;
};

export function bridgeFromWindow(w: unknown): InetScopeBridge | undefined {
  const b = (w as { inetscope?: unknown } | undefined)?.inetscope;
  return b && typeof b === 'object' ? (b as InetScopeBridge) : undefined;
}

export class ElectronPlatform implements Platform {
  readonly chooseSaveLocation = true;
  private readonly states = new Listeners<ConnectionState>();

  constructor(private readonly bridge: InetScopeBridge) {}

  async call<C extends CommandName>(name: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    let raw: unknown;
    try {
      const method = this.bridge[name] as (input: CommandInput<C>) => Promise<unknown>;
      raw = await method(input);
    } catch (e) {
      throw parseErrorMessage(e);
    }
    const out = COMMANDS[name].output.safeParse(raw);
    if (!out.success) throw new PlatformError('BAD_RESPONSE', `${name}: the core answered with an unexpected shape`);
    return out.data as CommandOutput<C>;
  }

  async pickFile(): Promise<PickedFile | undefined> {
    const r = await this.call('pickUploadFile', {});
    return r.picked ? { fileToken: r.fileToken, name: r.name, size: r.size } : undefined;
  }

  onPush(listener: (push: Push) => void): () => void {
    return this.bridge.onPush((p) => {
      const parsed = PushSchema.safeParse(p);
      if (parsed.success) listener(parsed.data);
      else console.error('InetScope: unexpected push', parsed.error);
    });
  }

  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    return this.bridge.onMenuCommand((c) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(c)) listener(c as MenuCommand);
    });
  }

  connection(): ConnectionState {
    return 'connected';
  }

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    return this.states.add(listener);
  }
}
