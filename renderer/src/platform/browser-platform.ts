// Browser mode: one WebSocket to the core (web/server.ts). Calls are matched to results by
// callId; calls made before the socket opens are queued. No reconnect: a closed socket
// fails every pending call and shows "disconnected".
import { COMMANDS, PushSchema, type CommandInput, type CommandName, type CommandOutput, type Push } from '../../../contract/api.js';
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

export class BrowserPlatform implements Platform {
  readonly kind = 'browser';
  private state: ConnectionState = 'connecting';
  private nextCallId = 0;
  private readonly pending = new Map<number, Pending>();
  private queue: string[] = [];
  private readonly pushes = new Listeners<Push>();
  private readonly states = new Listeners<ConnectionState>();
  private readonly socket: SocketLike;

  constructor(url: string, open: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike) {
    this.socket = open(url);
    this.socket.onopen = () => {
      this.setState('connected');
      const queued = this.queue;
      this.queue = [];
      for (const text of queued) this.socket.send(text);
    };
    this.socket.onclose = () => this.closed();
    this.socket.onerror = () => this.closed();
    this.socket.onmessage = (ev) => this.receive(ev.data);
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
    if (this.state === 'disconnected') return Promise.reject(new PlatformError('DISCONNECTED', 'The connection to InetScope is closed; reload the page.'));
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

  private closed(): void {
    if (this.state === 'disconnected') return;
    this.setState('disconnected');
    this.queue = [];
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) p.reject(new PlatformError('DISCONNECTED', 'The connection to InetScope closed.'));
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
      this.pushes.emit(PushSchema.parse(msg));
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
