// The one IPC router between the renderer and the core. One channel carries every call
// (ipcMain.handle, so each call gets exactly one answer), one carries pushed events.
// Every call is checked, in this order: the sender is an app webContents showing the
// app's page in its main frame; the envelope is {command, input}; the command exists.
// The input itself is parsed by the core (contract/api.ts schemas), which stays the only
// place that knows what a valid input is.
import { z } from 'zod';
import { isCommandName, type CommandName, type EventsPush, type Push } from '../../contract/api.js';
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
  /** Push batching interval: about one frame. */
  frameMs?: number;
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
  private readonly pending = new Map<number, { sender: SenderLike; events: EventsPush['events'] }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: RouterOptions) {
    opts.ipc.handle(CALL_CHANNEL, (event, envelope) => this.handleCall(event, envelope));
    this.unsubscribe = opts.core.onPush((push) => this.queue(push));
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

  /** Adds a push to every app webContents' batch; the batch leaves on the next flush. */
  private queue(push: Push): void {
    // The core batches catch pushes per frame already; they go out as they come.
    if (push.kind === 'caught') return this.sendNow(push);
    if (push.events.length === 0) return;
    for (const sender of this.opts.contents.list()) {
      const batch = this.pending.get(sender.id) ?? { sender, events: [] };
      batch.events.push(...push.events);
      this.pending.set(sender.id, batch);
    }
    // One timer for all: each webContents still gets at most one send per frame.
    this.timer ??= setTimeout(() => this.flush(), this.opts.frameMs ?? 16);
  }

  /** Sends each webContents its batch as one Push. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const { sender, events } of batches) {
      if (sender.isDestroyed()) continue;
      const push: EventsPush = { kind: 'events', events };
      sender.send(PUSH_CHANNEL, push);
    }
  }

  private sendNow(push: Push): void {
    for (const sender of this.opts.contents.list()) if (!sender.isDestroyed()) sender.send(PUSH_CHANNEL, push);
  }

  /** Stops answering and pushing; what is queued is dropped. */
  dispose(): void {
    this.unsubscribe();
    this.opts.ipc.removeHandler(CALL_CHANNEL);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
