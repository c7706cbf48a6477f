import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import type { WaterfallRow } from './geometry.js';
import { barTooltip, hopInfos, layoutWaterfall } from './waterfall-layout.js';

const ev = (e: Omit<InetEvent, 'id'> & Record<string, unknown>) => ({ id: 'r', ...e }) as InetEvent;
const row = (hop: number, phase: WaterfallRow['phase'], startMs: number, durationMs: number, running = false): WaterfallRow => ({
  hop, phase, x: 0, width: 1, y: 0, startMs, durationMs, running, label: phase,
});

describe('waterfall layout', () => {
  const events = [
    ev({ seq: 0, hop: 0, t: 0, type: 'started', engine: 'curl', method: 'GET', url: 'http://h/r', wallTime: 1 }),
    ev({ seq: 1, hop: 0, t: 5, type: 'native', status: 'REDIRECT', code: 110, info: { url: 'http://h/final' } }),
    ev({ seq: 2, hop: 1, t: 9, type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: '' }),
  ];

  it('names each hop with its status and URL', () => {
    const hops = hopInfos(events);
    expect(hops.get(0)).toEqual({ hop: 0, url: 'http://h/r', redirected: true });
    expect(hops.get(1)).toEqual({ hop: 1, url: 'http://h/final', status: 200, redirected: false });
  });

  it('puts a heading before each hop’s rows', () => {
    const { items, height } = layoutWaterfall([row(0, 'dns', 0, 1), row(0, 'wait', 1, 2), row(1, 'wait', 6, 3)], hopInfos(events), 10);
    expect(items.map((i) => (i.kind === 'hop' ? i.title : `${i.key}@${i.y}`))).toEqual([
      'hop 0 · 3xx · http://h/r', '0:dns@10', '0:wait@20', 'hop 1 · 200 · http://h/final', '1:wait@40',
    ]);
    expect(height).toBe(50);
  });

  it('tells exact durations to the microsecond', () => {
    expect(barTooltip(row(0, 'wait', 12.3456, 300.0004, true))).toBe('hop 0 wait: start 12.346 ms, duration 300.000 ms (running)');
  });
});
