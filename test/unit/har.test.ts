// The pure HAR conversion (domain/har/): timings from phases, Chrome-style entries,
// versions, bad input named.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InetEvent } from '../../contract/events.js';
import type { RequestDraft } from '../../contract/request.js';
import { exchangeToHarEntries, hopTimings } from '../../domain/har/export.js';
import { HarFileError, harEntryDraft, harToExchanges } from '../../domain/har/import.js';
import { normalizeHttpVersion } from '../../domain/har/synth.js';
import { derivePhases } from '../../domain/phases.js';
import { bareAddress, bodyAsText, fromBase64, toBase64 } from '../../domain/har/text.js';

let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const entry = (over: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-01-02T03:04:05.006Z',
  time: 10,
  request: { method: 'GET', url: 'https://a.test/x?q=1', headers: [] },
  response: { status: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }], content: { size: 2, mimeType: 'text/plain', text: 'hi' } },
  timings: { blocked: -1, dns: 1, connect: 3, ssl: 2, send: 1, wait: 4, receive: 1 },
  ...over,
});

describe('HAR conversion', () => {
  it('timings: ssl inside connect, -1 where a phase did not happen, time is their sum', () => {
    const { timings, time } = hopTimings({ hop: 0, start: 0, end: 20, blocked: 0.5, dns: 1, connect: 2, tls: 3, send: 0.25, wait: 4, receive: 5, total: 20, reused: false });
    assert.deepEqual(timings, { blocked: 0.5, dns: 1, connect: 5, ssl: 3, send: 0.25, wait: 4, receive: 5 });
    assert.equal(time, 15.75);
    const reused = hopTimings({ hop: 1, start: 20, end: 30, send: 1, wait: 2, total: 10, reused: true });
    assert.deepEqual(reused.timings, { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 1, wait: 2, receive: 0 });
    assert.equal(reused.time, 3);
  });

  it('a plain entry gets started, headers, body and finished at its timings, no native callback', () => {
    const { exchanges, skipped } = harToExchanges({ log: { entries: [entry()] } }, newId);
    assert.deepEqual(skipped, []);
    const x = exchanges[0]!;
    assert.deepEqual(x.events.map((e) => [e.type, e.t]), [['started', 0], ['headers', 9], ['body', 10], ['finished', 10]]);
    assert.equal(new TextDecoder().decode(x.body), 'hi');
    assert.equal(x.summary.source, 'har');
    assert.equal(x.summary.startedAt, Date.parse('2026-01-02T03:04:05.006Z'));
    const [hop] = derivePhases(x.events).hops;
    assert.deepEqual([hop?.wait, hop?.receive, hop?.total], [9, 1, 10], 'the waterfall: waiting until the headers, then receiving');
  });

  it('_proxy: the hop\'s PROXY_CHOSEN is exported, and a plain entry\'s _proxy imports as that event', () => {
    const id = 'r';
    const events = [
      { id, seq: 0, hop: 0, t: 0, type: 'started', engine: 'curl', method: 'GET', url: 'http://a.test/', wallTime: 0 },
      { id, seq: 1, hop: 0, t: 1, type: 'native', status: 'PROXY_CHOSEN', code: 1003, info: { proxy: 'http://p:3128', reason: 'configured' } },
      { id, seq: 2, hop: 0, t: 2, type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: 'HTTP/1.1', rawHeaders: 'HTTP/1.1 200 OK\r\n\r\n' },
      { id, seq: 3, hop: 0, t: 3, type: 'finished', ok: true, statusCode: 200, bodyBytes: 0, uploadBytes: 0 },
    ] as const;
    const request: RequestDraft = { url: 'http://a.test/', method: 'GET', headers: [], body: { kind: 'none' }, engine: 'curl', timeouts: {}, insecure: false };
    const [har] = exchangeToHarEntries({ request, events: [...events] as InetEvent[], body: { bytes: new Uint8Array() } }, 0);
    assert.deepEqual(har?._proxy, { proxy: 'http://p:3128', reason: 'configured' });
    const plain = harToExchanges({ log: { entries: [entry({ _proxy: { proxy: 'direct', reason: 'bypassed' } })] } }, newId).exchanges[0]!;
    const chosen = plain.events.find((e) => e.type === 'native');
    assert.deepEqual(chosen?.type === 'native' && [chosen.status, chosen.info], ['PROXY_CHOSEN', { proxy: 'direct', reason: 'bypassed' }]);
    const bad = harToExchanges({ log: { entries: [entry({ _proxy: { proxy: 1 } })] } }, newId).exchanges[0]!;
    assert.equal(bad.events.some((e) => e.type === 'native'), false, 'a malformed _proxy is left out, the entry kept');
  });

  it('names what is wrong: the file, or the entry', () => {
    assert.throws(() => harToExchanges([], newId), (e) => e instanceof HarFileError && /^not a HAR file/.test(e.message));
    const { exchanges, skipped } = harToExchanges({ log: { entries: [entry({ startedDateTime: 'yesterday' }), entry({ request: { method: 'GET', url: 'ftp://a.test/' } }), entry()] } }, newId);
    assert.equal(exchanges.length, 1);
    assert.deepEqual(skipped.map((s) => s.index), [0, 1]);
    assert.match(skipped[0]!.reason, /^entry 0: startedDateTime: is not a date and time/);
    assert.match(skipped[1]!.reason, /^entry 1: request\.url: "ftp:\/\/a\.test\/" is not an http\(s\) URL/);
    assert.throws(() => harEntryDraft({ log: { entries: [entry()] } }, 3), /has no entry 3 \(it has 1 entries/);
  });

  it('postData: text, base64, params', () => {
    const post = (postData: unknown) => harEntryDraft({ log: { entries: [entry({ request: { method: 'POST', url: 'http://a.test/', postData } })] } }, 0).body;
    assert.deepEqual(post({ mimeType: 'text/plain', text: 'abc' }), { kind: 'text', text: 'abc' });
    assert.deepEqual(post({ mimeType: 'application/octet-stream', text: 'AAEC', _encoding: 'base64' }), { kind: 'base64', base64: 'AAEC' });
    assert.deepEqual(post({ mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a', value: '1' }] }), { kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] });
    assert.deepEqual(post({ mimeType: 'multipart/form-data; boundary=x', params: [{ name: 'f', fileName: 'a.txt' }] }), { kind: 'multipart', parts: [{ kind: 'text', name: 'f', value: '' }] });
  });

  it('text helpers', () => {
    assert.deepEqual([normalizeHttpVersion('http/2.0'), normalizeHttpVersion('h3'), normalizeHttpVersion(''), normalizeHttpVersion('HTTP/1.0')], ['HTTP/2', 'HTTP/3', 'HTTP/1.1', 'HTTP/1.0']);
    assert.deepEqual([bareAddress('127.0.0.1:80'), bareAddress('[::1]:443'), bareAddress('::1'), bareAddress('a.test')], ['127.0.0.1', '::1', '::1', undefined]);
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
    assert.equal(bodyAsText('application/json', new TextEncoder().encode('{"ä":1}')), '{"ä":1}');
    assert.equal(bodyAsText('image/png', new Uint8Array([1, 2])), undefined);
    assert.equal(bodyAsText('text/plain', new Uint8Array([0xff, 0xfe])), undefined, 'not UTF-8: base64 instead');
  });
});
