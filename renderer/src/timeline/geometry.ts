// Waterfall geometry: one bar per phase per redirect hop, scaled to a width in px. A pure
// function of the events (and of `now` while the request runs), so it is tested without a
// DOM. The phase boundaries are domain/phases.ts's (hopMarks, as derivePhases uses them):
// a finished hop gets the same durations; a running one also shows the phase in progress.
import type { InetEvent } from '../../../contract/events.js';
import { hopMarks, waitStart } from '../../../domain/phases.js';

export type PhaseName = 'blocked' | 'dns' | 'connect' | 'tls' | 'send' | 'wait' | 'receive';

export const PHASE_ORDER: readonly PhaseName[] = ['blocked', 'dns', 'connect', 'tls', 'send', 'wait', 'receive'];

export interface WaterfallRow {
  hop: number;
  phase: PhaseName;
  /** px from the left edge. */
  x: number;
  /** px, at least 1 (a zero-length phase stays visible). */
  width: number;
  /** px from the top: row index × rowHeight. */
  y: number;
  /** ms since the request started. */
  startMs: number;
  durationMs: number;
  /** Still running: it grows with `now`. */
  running: boolean;
  label: string;
}

export interface WaterfallTick {
  x: number;
  label: string;
}

export interface WaterfallGeometry {
  rows: WaterfallRow[];
  /** The span the width represents, in ms since the request started. */
  totalMs: number;
  ticks: WaterfallTick[];
}

export interface WaterfallOptions {
  width: number;
  rowHeight: number;
  /** The current time in ms since the request started (the events' clock); makes a
   * running phase grow to it. Ignored once the request has finished. */
  now?: number;
  /** The most ticks wanted; by default one per 80 px. */
  maxTicks?: number;
}

interface Span {
  phase: PhaseName;
  start: number;
  /** Undefined: no end event yet. */
  end?: number;
}

/** Whether a TLS handshake is to be expected in this hop (only curl reports its end). */
function expectsTls(hopUrl: string | undefined, engine: string | undefined): boolean {
  return engine !== 'wininet' && hopUrl !== undefined && /^https:/i.test(hopUrl);
}

/** The phases that started in one hop, with their ends where known (derivePhases' rules). */
function hopSpans(events: InetEvent[], tlsExpected: boolean, hopStart: number): Span[] {
  const m = hopMarks(events);
  const spans: Span[] = [];
  const add = (phase: PhaseName, start: number | undefined, end: number | undefined): void => {
    if (start === undefined) return;
    // An end before the start is no end (derivePhases leaves such a phase out too).
    spans.push({ phase, start, end: end !== undefined && end >= start ? end : undefined });
  };
  // Only once the first step came: a running hop's first moments are not yet "blocked".
  if (m.firstStep !== undefined && m.firstStep > hopStart) add('blocked', hopStart, m.firstStep);
  add('dns', m.resolving, m.resolved);
  add('connect', m.connecting, m.connected);
  if (m.tlsDone !== undefined || (tlsExpected && m.sending === undefined)) add('tls', m.connected, m.tlsDone);
  add('send', m.sending, m.sendEnd);
  // The imported-hop rule applies once the response is known, not to a hop just started.
  if (m.firstResponse !== undefined || m.native) add('wait', waitStart(m, hopStart), m.firstResponse);
  add('receive', m.firstResponse, m.received);
  return spans;
}

/** The end of each span: its end event; an open one ends where the next phase starts, or
 * grows to `now` in a running hop, or is cut at the hop's last event. The last started
 * phase of a running hop keeps growing (a download's receive phase has an end event per
 * chunk but is not over). */
function closeSpans(spans: Span[], hopEnd: number, live: boolean, now: number): Array<Span & { end: number; running: boolean }> {
  const lastStart = Math.max(...spans.map((s) => s.start));
  return spans.map((s) => {
    const isCurrent = live && s.start === lastStart && spans.filter((o) => o.start === lastStart).pop() === s;
    const streaming = s.phase === 'send' || s.phase === 'receive';
    if (isCurrent && (s.end === undefined || streaming)) return { ...s, end: Math.max(s.end ?? s.start, now), running: true };
    if (s.end !== undefined) return { ...s, end: s.end, running: false };
    const next = spans.filter((o) => o.start > s.start).map((o) => o.start);
    const end = next.length > 0 ? Math.min(...next) : Math.max(hopEnd, s.start);
    return { ...s, end, running: false };
  });
}

