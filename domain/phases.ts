// Phase durations per redirect hop, derived from the event list by a pure function that
// the UI, the core and the tests share. Imports nothing of the app.
import type { InetEvent } from '../contract/events.js';

export interface HopPhases {
  hop: number;
  /** ms since the request started. */
  start: number;
  end: number;
  /** From the hop's start to its first network step (resolving, connecting or sending): queueing, handle setup. */
  blocked?: number;
  dns?: number;
  connect?: number;
  /** Only where the engine reports the handshake (WinInet cannot). */
  tls?: number;
  send?: number;
  wait?: number;
  receive?: number;
  total: number;
  /** No CONNECTING_TO_SERVER in this hop: a kept-alive connection was used. */
  reused: boolean;
}

export interface Phases {
  hops: HopPhases[];
  total: number;
}

const span = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b >= a ? b - a : undefined;

function firstT(events: InetEvent[], pred: (e: InetEvent) => boolean): number | undefined {
  return events.find(pred)?.t;
}

function lastT(events: InetEvent[], pred: (e: InetEvent) => boolean): number | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (pred(events[i] as InetEvent)) return (events[i] as InetEvent).t;
  return undefined;
}

const isStatus = (s: string) => (e: InetEvent) => e.type === 'native' && e.status === s;

/** The event times a hop's phases run between: shared by derivePhases and the waterfall. */
export interface HopMarks {
  resolving?: number;
  resolved?: number;
  connecting?: number;
  connected?: number;
  tlsDone?: number;
  sending?: number;
  /** The last REQUEST_SENT before the response, or the last upload progress. */
  sendEnd?: number;
  firstResponse?: number;
  received?: number;
  /** The first network step (resolving, connecting or sending): where `blocked` ends. */
  firstStep?: number;
  /** Any native event at all (an imported Chrome entry has none). */
  native: boolean;
}

export function hopMarks(events: readonly InetEvent[]): HopMarks {
  const list = events as InetEvent[];
  const firstResponse = firstT(list, (e) => isStatus('RESPONSE_RECEIVED')(e) || e.type === 'headers');
  const sent = lastT(list, (e) => isStatus('REQUEST_SENT')(e) && (firstResponse === undefined || e.t <= firstResponse));
  const uploadEnd = lastT(list, (e) => e.type === 'upload');
  return {
    resolving: firstT(list, isStatus('RESOLVING_NAME')),
    resolved: firstT(list, isStatus('NAME_RESOLVED')),
    connecting: firstT(list, isStatus('CONNECTING_TO_SERVER')),
    connected: firstT(list, isStatus('CONNECTED_TO_SERVER')),
    tlsDone: firstT(list, isStatus('TLS_HANDSHAKE_DONE')),
    sending: firstT(list, isStatus('SENDING_REQUEST')),
    sendEnd: sent === undefined && uploadEnd === undefined ? undefined : Math.max(sent ?? -Infinity, uploadEnd ?? -Infinity),
    firstResponse,
    received: lastT(list, (e) => isStatus('RESPONSE_RECEIVED')(e) || e.type === 'body' || isStatus('REDIRECT')(e)),
    firstStep: firstT(list, (e) => isStatus('RESOLVING_NAME')(e) || isStatus('CONNECTING_TO_SERVER')(e) || isStatus('SENDING_REQUEST')(e)),
    native: list.some((e) => e.type === 'native'),
  };
}

/**
 * Where a hop's wait starts: when the request was sent; for a hop with no native events at
 * all (imported from a HAR without InetScope's events), which knows only when its response
 * came, at the hop's start.
 */
export function waitStart(m: HopMarks, hopStart: number): number | undefined {
  return m.sendEnd ?? (m.native ? undefined : hopStart);
}

function hopPhases(hop: number, events: InetEvent[], start: number, end: number): HopPhases {
  const m = hopMarks(events);
  return {
    hop,
    start,
    end,
    blocked: span(start, m.firstStep),
    dns: span(m.resolving, m.resolved),
    connect: span(m.connecting, m.connected),
    tls: span(m.connected, m.tlsDone),
    send: span(m.sending, m.sendEnd),
    wait: span(waitStart(m, start), m.firstResponse),
    receive: span(m.firstResponse, m.received),
    total: end - start,
    reused: m.connecting === undefined,
  };
}

export function derivePhases(events: readonly InetEvent[]): Phases {
  const byHop = new Map<number, InetEvent[]>();
  for (const e of events) {
    const list = byHop.get(e.hop) ?? [];
    list.push(e);
    byHop.set(e.hop, list);
  }
  const hops: HopPhases[] = [];
  let start = 0;
  for (const hop of [...byHop.keys()].sort((a, b) => a - b)) {
    const list = byHop.get(hop) as InetEvent[];
    const end = list[list.length - 1]?.t ?? start;
    hops.push(hopPhases(hop, list, start, end));
    start = end;
  }
  const finished = events.find((e) => e.type === 'finished');
  return { hops, total: finished?.t ?? events[events.length - 1]?.t ?? 0 };
}
