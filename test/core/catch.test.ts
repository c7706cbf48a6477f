// The catch server inside AppCore, talked to by InetScope's own engines (curl, and WinInet
// under Wine) through real engine hosts: 100 MB uploads arrive byte-exact with a read event
// per chunk; file responses and Range requests byte-exact; rules (fixed, echo, delay → the
// client's TIMEOUT); a raw client that disconnects mid-body is recorded as aborted.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RequestDraft } from '../../contract/request.js';
import type { CatchRuleInput } from '../../contract/catch.js';
import { AppCore, CommandFailure } from '../../core/app-core.js';
import { assertCatchTimeline, assertChunkReads, catchRecorder } from './catch-support.js';
import { fileSha256, writePatternFile } from '../support/servers.js';
import { ZERO_COPY_MIN_BYTES, zeroCopyAvailable } from '../../native-bridge/sendfile/index.js';
import { MAX_CONNECTIONS } from '../../core/catch/catch-server.js';
import { sha256 } from '../support/cli.js';

const UPLOAD = 100 * 1000 * 1000;
const FILE = 3 * 1024 * 1024 + 12345;

describe('catch server (AppCore, both engines)', () => {
  let tmp: string;
  let core: AppCore;
  let rec: ReturnType<typeof catchRecorder>;
  let url: string;
  let uploadFile: string;
  let serveFile: string;
  const hooks = { pick: undefined as string | undefined, save: undefined as string | undefined };

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-catch-'));
    uploadFile = path.join(tmp, 'upload.bin');
    serveFile = path.join(tmp, 'serve.bin');
    await writePatternFile(uploadFile, UPLOAD, 'catch-upload');
    await writePatternFile(serveFile, FILE, 'catch-serve');
    core = await AppCore.create({
      dataDir: path.join(tmp, 'data'),
      log: () => {},
      hooks: { chooseSavePath: async () => hooks.save, chooseUploadFile: async () => hooks.pick },
    });
    rec = catchRecorder(core);
    const st = await core.call('startCatchServer', {});
    assert.ok(st.running && st.loopback && st.host === '127.0.0.1');
    url = st.url;
  });
  after(async () => {
    await core.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const bodyOf = (id: string) => fs.readFileSync(path.join(tmp, 'data', 'bodies', `${id}.body`));
  const pick = async (file: string): Promise<string> => {
    hooks.pick = file;
    const p = await core.call('pickUploadFile', {});
    assert.ok(p.picked);
    return p.fileToken;
  };

  /** Sends through the core, tagged so the caught side can be found; returns both ends. */
  async function exchange(request: Omit<RequestDraft, 'headers' | 'body' | 'followRedirects' | 'maxRedirects' | 'timeouts' | 'insecure' | 'method'> & Partial<RequestDraft>) {
    const id = randomUUID();
    const tag = randomUUID();
    const headers = [...(request.headers ?? []), { name: 'X-Test-Id', value: tag, enabled: true }];
    await core.call('sendRequest', { id, request: { ...request, headers } });
    const finished = await rec.finished(id);
    const caught = await rec.caught(tag);
    const { events } = await core.call('getCaught', { id: caught.id });
    assertCatchTimeline(events);
    return { id, finished, caught, events };
  }

  for (const engine of ['curl', 'wininet'] as const) {
    it(`${engine}: a 100 MB upload arrives byte-exact, one BODY_CHUNK_READ per read`, async () => {
      const fileToken = await pick(uploadFile);
      const want = await fileSha256(uploadFile);
      const x = await exchange({ url: `${url}upload?engine=${engine}`, method: 'POST', engine, body: { kind: 'file', fileToken } });
      assert.ok(x.finished.ok, JSON.stringify(x.finished.error));
      assert.equal(x.finished.statusCode, 200);
      const summary = JSON.parse(bodyOf(x.id).toString('utf8'));
      assert.equal(summary.bodyBytes, UPLOAD);
      assert.equal(summary.bodySha256, want);
      assert.equal(summary.method, 'POST');
      assert.equal(summary.path, `/upload?engine=${engine}`);
      assert.equal(x.caught.bodyComplete, true);
      assert.equal(x.caught.bodySha256, want);
      const reads = assertChunkReads(x.events, UPLOAD);
      assert.ok(reads > 100, `${reads} reads for 100 MB`);
      // The caught body on disk, read back through the contract's slices and the save path.
      hooks.save = path.join(tmp, `saved-${engine}.bin`);
      const saved = await core.call('saveCaughtBody', { id: x.caught.id });
      assert.ok(saved.saved && saved.bytes === UPLOAD);
      assert.equal(await fileSha256(hooks.save), want);
      fs.rmSync(hooks.save);
      const types = x.events.map((e) => e.type);
      for (const t of ['BODY_READ_COMPLETE', 'RULE_MATCHED', 'RESPONSE_HEADERS_WRITTEN', 'BODY_WRITE_COMPLETED', 'SESSION_DONE'] as const) assert.ok(types.includes(t), t);
      assert.ok(types.indexOf('BODY_READ_COMPLETE') > types.lastIndexOf('BODY_CHUNK_READ'));
    });

    it(`${engine}: file responses and Range requests are byte-exact`, async () => {
      const fileToken = await pick(serveFile);
      await core.call('setCatchRules', { rules: [{ match: { path: '/files/', prefix: true }, response: { kind: 'file', fileToken, contentType: 'application/x-test' } }] });
      const whole = fs.readFileSync(serveFile);
      const cases: Array<{ range?: string; status: number; bytes?: Buffer; contentRange?: string; streamed?: true }> = [
        { status: 200, bytes: whole },
        // The same with sendfile turned off: the streamed path, byte-exact too.
        { status: 200, bytes: whole, streamed: true },
        { range: 'bytes=1048576-', status: 206, bytes: whole.subarray(1048576), contentRange: `bytes 1048576-${FILE - 1}/${FILE}` },
        { range: 'bytes=1000-1999', status: 206, bytes: whole.subarray(1000, 2000), contentRange: `bytes 1000-1999/${FILE}` },
        { range: 'bytes=-4096', status: 206, bytes: whole.subarray(FILE - 4096), contentRange: `bytes ${FILE - 4096}-${FILE - 1}/${FILE}` },
        { range: `bytes=${FILE - 777}-`, status: 206, bytes: whole.subarray(FILE - 777), contentRange: `bytes ${FILE - 777}-${FILE - 1}/${FILE}` },
        { range: `bytes=${FILE}-`, status: 416, contentRange: `bytes */${FILE}` },
      ];
      for (const c of cases) {
        const headers = c.range ? [{ name: 'Range', value: c.range, enabled: true }] : [];
        if (c.streamed) process.env.INETSCOPE_NO_SENDFILE = '1';
        const x = await exchange({ url: `${url}files/serve.bin`, engine, headers }).finally(() => delete process.env.INETSCOPE_NO_SENDFILE);
        assert.ok(x.finished.ok, `${c.range}: ${JSON.stringify(x.finished.error)}`);
        assert.equal(x.finished.statusCode, c.status, c.range);
        const sent = x.caught.response;
        assert.equal(sent?.statusCode, c.status);
        if (c.contentRange) assert.ok(sent?.headers?.some(([k, v]) => k === 'content-range' && v === c.contentRange), `${c.range}: ${JSON.stringify(sent?.headers)}`);
        if (!c.bytes) continue;
        assert.equal(sha256(bodyOf(x.id)), sha256(c.bytes), `${c.range ?? 'whole'} byte-exact`);
        const tf = x.events.find((e) => e.type === 'FILE_TRANSMITTED');
        assert.ok(tf && tf.type === 'FILE_TRANSMITTED' && tf.bytes === c.bytes.length, JSON.stringify(tf));
        // sendfile(2) on Linux for bodies of 1 MiB and more; streamed otherwise.
        const zeroCopy = !c.streamed && zeroCopyAvailable() && c.bytes.length >= ZERO_COPY_MIN_BYTES;
        assert.equal(tf.zeroCopy, zeroCopy, `${c.range ?? 'whole'}${c.streamed ? ' (streamed)' : ''}`);
        const writes = x.events.filter((e) => e.type === 'BODY_WRITE_COMPLETED').reduce((n, e) => n + (e.type === 'BODY_WRITE_COMPLETED' ? e.bytes : 0), 0);
        assert.equal(writes, c.bytes.length, 'write completions add up to the body');
      }
      await core.call('setCatchRules', { rules: [] });
    });

    it(`${engine}: rules: fixed, echo, and a delay that runs into the client's timeout`, async () => {
      const rules: CatchRuleInput[] = [
        { match: { path: '/fixed', method: 'GET' }, response: { kind: 'fixed', status: 201, headers: { 'X-Caught': 'yes', 'Content-Type': 'text/plain' }, body: 'made by a rule\n' } },
        { match: { path: '/echo' }, response: { kind: 'echo' } },
        { match: { path: '/slow' }, response: { kind: 'summary' }, delayMs: 4_000 },
        { match: { path: '/throttled' }, response: { kind: 'echo' }, throttleBytesPerSecond: 200_000 },
      ];
      await core.call('setCatchRules', { rules });
      const fixed = await exchange({ url: `${url}fixed`, engine });
      assert.equal(fixed.finished.statusCode, 201);
      assert.equal(bodyOf(fixed.id).toString(), 'made by a rule\n');
      assert.equal(fixed.caught.response?.preview, 'made by a rule\n');
      const text = 'echo → ünïcode body\n'.repeat(5000);
      const echo = await exchange({ url: `${url}echo`, method: 'POST', engine, body: { kind: 'text', text }, headers: [{ name: 'Content-Type', value: 'text/x-echo', enabled: true }] });
      assert.equal(echo.finished.statusCode, 200);
      assert.equal(bodyOf(echo.id).toString('utf8'), text);
      assert.ok(echo.caught.response?.headers?.some(([k, v]) => k === 'content-type' && v === 'text/x-echo'));
      // Throttled: written in slices of a tenth of the rate, each reported on completion.
      const paced = await exchange({ url: `${url}throttled`, method: 'PUT', engine, body: { kind: 'text', text } });
      assert.equal(bodyOf(paced.id).toString('utf8'), text);
      const writes = paced.events.filter((e) => e.type === 'BODY_WRITE_COMPLETED');
      assert.ok(writes.length >= Math.floor(Buffer.byteLength(text) / 20_000));
      for (const w of writes) assert.ok(w.type === 'BODY_WRITE_COMPLETED' && w.bytes <= 20_000);
      const slow = await exchange({ url: `${url}slow`, engine, timeouts: { totalMs: 1_000 } });
      assert.equal(slow.finished.ok, false);
      assert.equal(slow.finished.error?.code, 'TIMEOUT');
      assert.ok(slow.events.some((e) => e.type === 'RESPONSE_DELAYED' && e.ms === 4_000));
      if (engine === 'curl') {
        // libcurl closes its socket at the deadline: the server sees the client go.
        assert.ok(slow.events.some((e) => e.type === 'CLIENT_ABORTED' && e.phase === 'response'));
        assert.equal(slow.caught.state, 'aborted');
      } else {
        // Under Wine a closed request handle does not end its pending receive (docs/engines.md): the
        // engine gives the request up (`abandoned`) and Wine keeps the socket, so the server
        // still answers after the delay to a connection nobody reads.
        assert.ok(slow.finished.abandoned, 'the WinInet engine abandoned the pending call');
        assert.equal(slow.caught.state, 'done');
      }
      await core.call('setCatchRules', { rules: [] });
    });
  }

  it('a raw client that disconnects mid-body is recorded as aborted, its partial body kept', async () => {
    const aborted = rec.next('aborted');
    const part = Buffer.alloc(100_000, 0x61);
    const port = Number(new URL(url).port);
    await new Promise<void>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.write(`POST /partial HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1000000\r\n\r\n`);
        s.write(part, () => setTimeout(() => (s.destroy(), resolve()), 200));
      });
      s.on('error', reject);
    });
    const s = await aborted;
    assert.equal(s.bodyComplete, false);
    assert.equal(s.bodyBytes, part.length);
    const { events } = await core.call('getCaught', { id: s.id });
    assertCatchTimeline(events);
    const ab = events.find((e) => e.type === 'CLIENT_ABORTED');
    assert.ok(ab && ab.type === 'CLIENT_ABORTED' && ab.phase === 'body' && ab.bytes === part.length);
    assert.equal(assertChunkReads(events, part.length) >= 1, true);
    const done = events.find((e) => e.type === 'SESSION_DONE');
    assert.ok(done && done.type === 'SESSION_DONE' && done.outcome === 'aborted');
    const slice = await core.call('readCaughtBodySlice', { id: s.id, offset: 0, length: 200_000 });
    assert.equal(Buffer.from(slice.base64, 'base64').equals(part), true);
  });

  for (const streamed of [false, true]) {
    it(`a client that stops reading and goes away mid-file is recorded as aborted (${streamed ? 'streamed' : 'sendfile where available'})`, async () => {
      if (streamed) process.env.INETSCOPE_NO_SENDFILE = '1';
      // Larger than loopback's socket buffers (a few MB), so the transfer cannot finish unread.
      const big = path.join(tmp, 'big.bin');
      await writePatternFile(big, 64 * 1024 * 1024, 'catch-big');
      const fileToken = await pick(big);
      await core.call('setCatchRules', { rules: [{ match: { path: '/big' }, response: { kind: 'file', fileToken } }] });
      const aborted = rec.next('aborted');
      const port = Number(new URL(url).port);
      await new Promise<void>((resolve, reject) => {
        const s = net.connect({ port, host: '127.0.0.1' }, () => {
          s.pause(); // reads nothing: the kernel buffers fill and the server's writes wait
          s.write(`GET /big HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, () => setTimeout(() => (s.destroy(), resolve()), 300));
        });
        s.setNoDelay(true);
        s.on('error', reject);
      });
      const s = await aborted.finally(() => delete process.env.INETSCOPE_NO_SENDFILE);
      await core.call('setCatchRules', { rules: [] });
      const { events } = await core.call('getCaught', { id: s.id });
      assertCatchTimeline(events);
      const ab = events.find((e) => e.type === 'CLIENT_ABORTED');
      assert.ok(ab && ab.type === 'CLIENT_ABORTED' && ab.phase === 'response' && ab.bytes < 64 * 1024 * 1024, JSON.stringify(ab));
      assert.ok(!events.some((e) => e.type === 'FILE_TRANSMITTED'), 'an unfinished file is not reported as transmitted');
    });
  }

  it('probe: a 30 KB Range header built to make a regex backtrack is answered at once (whole file)', async () => {
    const fileToken = await pick(serveFile);
    await core.call('setCatchRules', { rules: [{ match: { path: '/files/', prefix: true }, response: { kind: 'file', fileToken } }] });
    const port = Number(new URL(url).port);
    const t0 = performance.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => s.write(`GET /files/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nRange: bytes=${' '.repeat(30 * 1024)}-\r\n\r\n`));
      let got = '';
      s.setTimeout(20_000, () => s.destroy(new Error('no answer in 20 s: the Range parser hangs')));
      s.on('data', (d: Buffer) => (got += d.subarray(0, 64).toString('latin1')));
      s.on('close', () => resolve(got));
      s.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 200 /, 'a header it cannot use is ignored: the whole file');
    // Far from the seconds-to-hours of the backtracking pattern; only a hang fails.
    assert.ok(performance.now() - t0 < 20_000);
    await core.call('setCatchRules', { rules: [] });
  });

  it('a request whose headers are over the limit gets 431 and is not caught', async () => {
    const port = Number(new URL(url).port);
    const before = (await core.call('listCaught', {})).total;
    const answer = await new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => s.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(40 * 1024)}\r\n\r\n`));
      let got = '';
      s.on('data', (d: Buffer) => (got += d.toString()));
      s.on('close', () => resolve(got));
      s.on('error', reject);
    });
    assert.match(answer, /^HTTP\/1\.1 431 /);
    assert.equal((await core.call('listCaught', {})).total, before);
  });

  it(`connections over the limit (${MAX_CONNECTIONS}) are closed at once; the server works again after`, async () => {
    const port = Number(new URL(url).port);
    const open: net.Socket[] = [];
    let refusedAt = -1;
    try {
      // Sockets kept alive by earlier tests may count too: at most MAX_CONNECTIONS + 1 tries.
      for (let i = 0; i <= MAX_CONNECTIONS && refusedAt < 0; i++) {
        const s = net.connect(port, '127.0.0.1');
        open.push(s);
        const closed = await new Promise<boolean>((resolve, reject) => {
          s.once('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? resolve(true) : reject(e)));
          s.once('close', () => resolve(true));
          // A connection the server kept: it answers a request line; one it dropped closes.
          s.once('connect', () => s.write('GET /alive HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
          s.once('data', () => resolve(false));
        });
        if (closed) refusedAt = i;
      }
    } finally {
      for (const s of open) s.destroy();
    }
    assert.ok(refusedAt >= 0 && refusedAt <= MAX_CONNECTIONS, `refused at ${refusedAt}`);
    const again = await exchange({ url: `${url}after-limit`, engine: 'curl' });
    assert.equal(again.finished.statusCode, 200);
  });

  it('commands: status, bad rules, a path named by the UI, unknown ids, a second start', async () => {
    const st = await core.call('catchServerStatus', {});
    assert.ok(st.running);
    await assert.rejects(core.call('setCatchRules', { rules: [{ match: { path: 'nope' } }] }), (e: unknown) => e instanceof CommandFailure && e.code === 'BAD_INPUT' && /starts with \//.test(e.message));
    await assert.rejects(core.call('setCatchRules', { rules: [{ match: { path: '/x' }, response: { kind: 'file', path: '/etc/passwd' } }] }), (e: unknown) => e instanceof CommandFailure && e.code === 'FORBIDDEN');
    await assert.rejects(core.call('setCatchRules', { rules: [{ match: { path: '/x' }, response: { kind: 'file', fileToken: 'nope' } }] }), (e: unknown) => e instanceof CommandFailure && e.code === 'UNKNOWN_FILE_TOKEN');
    await assert.rejects(core.call('getCaught', { id: randomUUID() }), (e: unknown) => e instanceof CommandFailure && e.code === 'NOT_FOUND');
    await assert.rejects(core.call('startCatchServer', {}), (e: unknown) => e instanceof CommandFailure && e.code === 'CATCH_RUNNING');
    const list = await core.call('listCaught', {});
    assert.ok(list.total >= 1 && list.requests.length === Math.min(list.total, 200), `${list.requests.length} of ${list.total}`);
  });
});
