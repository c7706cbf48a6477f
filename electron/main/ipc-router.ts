// The one IPC router between the renderer and the core. One channel carries every call
// (ipcMain.handle, so each call gets exactly one answer), one carries pushed events.
// Every call is checked, in this order: the sender is an app webContents showing the
// app's page in its main frame; the envelope is {command, input}; the command exists.
// The input itself is parsed by the core (contract/api.ts schemas), which stays the only
// place that knows what a valid input is.
import { z } from 'zod';
import { isCommandName, type CommandName, type Push } from '../../contract/api.js';
import { CommandFailure } from '../../core/command-failure.js';
import { CALL_CHANNEL, PUSH_CHANNEL, type CallResult } from '../channels.js';
import type { AppContents, FrameLike, SenderLike } from './app-contents.js';

export interface InvokeEventLike {
  readonly sender: SenderLike;
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain the router uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of AppCore the router uses. */
export interface CoreLike {
  call(name: CommandName, input: unknown): Promise<unknown>;
  onPush(listener: (push: Push) => void): () => void;
}

export interface RouterOptions {
  ipc: IpcMainLike;
  core: CoreLike;
  contents: AppContents;
  log?: (message: string) => void;
}

const EnvelopeSchema = z.object({ command: z.string().max(64), input: z.unknown() }).strict();

function failure(code: string, message: string): CallResult {
  return { ok: false, error: { code, message } };
}

/** Maps whatever the core threw to {code, message}; a core CommandFailure carries its code. */
export function toCallError(e: unknown): CallResult {
  if (e instanceof CommandFailure) return failure(e.code, e.message);
  if (e instanceof z.ZodError) return failure('BAD_INPUT', z.prettifyError(e));
  // Anything else is a bug in the core: say what happened, under a code the UI need not know.
  return failure('INTERNAL', e instanceof Error ? e.message : String(e));
}

export class IpcRouter {
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: RouterOptions) {
    opts.ipc.handle(CALL_CHANNEL, (event, envelope) => this.handleCall(event, envelope));
    // The core batches pushes per frame already (core/push-batcher.ts): each goes on as it comes.
    this.unsubscribe = opts.core.onPush((push) => this.send(push));
  }

  /** Answers one call; never throws, so the renderer always gets {ok, …}. */
  async handleCall(event: InvokeEventLike, envelope: unknown): Promise<CallResult> {
    if (!this.opts.contents.isTrusted(event.sender, event.senderFrame)) {
      this.opts.log?.(`ipc: rejected a call from webContents ${event.sender.id} (${event.senderFrame?.url ?? 'no frame'})`);
      return failure('FORBIDDEN', 'This page may not call InetScope.');
    }
    const parsed = EnvelopeSchema.safeParse(envelope);
    if (!parsed.success) return failure('BAD_ENVELOPE', `Expected {command, input}: ${z.prettifyError(parsed.error)}`);
    const { command, input } = parsed.data;
    if (!isCommandName(command)) return failure('UNKNOWN_COMMAND', `Unknown command "${command}".`);
    try {
      return { ok: true, output: await this.opts.core.call(command, input) };
    } catch (e) {
      return toCallError(e);
    }
  }

  /** Sends a push to every app webContents still open. */
  private send(push: Push): void {
    for (const sender of this.opts.contents.list()) if (!sender.isDestroyed()) sender.send(PUSH_CHANNEL, push);
  }

  /** Stops answering and pushing. */
  dispose(): void {
    this.unsubscribe();
    this.opts.ipc.removeHandler(CALL_CHANNEL);
  }
}
