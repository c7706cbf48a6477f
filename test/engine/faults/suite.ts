// Every fault case against one engine, through the CLI (a child process per case, -o to a
// file, --events) and through AppCore (one core, a request per case): the expected error or
// the exact response, no hang past the deadline, and no target that looks complete when
// the exchange was not.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exitCodeForError } from '../../../cli/exit-codes.js';
import { AppCore } from '../../../core/app-core.js';
import type { EngineName } from '../../../engine/engine.js';
import type { ErrorCode } from '../../../contract/events.js';
import { assertExit, parseNdjson, partFiles, runCli } from '../../support/cli.js';
import { finishedOf, recorder } from '../../support/core.js';
import { caFileCases } from './ca-file-cases.js';
import { FAULT_CASES, MAX_REDIRS, MAX_TIME_S, type FaultCase, type Outcome } from './cases.js';
import { startFaultFixture, type FaultFixture } from './fixture.js';

/** Room for a host to start (Wine) on top of the deadline; past it the run counts as a hang. */
const HANG_MS = MAX_TIME_S * 1000 + 40_000;

interface Seen {
  error?: { code: ErrorCode; name: string; message: string; native?: number };
  statusCode?: number;
  rawHeaders?: string;
}

function assertOutcome(expect: Outcome, seen: Seen, body: Buffer | undefined, where: string): void {
  const got = `${where}: got ${JSON.stringify({ error: seen.error, statusCode: seen.statusCode })}`;
  if ('error' in expect) {
    assert.equal(seen.error?.code, expect.error, got);
    assert.ok(seen.error?.name && seen.error.message, `${where}: the error is named and explained`);
    if (expect.name) assert.match(seen.error.name, expect.name, got);
    if (expect.message) assert.match(seen.error.message, expect.message, `${where}: message ${JSON.stringify(seen.error.message)}`);
    return;
  }
  assert.equal(seen.error, undefined, got);
  assert.equal(seen.statusCode, expect.status, got);
  assert.ok(body?.equals(Buffer.from(expect.body)), `${where}: body ${JSON.stringify(body?.subarray(0, 200).toString('latin1'))}`);
  if (expect.header) assert.match(seen.rawHeaders ?? '', expect.header, `${where}: headers`);
}

export function faultSuite(engine: EngineName): void {
  describe(`fault server (${engine} engine)`, () => {
    let fixture: FaultFixture;
    let tmp: string;
    let core: AppCore;
    let rec: ReturnType<typeof recorder>;
    let toPick: string | undefined;
    /** A CA file as the page supplies one: picked (the hook answers with `file`), by token. */
    const pick = async (file: string): Promise<string> => {
      toPick = file;
      const r = await core.call('pickUploadFile', {});
      toPick = undefined;
      if (!r.picked) throw new Error(`the pick of ${file} was not answered`);
      return r.fileToken;
    };
    before(async () => {
      fixture = await startFaultFixture();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), `inetscope-faults-${engine}-`));
      core = await AppCore.create({ dataDir: path.join(tmp, 'data'), log: () => {}, hooks: { chooseSavePath: async () => undefined, chooseUploadFile: async () => toPick } });
      rec = recorder(core);
    });
    after(async () => {
      await core?.close();
      await fixture?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    for (const c of FAULT_CASES) {
      const expect = c.expect[engine];
      test(`${c.name}: CLI`, async () => runCase(c, expect));
      test(`${c.name}: core`, async () => coreCase(c, expect));
    }
    caFileCases(engine, () => ({ fixture, core, rec, tmp, pick }));

    async function runCase(c: FaultCase, expect: Outcome): Promise<void> {
      const dir = fs.mkdtempSync(path.join(tmp, `${c.name}-`));
      const out = path.join(dir, 'body.bin');
      const eventsFile = path.join(dir, 'events.ndjson');
      const follow = c.follow ? ['-L', '--max-redirs', String(MAX_REDIRS)] : [];
      const ca = c.caFile ? ['--cacert', fixture.caFile(c.caFile)] : [];
      const args = ['--engine', engine, '--max-time', String(MAX_TIME_S), '--events', eventsFile, '-o', out, ...follow, ...ca, fixture.urlOf(c)];
      const r = await runCli(args, HANG_MS);
      assert.equal(r.timedOut, false, `the CLI hung; stderr:\n${r.stderr}`);
      assert.equal(r.signal, null, `the CLI died of ${r.signal}; stderr:\n${r.stderr}`);
      const events = parseNdjson(fs.readFileSync(eventsFile, 'utf8'));
      const fin = events.at(-1) as Seen & { type: string };
      assert.equal(fin.type, 'finished', 'the last event is finished');
      const headers = events.filter((e) => e.type === 'headers').at(-1) as Seen | undefined;
      const body = fs.existsSync(out) ? fs.readFileSync(out) : undefined;
      assertOutcome(expect, { ...fin, rawHeaders: headers?.rawHeaders }, body, 'CLI');
      // The CLI exits with the code its engine's error maps to (libcurl's own CURLcode on curl).
      assertExit(r, 'error' in expect && fin.error ? exitCodeForError(fin.error) : 0);
      if ('error' in expect) assert.equal(body, undefined, 'a failed exchange leaves no -o target');
      assert.deepEqual(partFiles(dir), [], 'no temp file is left');
      if ('error' in expect) assert.match(r.stderr, new RegExp(`\\S`), 'the CLI says what went wrong');
    }

    async function coreCase(c: FaultCase, expect: Outcome): Promise<void> {
      const id = randomUUID();
      const done = rec.finished(id, HANG_MS);
      const request = {
        url: fixture.urlOf(c),
        engine,
        followRedirects: c.follow ?? false,
        maxRedirects: MAX_REDIRS,
        timeouts: { totalMs: MAX_TIME_S * 1000 },
        ...(c.caFile ? { caFileToken: await pick(fixture.caFile(c.caFile)) } : {}),
      };
      await core.call('sendRequest', { id, request });
      const fin = finishedOf(await done);
      const headers = rec.events(id).filter((e) => e.type === 'headers').at(-1);
      const slice = await core.call('readBodySlice', { id, offset: 0, length: 1024 * 1024 });
      assert.equal(slice.complete, true, 'the stored body is settled once finished');
      const body = Buffer.from(slice.base64, 'base64');
      assertOutcome(expect, { ...fin, rawHeaders: headers?.type === 'headers' ? headers.rawHeaders : undefined }, body, 'core');
      if ('error' in expect) {
        // The bytes that arrived are kept (the UI shows them as partial), never as a response:
        // the history entry says the exchange failed, with its error code.
        const { summary } = await core.call('loadHistoryEntry', { id });
        assert.equal(summary.ok, false, 'a failed exchange is recorded as failed');
        assert.equal(summary.error, expect.error, 'with its error code');
        assert.ok(slice.total <= fin.bodyBytes, `the kept body (${slice.total} bytes) is what arrived (${fin.bodyBytes})`);
      }
      rec.forget(id);
    }
  });
}
