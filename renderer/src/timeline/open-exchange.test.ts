import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { emptyDraft } from '../composer/draft.js';
import { createAppStore } from '../app-store.js';
import { activeTab } from '../tabs/tabs-slice.js';

const A = '11111111-1111-4111-8111-111111111111';
const ev = (seq: number, rest: Record<string, unknown>): InetEvent => ({ id: A, seq, hop: 0, t: seq, ...rest }) as InetEvent;
const stored: InetEvent[] = [
  ev(0, { type: 'started', engine: 'curl', method: 'GET', url: 'http://h/x', wallTime: 5 }),
  ev(1, { type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: 'HTTP/1.1 200 OK\r\n\r\n' }),
  ev(2, { type: 'finished', ok: true, statusCode: 200, bodyBytes: 3, uploadBytes: 0 }),
];
const draft = { ...emptyDraft(), url: 'http://h/x' };

describe('openExchange', () => {
  it('shows a stored exchange in the blank first tab, folded as a live one', () => {
    const store = createAppStore();
    const first = store.getState().activeTab;
    const key = store.getState().openExchange(draft, A, stored);
    const s = store.getState();
    expect(key).toBe(first);
    expect(s.tabs).toHaveLength(1);
    expect(activeTab(s)).toMatchObject({ requestId: A, draft: { url: 'http://h/x' } });
    expect(activeTab(s).inFlightId).toBeUndefined();
    expect(s.timeline[A]?.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(s.responses[A]).toMatchObject({ status: { code: 200 }, finished: { ok: true, bodyBytes: 3 } });
  });

  it('opens a new tab beside a used one, and replaces an earlier copy of the events', () => {
    const store = createAppStore();
    store.getState().updateDraft(store.getState().activeTab, (d) => ({ ...d, url: 'typed' }));
    store.getState().openExchange(draft, A, stored.slice(0, 1));
    store.getState().openExchange(draft, A, stored);
    const s = store.getState();
    expect(s.tabs).toHaveLength(3);
    expect(s.timeline[A]).toHaveLength(3);
  });
});
