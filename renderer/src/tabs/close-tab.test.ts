import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { appStore } from '../app-store.js';
import { historyStore } from '../history/history-store.js';
import { interopStore, setCopyStatus, setNotice } from '../interop/interop-store.js';
import { cachedBodyIds, responseBodyCache } from '../response/body-caches.js';
import { CHUNK, SliceCache } from '../viewers/slice-cache.js';

const TABS = 50;
const NATIVE_EVENTS = 2000;
const BODY = 4 * CHUNK;

const id = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A large exchange's events: many native callbacks, headers, body progress, finished. */
function exchange(rid: string): InetEvent[] {
  const ev = (seq: number, rest: Record<string, unknown>) => ({ id: rid, seq, hop: 0, t: seq, ...rest }) as InetEvent;
  const events = [ev(0, { type: 'started', engine: 'curl', method: 'GET', url: 'http://h/big', wallTime: 1 })];
  for (let i = 1; i <= NATIVE_EVENTS; i++) events.push(ev(i, { type: 'native', status: 'RECEIVING_RESPONSE', code: 7, info: { bytes: i } }));
  events.push(ev(NATIVE_EVENTS + 1, { type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: '1.1', rawHeaders: 'HTTP/1.1 200 OK\r\n\r\n', contentLength: BODY }));
  events.push(ev(NATIVE_EVENTS + 2, { type: 'body', bytes: BODY, total: BODY }));
  events.push(ev(NATIVE_EVENTS + 3, { type: 'finished', ok: true, statusCode: 200, bodyBytes: BODY, uploadBytes: 0 }));
  return events;
}

describe('closing a tab', () => {
  it('frees its timeline, response, cached body bytes and notices (50 tabs with large responses); the history stays', async () => {
    const history = historyStore.getState().data;
    const keys: string[] = [];
    for (let i = 0; i < TABS; i++) {
      const key = appStore.getState().newTab();
      keys.push(key);
      appStore.getState().beginRequest(key, id(i));
      setNotice(key, { kind: 'imported', title: 'Imported from cURL', warnings: [], notes: [] });
      setCopyStatus(key, 'Copied as cURL.');
      appStore.getState().applyPush({ kind: 'events', events: exchange(id(i)) });
      // What the viewers do: read the body through its slice cache.
      const cache = responseBodyCache(id(i), new SliceCache(async (offset, length) => ({ bytes: new Uint8Array(Math.min(length, BODY - offset)), total: BODY, complete: true }), BODY));
      await cache.read(0, BODY);
      expect(cache.cachedChunks).toHaveLength(4);
    }
    const held = appStore.getState();
    expect(Object.keys(held.timeline)).toHaveLength(TABS);
    expect(held.timeline[id(0)]).toHaveLength(NATIVE_EVENTS + 4);
    expect(held.responses[id(0)]?.finished?.bodyBytes).toBe(BODY);
    expect(cachedBodyIds()).toHaveLength(TABS);

    for (const key of keys) appStore.getState().closeTab(key);

    const s = appStore.getState();
    expect(s.tabs).toHaveLength(1);
    expect(s.timeline).toEqual({});
    expect(s.responses).toEqual({});
    expect(cachedBodyIds()).toEqual([]);
    expect(interopStore.getState()).toMatchObject({ notices: {}, copyStatus: {} });
    expect(historyStore.getState().data).toBe(history);
  });

  it('keeps an exchange another tab still shows', () => {
    const rid = id(999);
    const draft = appStore.getState().tabs[0]!.draft;
    const a = appStore.getState().openExchange({ ...draft, url: 'http://h/a' }, rid, exchange(rid).slice(0, 3));
    appStore.getState().openExchange({ ...draft, url: 'http://h/a' }, rid, exchange(rid).slice(0, 3));
    appStore.getState().closeTab(a);
    expect(appStore.getState().timeline[rid]).toHaveLength(3);
  });
});
