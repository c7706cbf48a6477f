import { expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { derivePhases } from '../../../domain/phases.js';
import { formatTick, niceStep, waterfallGeometry } from './geometry.js';

type Ev = InetEvent;
const ID = '00000000-0000-4000-8000-000000000000';

/** A small event builder: seq follows the order of the calls. */
function stream() {
  const events: Ev[] = [];
  const push = (e: Record<string, unknown>): void => void events.push({ id: ID, seq: events.length, ...e } as Ev);
  return {
    events,
    started: (t: number, url = 'http://127.0.0.1:8080/', engine = 'curl') =>
      push({ type: 'started', hop: 0, t, engine, method: 'GET', url, wallTime: 1 }),
    native: (hop: number, t: number, status: string, info?: Record<string, unknown>) =>
      push({ type: 'native', hop, t, status, code: 0, ...(info ? { info } : {}) }),
    headers: (hop: number, t: number) =>
      push({ type: 'headers', hop, t, statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: '' }),
    body: (hop: number, t: number, bytes: number) => push({ type: 'body', hop, t, bytes }),
    finished: (hop: number, t: number, ok = true) =>
      push({ type: 'finished', hop, t, ok, bodyBytes: 0, uploadBytes: 0, ...(ok ? {} : { error: { code: 'CANCELLED', name: 'x', message: 'x' } }) }),
  };
}

/** A hop up to its request sent: dns [a, b], connect [b, c], send [c, d]. */
function untilSent(s: ReturnType<typeof stream>, hop: number, [a, b, c, d]: [number, number, number, number], info?: Record<string, unknown>): void {
  s.native(hop, a, 'RESOLVING_NAME');
  s.native(hop, b, 'NAME_RESOLVED');
  s.native(hop, b, 'CONNECTING_TO_SERVER');
  s.native(hop, c, 'CONNECTED_TO_SERVER');
  s.native(hop, c, 'SENDING_REQUEST');
  s.native(hop, d, 'REQUEST_SENT', info);
}

/** One complete plain-HTTP hop from t0: dns 2, connect 3, send 1, wait 4, receive 10. */
function fullHop(s: ReturnType<typeof stream>, hop: number, t0: number, redirectTo?: string): number {
  untilSent(s, hop, [t0, t0 + 2, t0 + 5, t0 + 6], { bytes: 80 });
  s.native(hop, t0 + 10, 'RECEIVING_RESPONSE');
  s.native(hop, t0 + 10, 'RESPONSE_RECEIVED', { bytes: 100 });
  if (redirectTo) {
    s.native(hop, t0 + 20, 'REDIRECT', { url: redirectTo });
  } else {
    s.headers(hop, t0 + 10);
    s.body(hop, t0 + 15, 500);
    s.native(hop, t0 + 20, 'RESPONSE_RECEIVED', { bytes: 400 });
    s.body(hop, t0 + 20, 900);
  }
  return t0 + 20;
}

const phasesOf = (rows: { hop: number; phase: string }[]) => rows.map((r) => `${r.hop}:${r.phase}`);

it('a single hop: one row per phase present, in order, durations as derivePhases', () => {
  const s = stream();
  s.started(0);
  const end = fullHop(s, 0, 0);
  s.finished(0, end + 1);
  const g = waterfallGeometry(s.events, { width: 210, rowHeight: 20 });
  expect(phasesOf(g.rows)).toEqual(['0:dns', '0:connect', '0:send', '0:wait', '0:receive']);
  expect(g.totalMs).toBe(21);
  const p = derivePhases(s.events).hops[0]!;
  const dur = Object.fromEntries(g.rows.map((r) => [r.phase, r.durationMs]));
  expect(dur).toEqual({ dns: p.dns, connect: p.connect, send: p.send, wait: p.wait, receive: p.receive });
  expect(g.rows.map((r) => r.y)).toEqual([0, 20, 40, 60, 80]);
  expect(g.rows.every((r) => !r.running)).toBe(true);
  expect(g.rows[4]).toMatchObject({ phase: 'receive', startMs: 10, durationMs: 10, x: 100, width: 100, label: 'receive 10 ms' });
});

it('a redirect chain: the rows of each hop follow in hop order, a reused connection has no dns/connect', () => {
  const s = stream();
  s.started(0);
  let t = fullHop(s, 0, 0, 'http://127.0.0.1:8080/next');
  // Hop 1 reuses the connection: no resolve, no connect.
  s.native(1, t + 1, 'SENDING_REQUEST');
  s.native(1, t + 2, 'REQUEST_SENT', { bytes: 80 });
  s.native(1, t + 5, 'RESPONSE_RECEIVED', { bytes: 100 });
  s.native(1, t + 8, 'REDIRECT', { url: 'http://127.0.0.1:8080/last' });
  t = fullHop(s, 2, t + 10);
  s.finished(2, t);
  const g = waterfallGeometry(s.events, { width: 500, rowHeight: 10 });
  expect(phasesOf(g.rows)).toEqual([
    '0:dns', '0:connect', '0:send', '0:wait', '0:receive',
    '1:blocked', '1:send', '1:wait', '1:receive',
    '2:blocked', '2:dns', '2:connect', '2:send', '2:wait', '2:receive',
  ]);
  // A hop starts where the one before ended: the gap to its first step is blocked, as in derivePhases.
  const phases = derivePhases(s.events).hops;
  expect(g.rows.filter((r) => r.phase === 'blocked').map((r) => r.durationMs)).toEqual([phases[1]!.blocked, phases[2]!.blocked]);
  const starts = g.rows.map((r) => r.startMs);
  expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  expect(g.rows[6]).toMatchObject({ hop: 1, phase: 'send', startMs: 21, durationMs: 1 });
  expect(g.totalMs).toBe(50);
});

it('a phase in progress grows with now; a finished request ignores now', () => {
  const s = stream();
  s.started(0);
  untilSent(s, 0, [1, 2, 3, 4], { bytes: 80 });
  const a = waterfallGeometry(s.events, { width: 100, rowHeight: 10, now: 10 });
  expect(phasesOf(a.rows)).toEqual(['0:blocked', '0:dns', '0:connect', '0:send', '0:wait']);
  expect(a.rows[4]).toMatchObject({ phase: 'wait', startMs: 4, durationMs: 6, running: true });
  expect(a.totalMs).toBe(10);
  const b = waterfallGeometry(s.events, { width: 100, rowHeight: 10, now: 40 });
  expect(b.rows[4]).toMatchObject({ durationMs: 36, running: true });
  expect(b.rows[4]!.width).toBeCloseTo(90);
  // The finished phases keep their durations while the scale shrinks them.
  expect(b.rows[1]!.durationMs).toBe(1);

  // The response starts: receive is the running phase and grows past its last chunk.
  s.headers(0, 12);
  s.body(0, 14, 1000);
  const c = waterfallGeometry(s.events, { width: 100, rowHeight: 10, now: 50 });
  expect(c.rows.at(-1)).toMatchObject({ phase: 'receive', startMs: 12, durationMs: 38, running: true });
  expect(c.rows.find((r) => r.phase === 'wait')).toMatchObject({ durationMs: 8, running: false });

  s.finished(0, 20, false);
  const d = waterfallGeometry(s.events, { width: 100, rowHeight: 10, now: 500 });
  expect(d.totalMs).toBe(20);
  expect(d.rows.at(-1)).toMatchObject({ phase: 'receive', durationMs: 2, running: false });
});

it('a running TLS handshake on https shows as tls; a failed connect keeps its bar up to the failure', () => {
  const s = stream();
  s.started(0, 'https://localhost:8443/');
  s.native(0, 1, 'RESOLVING_NAME');
  s.native(0, 2, 'NAME_RESOLVED');
  s.native(0, 2, 'CONNECTING_TO_SERVER');
  s.native(0, 3, 'CONNECTED_TO_SERVER');
  const g = waterfallGeometry(s.events, { width: 100, rowHeight: 10, now: 8 });
  expect(g.rows.at(-1)).toMatchObject({ phase: 'tls', startMs: 3, durationMs: 5, running: true });

  const f = stream();
  f.started(0);
  f.native(0, 1, 'RESOLVING_NAME');
  f.native(0, 2, 'NAME_RESOLVED');
  f.native(0, 2, 'CONNECTING_TO_SERVER');
  f.finished(0, 30, false);
  const h = waterfallGeometry(f.events, { width: 100, rowHeight: 10 });
  expect(phasesOf(h.rows)).toEqual(['0:blocked', '0:dns', '0:connect']);
  expect(h.rows[2]).toMatchObject({ durationMs: 28, running: false });
});

it('zero-length phases stay visible (1 px) and inside the width', () => {
  const s = stream();
  s.started(0);
  untilSent(s, 0, [0, 0, 1000, 1000]);
  s.headers(0, 1000);
  s.finished(0, 1000);
  const g = waterfallGeometry(s.events, { width: 300, rowHeight: 10 });
  // The headers came, no body: a zero-length receive at the end.
  expect(phasesOf(g.rows)).toEqual(['0:dns', '0:connect', '0:send', '0:wait', '0:receive']);
  const dns = g.rows[0]!;
  expect(dns).toMatchObject({ x: 0, width: 1, durationMs: 0 });
  for (const r of g.rows) {
    expect(r.width).toBeGreaterThanOrEqual(1);
    expect(r.x + r.width).toBeLessThanOrEqual(300);
  }
  expect(g.rows[2]).toMatchObject({ phase: 'send', x: 299, width: 1 });

  // Every event at t = 0: no division by zero.
  const z = stream();
  z.started(0);
  z.native(0, 0, 'RESOLVING_NAME');
  z.native(0, 0, 'NAME_RESOLVED');
  const zg = waterfallGeometry(z.events, { width: 100, rowHeight: 10 });
  expect(zg.rows[0]).toMatchObject({ x: 0, width: 1 });
  expect(zg.ticks).toEqual([{ x: 0, label: '0' }]);
});

it('scales x and width to the width, ticks at nice steps', () => {
  const s = stream();
  s.started(0);
  const end = fullHop(s, 0, 0);
  s.finished(0, end);
  for (const width of [100, 400, 1000]) {
    const g = waterfallGeometry(s.events, { width, rowHeight: 10 });
    const k = width / 20;
    for (const r of g.rows) {
      expect(r.x).toBeCloseTo(r.startMs * k);
      expect(r.width).toBeCloseTo(Math.max(1, r.durationMs * k));
    }
    expect(Math.max(...g.rows.map((r) => r.x + r.width))).toBeCloseTo(width);
  }
  const g = waterfallGeometry(s.events, { width: 400, rowHeight: 10 });
  expect(g.ticks.map((t) => t.label)).toEqual(['0', '5 ms', '10 ms', '15 ms', '20 ms']);
  expect(g.ticks.map((t) => t.x)).toEqual([0, 100, 200, 300, 400]);

  const long = stream();
  long.started(0);
  long.native(0, 0, 'RESOLVING_NAME');
  long.native(0, 3500, 'NAME_RESOLVED');
  const lg = waterfallGeometry(long.events, { width: 560, rowHeight: 10, maxTicks: 7 });
  expect(lg.ticks.map((t) => t.label)).toEqual(['0', '0.5 s', '1 s', '1.5 s', '2 s', '2.5 s', '3 s', '3.5 s']);
});

it('niceStep and formatTick', () => {
  expect(niceStep(100, 10)).toBe(10);
  expect(niceStep(95, 10)).toBe(10);
  expect(niceStep(101, 10)).toBe(20);
  expect(niceStep(4000, 4)).toBe(1000);
  expect(niceStep(0.9, 10)).toBeCloseTo(0.1);
  expect(formatTick(0, 10)).toBe('0');
  expect(formatTick(20, 10)).toBe('20 ms');
  expect(formatTick(0.30000000000000004, 0.1)).toBe('0.3 ms');
  expect(formatTick(2000, 1000)).toBe('2 s');
});

it('a hop imported without native events (a Chrome HAR entry) waits from its start until its response, as derivePhases says', () => {
  const s = stream();
  s.started(0);
  s.headers(0, 40);
  s.body(0, 55, 1000);
  s.finished(0, 55);
  const g = waterfallGeometry(s.events, { width: 100, rowHeight: 10 });
  expect(phasesOf(g.rows)).toEqual(['0:wait', '0:receive']);
  const p = derivePhases(s.events).hops[0]!;
  expect(g.rows.map((r) => r.durationMs)).toEqual([p.wait, p.receive]);
  expect(g.rows[0]).toMatchObject({ startMs: 0, durationMs: 40 });
});

it('a hop just started shows nothing before its first native step (no blocked or wait bar yet)', () => {
  const s = stream();
  s.started(0);
  expect(waterfallGeometry(s.events, { width: 100, rowHeight: 10, now: 5 }).rows).toEqual([]);
});
