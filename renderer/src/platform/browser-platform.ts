// Browser mode: one WebSocket to the core (web/server.ts). Calls are matched to results by
// callId; calls made before the first open are queued. A lost socket fails every pending
// call, shows "reconnecting" and is opened again with a backoff (the same URL and token),
// so a core restarted on the same port and token is reached again without a reload.
import { COMMANDS, type CommandInput, type CommandName, type CommandOutput, type Push } from '../../../contract/api.js';
import { ServerMessageSchema, type CallMessage } from '../../../contract/transport.js';
import { Listeners, PlatformError, type ConnectionState, type MenuCommand, type Platform } from './types.js';

/** The part of the DOM WebSocket used here (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

interface Pending {
  resolve: (output: unknown) => void;
  reject: (e: PlatformError) => void;
  command: CommandName;
}

/** ws(s)://host/ws?token=… for the page's location and token (page-token.ts). */
export function socketUrl(loc: { protocol: string; host: string }, token: string): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/ws?token=${encodeURIComponent(token)}`;
}

/** Waits before each reconnect attempt: quick at first, then every 5 s. */
export const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000, 5000] as const;

export function reconnectDelay(attempt: number): number {
  return RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] as number;
}

export const OFFLINE_MESSAGE = "Not connected to InetScope's core — reconnecting…";

export class BrowserPlatform implements Platform {
  private state: ConnectionState = 'connecting';
  private nextCallId = 0;
  private readonly pending = new Map<number, Pending>();
  private queue: string[] = [];
  private readonly pushes = new Listeners<Push>();
  private readonly states = new Listeners<ConnectionState>();
  private socket!: SocketLike;
  /** The socket whose loss was handled (its error and close both report it). */
  private lostSocket?: SocketLike;
  private attempts = 0;

  constructor(
    private readonly url: string,
    private readonly open: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike,
  ) {
    this.connect();
  }

  private connect(): void {
    const socket = this.open(this.url);
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket) return;
      this.attempts = 0;
      this.setState('connected');
      const queued = this.queue;
      this.queue = [];
      for (const text of queued) socket.send(text);
    };
    socket.onclose = () => this.lost(socket);
    socket.onerror = () => this.lost(socket);
    socket.onmessage = (ev) => {
      if (socket === this.socket) this.receive(ev.data);
    };
  }

  connection(): ConnectionState {
    return this.state;
  }

  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    return this.states.add(listener);
  }

  onPush(listener: (push: Push) => void): () => void {
    return this.pushes.add(listener);
  }

  onMenuCommand(_listener: (command: MenuCommand) => void): () => void {
    return () => {}; // no menu in a browser
  }

  call<C extends CommandName>(name: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    // Only the first connection queues: a Send must not fire minutes later after a loss.
    if (this.state === 'reconnecting') return Promise.reject(new PlatformError('DISCONNECTED', OFFLINE_MESSAGE));
    const callId = this.nextCallId++;
    const msg: CallMessage = { kind: 'call', callId, command: name, input };
    const text = JSON.stringify(msg);
    return new Promise<CommandOutput<C>>((resolve, reject) => {
      this.pending.set(callId, { resolve: resolve as (o: unknown) => void, reject, command: name });
      if (this.state === 'connected') this.socket.send(text);
      else this.queue.push(text);
    });
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.states.emit(state);
  }

  /** The socket closed or failed: pending calls fail, and a new socket is tried after a backoff. */
  private lost(socket: SocketLike): void {
    if (socket !== this.socket || this.lostSocket === socket) return;
    this.lostSocket = socket;
    this.setState('reconnecting');
    this.queue = [];
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) p.reject(new PlatformError('DISCONNECTED', `The connection to InetScope's core was lost. ${OFFLINE_MESSAGE}`));
    setTimeout(() => this.connect(), reconnectDelay(this.attempts++));
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = ServerMessageSchema.safeParse(json);
    if (!parsed.success) {
      console.error('InetScope: unexpected message from the core', parsed.error);
      return;
    }
    const msg = parsed.data;
    if (msg.kind !== 'result') {
      // Checked once, above: a large download's batches of a thousand events cost per check.
      this.pushes.emit(msg);
      return;
    }
    const p = this.pending.get(msg.callId);
    if (!p) return;
    this.pending.delete(msg.callId);
    if (!msg.ok) return p.reject(new PlatformError(msg.error.code, msg.error.message));
    const out = COMMANDS[p.command].output.safeParse(msg.output);
    if (out.success) p.resolve(out.data);
    else p.reject(new PlatformError('BAD_RESPONSE', `${p.command}: the core answered with an unexpected shape`));
  }
}
