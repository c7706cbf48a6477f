import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InetEvent } from '../../contract/events.js';
import { formatClock, formatTimelineJson, formatTimelineLine, formatTimelineText, startWallTime } from '../../domain/timeline-text.js';

const base = { id: 'r1', hop: 0 };
const events: InetEvent[] = [
  { ...base, seq: 0, t: 0.291, type: 'started', engine: 'wininet', method: 'GET', url: 'http://127.0.0.1:18080/', wallTime: 1_700_000_000_000 },
  { ...base, seq: 1, t: 9.697, type: 'native', status: 'HANDLE_CREATED', code: 60, info: { handle: '0x2' } },
  { ...base, seq: 2, t: 23.495, type: 'native', status: 'SENDING_REQUEST', code: 30 },
  { ...base, seq: 3, t: 34.973, type: 'native', status: 'REQUEST_COMPLETE', code: 100, info: { result: '0x1', error: 0, op: 'HttpSendRequestW' } },
  { ...base, seq: 4, t: 37.298, type: 'headers', statusCode: 200, statusLine: 'HTTP/1.0 200 OK', httpVersion: '1.0', rawHeaders: '' },
  { ...base, seq: 5, t: 38.111, type: 'body', bytes: 743, total: 743 },
  { ...base, seq: 6, t: 41.242, type: 'finished', ok: true, statusCode: 200, bodyBytes: 743, uploadBytes: 0, bodyBase64: 'AAAA' },
];

describe('timeline text (the CLI --timeline format)', () => {
  it('formats each event as the --timeline example in docs/cli.md shows it', () => {
    assert.deepEqual(formatTimelineText(events).split('\n'), [
      '     0.291 ms  hop 0  started GET http://127.0.0.1:18080/ [wininet]',
      '     9.697 ms  hop 0  HANDLE_CREATED (60)  handle=0x2',
      '    23.495 ms  hop 0  SENDING_REQUEST (30)',
      '    34.973 ms  hop 0  REQUEST_COMPLETE (100)  result=0x1 error=0 op=HttpSendRequestW',
      '    37.298 ms  hop 0  headers HTTP/1.0 200 OK',
      '    38.111 ms  hop 0  body 743/743 bytes',
      '    41.242 ms  hop 0  finished ok 200, 743 body bytes',
      '',
    ]);
  });

  it('quotes info values with spaces, names errors and redirect hops', () => {
    const redirect: InetEvent = { ...base, hop: 1, seq: 9, t: 1234.5, type: 'native', status: 'REDIRECT', code: 110, info: { url: 'http://a/b c' } };
    assert.equal(formatTimelineLine(redirect), '  1234.500 ms  hop 1  REDIRECT (110)  url="http://a/b c"');
    const failed: InetEvent = {
      ...base, seq: 10, t: 5, type: 'finished', ok: false, bodyBytes: 0, uploadBytes: 0,
      error: { code: 'CONNECT_FAILED', name: 'CURLE_COULDNT_CONNECT', message: 'refused' },
    };
    assert.equal(formatTimelineLine(failed), '     5.000 ms  hop 0  finished error CONNECT_FAILED: refused');
    assert.equal(formatTimelineText([]), '');
  });

  it('names the cookies a hop sent and what each Set-Cookie did', () => {
    const received = [
      { name: 'c2', domain: 'a', path: '/', stored: true },
      { name: 'x', domain: 'b', path: '/', stored: false, reason: 'the domain b does not match a' },
    ];
    const cookies: InetEvent = { ...base, hop: 1, seq: 11, t: 7, type: 'cookies', sent: ['c1'], received };
    assert.equal(formatTimelineLine(cookies), '     7.000 ms  hop 1  cookies jar: sent c1; received c2 (stored), x (not stored: the domain b does not match a)');
    assert.equal(formatTimelineLine({ ...cookies, sent: [], received: [] }), '     7.000 ms  hop 1  cookies jar: sent none; received none');
  });

  it('matches the CLI line pattern for every event', () => {
    for (const line of formatTimelineText(events).trimEnd().split('\n')) {
      assert.match(line, /^ *\d+\.\d{3} ms {2}hop \d+ {2}\S/);
      assert.equal(line.indexOf(' ms'), 10);
    }
  });

  it('copies the raw events as a JSON array, without the inline body', () => {
    const parsed = JSON.parse(formatTimelineJson(events)) as InetEvent[];
    assert.equal(parsed.length, events.length);
    assert.deepEqual(parsed[1], events[1]);
    assert.equal('bodyBase64' in (parsed[6] ?? {}), false);
    assert.deepEqual(JSON.parse(formatTimelineJson([])), []);
  });
});

describe('absolute time', () => {
  it('formats local HH:MM:SS.mmm with zero padding', () => {
    const d = new Date(2024, 0, 2, 3, 4, 5, 6);
    assert.equal(formatClock(d.getTime()), '03:04:05.006');
    assert.equal(formatClock(new Date(2024, 0, 2, 23, 59, 59, 999).getTime()), '23:59:59.999');
  });

  it('truncates sub-ms parts instead of rounding into the next second', () => {
    const d = new Date(2024, 0, 2, 12, 0, 0, 999).getTime();
    assert.equal(formatClock(d + 0.9), '12:00:00.999');
    assert.equal(formatClock(new Date(2024, 0, 2, 12, 0, 0, 0).getTime() + 41.242), '12:00:00.041');
  });

  it('is empty for a non-finite instant; t = 0 is the started event wallTime', () => {
    assert.equal(formatClock(Number.NaN), '');
    assert.equal(startWallTime(events), 1_700_000_000_000);
    assert.equal(startWallTime(events.slice(1)), undefined);
  });
});
