import { describe, expect, it, vi } from 'vitest';
import type { InetEvent, StatusName } from '../../contract/events.js';
import { createAppStore } from './app-store.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function ev(id: string, seq: number, rest: Partial<InetEvent> & Pick<InetEvent, 'type'>): InetEvent {
  return { id, seq, hop: 0, t: seq * 1.5, ...rest } as InetEvent;
}

const started = (id: string) => ev(id, 0, { type: 'started', engine: 'curl', method: 'GET', url: 'http://x/', wallTime: 1 });
const native = (id: string, seq: number, status: StatusName) => ev(id, seq, { type: 'native', status, code: 10 });

/** A store with each request begun in a tab of its own (events of other requests are not kept). */
function begun(...ids: string[]) {
  const store = createAppStore();
  ids.forEach((id, i) => store.getState().beginRequest(i === 0 ? store.getState().activeTab : store.getState().newTab(), id));
  return store;
}

describe('applyPush', () => {
  it('applies events of several requests in one set() call', () => {
    const store = begun(A, B);
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().applyPush({
      kind: 'events',
      events: [started(A), started(B), native(A, 1, 'RESOLVING_NAME'), native(B, 1, 'RESOLVING_NAME'), native(A, 2, 'NAME_RESOLVED')],
    });
    expect(listener).toHaveBeenCalledTimes(1);
    const s = store.getState();
    expect(s.timeline[A]?.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(s.timeline[B]?.map((e) => e.seq)).toEqual([0, 1]);
    expect(s.responses[A]?.started?.engine).toBe('curl');
    expect(s.responses[A]?.lastT).toBe(3);
  });

  it('appends to earlier batches without mutating them, and drops duplicates', () => {
    const store = begun(A);
    store.getState().applyPush({ kind: 'events', events: [started(A)] });
    const before = store.getState().timeline[A];
    store.getState().applyPush({ kind: 'events', events: [started(A), native(A, 1, 'RESOLVING_NAME')] });
    expect(before).toHaveLength(1);
    expect(store.getState().timeline[A]?.map((e) => e.seq)).toEqual([0, 1]);
  });

  it('folds headers, body progress and finished; clears the tab in flight', () => {
    const store = createAppStore();
    const key = store.getState().activeTab;
    store.getState().beginRequest(key, A);
    expect(store.getState().tabs[0]?.inFlightId).toBe(A);
    expect(store.getState().timeline[A]).toEqual([]);
    store.getState().applyPush({
      kind: 'events',
      events: [
        started(A),
        ev(A, 1, { type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: 'HTTP/1.1 200 OK\r\nA: b\r\n\r\n', contentLength: 10 }),
        ev(A, 2, { type: 'body', bytes: 4, total: 10 }),
      ],
    });
    let r = store.getState().responses[A];
    expect(r?.status).toEqual({ code: 200, line: 'HTTP/1.1 200 OK', httpVersion: '1.1' });
    expect([r?.bodyBytes, r?.bodyTotal]).toEqual([4, 10]);
    expect(store.getState().tabs[0]?.inFlightId).toBe(A);
    store.getState().applyPush({ kind: 'events', events: [ev(A, 3, { type: 'finished', ok: true, statusCode: 200, bodyBytes: 10, uploadBytes: 0 })] });
    r = store.getState().responses[A];
    expect(r?.finished?.ok).toBe(true);
    expect(r?.bodyBytes).toBe(10);
    expect(store.getState().tabs[0]?.inFlightId).toBeUndefined();
    expect(store.getState().tabs[0]?.requestId).toBe(A);
  });

  it('does nothing for an empty batch', () => {
    const store = createAppStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getState();
    store.getState().applyPush({ kind: 'events', events: [] });
    expect(store.getState().timeline).toBe(before.timeline);
  });
});

describe('events of a request no tab began', () => {
  it('keeps no events of a request no tab began', () => {
    const store = begun(A);
    const before = store.getState().timeline;
    store.getState().applyPush({ kind: 'events', events: [started(B)] });
    expect(store.getState().timeline).toBe(before);
  });
});

describe('tabs', () => {
  it('opens, switches and closes tabs, keeping one', () => {
    const store = createAppStore();
    const first = store.getState().activeTab;
    const second = store.getState().newTab();
    expect(store.getState().activeTab).toBe(second);
    store.getState().updateDraft(second, (d) => ({ ...d, url: 'http://a/' }));
    expect(store.getState().tabs[1]?.draft.url).toBe('http://a/');
    expect(store.getState().tabs[0]?.draft.url).toBe('');
    store.getState().closeTab(second);
    expect(store.getState().activeTab).toBe(first);
    store.getState().closeTab(first);
    expect(store.getState().tabs).toHaveLength(1);
  });

  it('failRequest records the message and ends the flight', () => {
    const store = createAppStore();
    const key = store.getState().activeTab;
    store.getState().beginRequest(key, A);
    store.getState().failRequest(key, A, 'BAD_INPUT: nope');
    expect(store.getState().tabs[0]).toMatchObject({ error: 'BAD_INPUT: nope', inFlightId: undefined, requestId: undefined });
    expect(store.getState().timeline[A]).toBeUndefined();
  });

  it('a failed send with no event shows no exchange (the earlier one belongs to an earlier request)', () => {
    const store = createAppStore();
    const key = store.getState().activeTab;
    store.getState().beginRequest(key, A);
    store.getState().applyPush({ kind: 'events', events: [started(A)] });
    store.getState().beginRequest(key, B);
    store.getState().failRequest(key, B, 'DISCONNECTED: closed');
    expect(store.getState().tabs[0]).toMatchObject({ requestId: undefined, inFlightId: undefined, error: 'DISCONNECTED: closed' });
    // A went when B began: no tab shows it any more.
    expect(store.getState().timeline[A]).toBeUndefined();
  });

  it('a send refused before it is made shows no exchange; a failed cancel keeps the one in flight', () => {
    const store = createAppStore();
    const key = store.getState().activeTab;
    store.getState().beginRequest(key, A);
    store.getState().failRequest(key, undefined, 'CANCEL: failed');
    expect(store.getState().tabs[0]).toMatchObject({ requestId: A, inFlightId: A });
    store.getState().applyPush({ kind: 'events', events: [started(A), ev(A, 1, { type: 'finished', ok: true, statusCode: 200, bodyBytes: 0, uploadBytes: 0 })] });
    store.getState().failRequest(key, undefined, 'Enter a URL.');
    expect(store.getState().tabs[0]).toMatchObject({ requestId: undefined, error: 'Enter a URL.' });
  });

  it('replaceDraft (an import) drops the shown response and the error', () => {
    const store = createAppStore();
    const key = store.getState().activeTab;
    store.getState().beginRequest(key, A);
    store.getState().applyPush({ kind: 'events', events: [started(A)] });
    store.getState().replaceDraft(key, { ...store.getState().tabs[0]!.draft, url: 'http://127.0.0.1/x' });
    expect(store.getState().tabs[0]).toMatchObject({ requestId: undefined, error: undefined });
  });
});
