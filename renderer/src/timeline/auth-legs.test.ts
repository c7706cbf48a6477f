// Auth legs in the event list and the waterfall: a challenged hop is labelled, and the next
// leg asks for the same URL again.
import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { hopSections } from './hop-sections.js';
import { hopInfos, hopTitle } from './waterfall-layout.js';
import { emptyResponse, foldEvent } from '../response/response-model.js';
import { roundTripText } from '../../../domain/auth-legs.js';

let seq = 0;
const ev = (hop: number, e: Record<string, unknown>) => ({ id: 'r', seq: seq++, hop, t: seq, ...e }) as InetEvent;
const events: InetEvent[] = [
  ev(0, { type: 'started', engine: 'curl', method: 'GET', url: 'http://h/digest/', wallTime: 0 }),
  ev(0, { type: 'headers', statusCode: 401, statusLine: 'HTTP/1.1 401 Unauthorized', httpVersion: 'HTTP/1.1', rawHeaders: 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm="r"\r\n\r\n', requestHeaders: 'GET /digest/ HTTP/1.1\r\n\r\n' }),
  ev(0, { type: 'native', status: 'AUTH_CHALLENGE', code: 1006, info: { value: 401, schemes: ['Digest'] } }),
  ev(0, { type: 'native', status: 'AUTH_LEG', code: 1007, info: { value: 401 } }),
  ev(1, { type: 'native', status: 'SENDING_REQUEST', code: 30 }),
  ev(1, { type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: 'HTTP/1.1', rawHeaders: 'HTTP/1.1 200 OK\r\n\r\n', requestHeaders: 'GET /digest/ HTTP/1.1\r\nAuthorization: Digest username="a"\r\n\r\n' }),
  ev(1, { type: 'finished', ok: true, statusCode: 200, bodyBytes: 3, uploadBytes: 0 }),
];

describe('auth legs in the timeline', () => {
  it('labels the challenged hop and gives the next leg the same URL', () => {
    const infos = hopInfos(events);
    expect(infos.get(0)?.authLeg).toBe('auth leg 401 → Digest');
    expect(infos.get(1)?.url).toBe('http://h/digest/');
    expect(hopTitle(infos.get(0), 0)).toBe('hop 0 · 401 · auth leg 401 → Digest · http://h/digest/');
    const sections = hopSections(events);
    expect(sections.map((s) => [s.hop, s.statusCode, s.authLeg])).toEqual([[0, 401, 'auth leg 401 → Digest'], [1, 200, undefined]]);
  });

  it('the response summary counts the round trips', () => {
    const r = events.reduce(foldEvent, emptyResponse());
    expect([r.hops, r.authLegs, r.redirects]).toEqual([2, 1, 0]);
    expect(roundTripText(r.hops, r.authLegs, r.redirects)).toBe('2 round trips (1 auth leg)');
  });
});
