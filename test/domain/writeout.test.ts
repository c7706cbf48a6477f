// curl's --write-out: the template parser, and the facts from real recorded events of both
// engines (a POST answered by a 302 to a GET, followed; a 404), rendered as curl renders them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { InetEventSchema, type InetEvent } from '../../contract/events.js';
import { REPO_ROOT } from '../support/cli.js';
import { parseWriteOut } from '../../domain/writeout/template.js';
import { keepForFacts, writeOutFacts } from '../../domain/writeout/facts.js';
import { headerJson, renderWriteOut } from '../../domain/writeout/render.js';
import { dumpRows, traceEvent, traceStamp } from '../../domain/trace-ascii.js';

const recorded = (name: string): InetEvent[] =>
  fs
    .readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'writeout', `${name}.ndjson`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => InetEventSchema.parse(JSON.parse(l)));

const render = (format: string, events: InetEvent[]) => renderWriteOut(parseWriteOut(format), writeOutFacts(events));
const stdout = (format: string, events: InetEvent[]) => render(format, events).filter((w) => w.to === 'stdout').map((w) => w.text).join('');

describe('write-out template (curl syntax)', () => {
  test('variables, header, output, %% and escapes', () => {
    assert.deepEqual(parseWriteOut('a%{http_code}\\n%%%header{Content-Type}\\t%output{>>f.txt}\\q'), [
      { kind: 'text', text: 'a' },
      { kind: 'var', name: 'http_code' },
      { kind: 'text', text: '\n%' },
      { kind: 'header', name: 'Content-Type' },
      { kind: 'text', text: '\t' },
      { kind: 'output', file: 'f.txt', append: true },
      { kind: 'text', text: '\\q' },
    ]);
  });
  test('broken pieces print as curl prints them', () => {
    assert.deepEqual(parseWriteOut('%q%{abc'), [{ kind: 'text', text: '%q%{abc' }]);
    assert.deepEqual(parseWriteOut('x%header{'), [{ kind: 'text', text: 'x%header{' }]);
    assert.deepEqual(parseWriteOut('%'), [{ kind: 'text', text: '%' }]);
    assert.deepEqual(parseWriteOut('\\'), [{ kind: 'text', text: '\\' }]);
  });
  test('a long hostile template parses in linear time', () => {
    const t0 = performance.now();
    parseWriteOut('%{'.repeat(200_000) + '%header{'.repeat(50_000));
    assert.ok(performance.now() - t0 < 2000);
  });
});

for (const engine of ['curl', 'wininet']) {
  describe(`write-out facts from ${engine} events`, () => {
    const post = recorded(`${engine}-redirect-post`);
    test('the one-liner people use', () => {
      const out = stdout('%{http_code} %{num_redirects} %{size_download} %{url_effective} %{content_type} %{http_version} %{method}\\n', post);
      assert.equal(out, '200 1 12 http://127.0.0.1:18877/t text/plain; charset=utf-8 1.1 GET\n');
    });
    test('connections, remote end, sizes as curl counts them', () => {
      const f = writeOutFacts(post);
      assert.equal(f.num_connects, 1);
      assert.equal(f.remote_ip, '127.0.0.1');
      assert.equal(f.remote_port, 18877);
      assert.equal(f.local_port, 0);
      // The final hop is a GET: curl counts no upload for it.
      assert.equal(f.size_upload, 0);
      const heads = post.filter((e) => e.type === 'headers').map((e) => (e.type === 'headers' ? e.rawHeaders.length : 0));
      assert.equal(f.size_header, heads[0]! + heads[1]!);
      assert.equal(f.speed_download, Math.floor(12 / f.time_total));
    });
    test('times: six decimals, redirect time before the final hop, in order', () => {
      const f = writeOutFacts(post);
      const order = [f.time_namelookup, f.time_connect, f.time_pretransfer, f.time_starttransfer, f.time_total];
      assert.deepEqual([...order].sort((a, b) => a - b), order);
      assert.ok(f.time_redirect > 0 && f.time_redirect <= f.time_starttransfer);
      assert.match(stdout('%{time_total}', post), /^\d+\.\d{6}$/);
    });
    test('a 404: http_code, %header{} and %{header_json}', () => {
      const nf = recorded(`${engine}-404`);
      assert.equal(stdout('%{http_code}|%header{content-length}|%header{x-none}|%{num_redirects}', nf), '404|0||0');
      const j = JSON.parse(headerJson(writeOutFacts(nf))) as Record<string, string[]>;
      assert.deepEqual(j['content-length'], ['0']);
    });
    test('the kept events give the same facts as all of them', () => {
      const kept: InetEvent[] = [];
      for (const e of post) keepForFacts(kept, e);
      assert.ok(kept.length < post.length);
      assert.deepEqual(writeOutFacts(kept), writeOutFacts(post));
    });
    test('%{json} parses, with curl key names', () => {
      const j = JSON.parse(stdout('%{json}', post)) as Record<string, unknown>;
      assert.equal(j.http_code, 200);
      assert.equal(j.url, 'http://127.0.0.1:18877/r');
      assert.equal(j.url_effective, 'http://127.0.0.1:18877/t');
      assert.equal(typeof j.time_total, 'number');
    });
  });
}

describe('write-out rendering', () => {
  const events = recorded('curl-404');
  test('%{stderr} and %{stdout} switch, %output{} redirects the rest, unknown variables warn', () => {
    assert.deepEqual(render('a%{stderr}b%{stdout}c%{nope}%output{o.txt}d', events), [
      { to: 'stdout', text: 'a' },
      { to: 'stderr', text: 'b' },
      { to: 'stdout', text: 'c' },
      { to: 'stderr', text: "inetscope: unknown --write-out variable: 'nope'\n" },
      { to: { file: 'o.txt', append: false }, text: 'd' },
    ]);
  });
  test('a request that got no response prints curl\'s unknowns', () => {
    const failed = events.filter((e) => e.type === 'started' || e.type === 'native' && e.status === 'RESOLVING_NAME');
    assert.equal(stdout('%{http_code} %{http_version} %{remote_ip}|%{remote_port} %{time_connect} %{content_type}|', failed), '000 0 |0 0.000000 |');
  });
});

describe('trace-ascii dump (curl format)', () => {
  const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
  test('a head: one row per CRLF line, offsets continuing', () => {
    assert.equal(dumpRows(bytes('GET /t HTTP/1.1\r\nHost: a\r\n\r\n')), '0000: GET /t HTTP/1.1\n0011: Host: a\n001a: \n');
  });
  test('data: 64 bytes a row, unprintable bytes as dots, a CRLF after a full row makes no empty row', () => {
    const row = 'x'.repeat(64);
    assert.equal(dumpRows(bytes(`${row}${row}\r\nab\x01\xff`)), `0000: ${row}\n0040: ${row}\n0082: ab..\n`);
  });
  test('a headers event: the request head, then each response line as its own chunk', () => {
    const ev = recorded('curl-404').find((e) => e.type === 'headers')!;
    const out = traceEvent(ev, '');
    assert.match(out, /^=> Send header, \d+ bytes \(0x[0-9a-f]+\)\n0000: GET \/zz HTTP\/1\.1\n/);
    assert.match(out, /<= Recv header, 24 bytes \(0x18\)\n0000: HTTP\/1\.1 404 Not Found\n/);
    assert.match(out, /<= Recv header, 2 bytes \(0x2\)\n0000: \n$/);
  });
  test('--trace-time stamps HH:MM:SS.uuuuuu', () => {
    assert.match(traceStamp(Date.now() + 0.25), /^\d\d:\d\d:\d\d\.\d{6} $/);
  });
});