/** 1, 2 or 5 × 10^k, the smallest giving at most maxTicks intervals over totalMs. */
export function niceStep(totalMs: number, maxTicks: number): number {
  const raw = totalMs / Math.max(1, maxTicks);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

const clean = (v: number): number => Number(v.toPrecision(12));

/** "0", "250 ms", "0.5 ms", "1 s", "1.5 s": seconds from a 0.5 s step on. */
export function formatTick(ms: number, step: number): string {
  if (ms === 0) return '0';
  if (step >= 500) return `${clean(ms / 1000)} s`;
  return `${clean(ms)} ms`;
}

/** A duration for a bar's label: 3 significant digits, ms below 1 s. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${clean(Number((ms / 1000).toPrecision(3)))} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${clean(Number(ms.toPrecision(3)))} ms`;
}

function groupByHop(events: readonly InetEvent[]): Map<number, InetEvent[]> {
  const byHop = new Map<number, InetEvent[]>();
  for (const e of events) {
    const list = byHop.get(e.hop) ?? [];
    list.push(e);
    byHop.set(e.hop, list);
  }
  return byHop;
}

/** The URL each hop asked for: the started URL, then each REDIRECT's target. */
function hopUrls(events: readonly InetEvent[]): Map<number, string> {
  const urls = new Map<number, string>();
  for (const e of events) {
    if (e.type === 'started') urls.set(e.hop, e.url);
    else if (e.type === 'native' && e.status === 'REDIRECT' && e.info?.url) urls.set(e.hop + 1, e.info.url);
  }
  return urls;
}

export function waterfallGeometry(events: readonly InetEvent[], opts: WaterfallOptions): WaterfallGeometry {
  const finished = events.find((e) => e.type === 'finished');
  const started = events.find((e) => e.type === 'started');
  const lastEventT = events.reduce((m, e) => Math.max(m, e.t), 0);
  const now = finished || opts.now === undefined ? lastEventT : Math.max(opts.now, lastEventT);
  const byHop = groupByHop(events);
  const urls = hopUrls(events);
  const hops = [...byHop.keys()].sort((a, b) => a - b);
  const lastHop = hops[hops.length - 1];

  const spans: Array<Span & { hop: number; end: number; running: boolean }> = [];
  // A hop starts where the previous one ended (derivePhases' rule).
  let hopStart = 0;
  for (const hop of hops) {
    const list = byHop.get(hop) as InetEvent[];
    const raw = hopSpans(list, expectsTls(urls.get(hop), started?.type === 'started' ? started.engine : undefined), hopStart);
    const hopEnd = list[list.length - 1]?.t ?? hopStart;
    if (raw.length > 0) for (const s of closeSpans(raw, hopEnd, !finished && hop === lastHop, now)) spans.push({ ...s, hop });
    hopStart = hopEnd;
  }

  const totalMs = Math.max(finished?.t ?? 0, now, ...spans.map((s) => s.end));
  const width = Math.max(1, opts.width);
  const scale = totalMs > 0 ? width / totalMs : 0;
  const rows: WaterfallRow[] = spans.map((s, i) => {
    const durationMs = s.end - s.start;
    const w = Math.min(width, Math.max(1, durationMs * scale));
    const x = Math.max(0, Math.min(s.start * scale, width - w));
    return {
      hop: s.hop,
      phase: s.phase,
      x,
      width: w,
      y: i * opts.rowHeight,
      startMs: s.start,
      durationMs,
      running: s.running,
      label: `${s.phase} ${formatDuration(durationMs)}`,
    };
  });

  const maxTicks = opts.maxTicks ?? Math.max(1, Math.floor(width / 80));
  const ticks: WaterfallTick[] = [];
  if (totalMs > 0) {
    const step = niceStep(totalMs, maxTicks);
    for (let i = 0; i * step <= totalMs * (1 + 1e-9); i++) {
      const ms = clean(i * step);
      ticks.push({ x: Math.min(width, ms * scale), label: formatTick(ms, step) });
    }
  } else {
    ticks.push({ x: 0, label: '0' });
  }
  return { rows, totalMs, ticks };
}
