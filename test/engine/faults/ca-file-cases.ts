// The CA-file cases that are not one exchange: a request with a CA file must not make later
// requests (without one, or with another) trust the server; bad CA files are named.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { AppCore } from '../../../core/app-core.js';
import type { EngineName } from '../../../engine/engine.js';
import { runCli } from '../../support/cli.js';
import { finishedOf, type recorder } from '../../support/core.js';
import { failsWith } from '../../support/fails-with.js';
import { FAULT_CASES, MAX_TIME_S } from './cases.js';
import type { CaKind } from './certs.js';
import type { FaultFixture } from './fixture.js';

interface CaFileCtx {
  fixture: FaultFixture;
  core: AppCore;
  rec: ReturnType<typeof recorder>;
  tmp: string;
  /** Picks a file through the core's pickUploadFile: its token. */
  pick(file: string): Promise<string>;
}

const VALID = FAULT_CASES.find((c) => c.name === 'tls-valid-with-ca-file')!;
const UNTRUSTED_NAME: Record<EngineName, RegExp> = { curl: /CURLE_PEER_FAILED_VERIFICATION/, wininet: /ERROR_INTERNET_SEC_CERT_REV_FAILED|ERROR_INTERNET_INVALID_CA/ };

export function caFileCases(engine: EngineName, ctx: () => CaFileCtx): void {
  async function send(ca: CaKind | undefined): Promise<{ ok: boolean; statusCode?: number; error?: { code: string; name: string; message: string }; body: string }> {
    const { fixture, core, rec, pick } = ctx();
    const id = randomUUID();
    const done = rec.finished(id, 60_000);
    const request = { url: fixture.urlOf(VALID), engine, followRedirects: false, timeouts: { totalMs: MAX_TIME_S * 1000 }, ...(ca ? { caFileToken: await pick(fixture.caFile(ca)) } : {}) };
    await core.call('sendRequest', { id, request });
    const fin = finishedOf(await done);
    const slice = await core.call('readBodySlice', { id, offset: 0, length: 1024 });
    rec.forget(id);
    return { ...fin, body: Buffer.from(slice.base64, 'base64').toString('latin1') };
  }
  const trusted = (r: Awaited<ReturnType<typeof send>>, step: string): void => {
    assert.equal(r.error, undefined, `${step}: ${JSON.stringify(r.error)}`);
    assert.equal(r.statusCode, 200, step);
    assert.equal(r.body, 'ok\n', step);
  };
  const refused = (r: Awaited<ReturnType<typeof send>>, step: string): void => {
    assert.equal(r.error?.code, 'TLS_CERT', `${step}: ${JSON.stringify(r)}`);
    assert.match(r.error.name, UNTRUSTED_NAME[engine], step);
    assert.equal(r.body, '', `${step}: no body from an untrusted server`);
  };

  test('CA file: trusting a server with one does not make later requests without it, or with another, trust it', async () => {
    trusted(await send('test'), 'with the test CA');
    refused(await send(undefined), 'then without a CA file');
    refused(await send('other'), 'then with another CA');
    refused(await send('forged'), 'then with a same-name CA of another key');
    trusted(await send('test'), 'then with the test CA again');
    refused(await send(undefined), 'and without again');
  });

  test('CA file: a picked file without a certificate is refused by name; an unknown token, a name not chosen', async () => {
    const { core, tmp, fixture, pick } = ctx();
    const empty = path.join(tmp, 'no-cert.pem');
    fs.writeFileSync(empty, 'not a certificate\n');
    const url = fixture.urlOf(VALID);
    const send = (request: Record<string, unknown>) => core.call('sendRequest', { id: randomUUID(), request: { url, engine, ...request } });
    await assert.rejects(send({ caFileToken: await pick(empty) }), failsWith('BAD_REQUEST', /the CA file .*no-cert\.pem holds no PEM certificate/));
    await assert.rejects(send({ caFileToken: 'no-such-token' }), failsWith('UNKNOWN_FILE_TOKEN', /pick the file again/));
    await assert.rejects(send({ caFileName: '/etc/ssl/ca.pem' }), failsWith('BAD_REQUEST', /"\/etc\/ssl\/ca\.pem" is not chosen in this session/));
  });

  test('PROBE: the page cannot name a CA file path, so its errors cannot map the disk (nor start a host per path)', async () => {
    const { core, tmp, fixture } = ctx();
    // Refused by the command's schema, before anything runs. Before: a missing, a directory and an unreadable path each got their own error (and a host per path).
    for (const caFile of [path.join(tmp, 'missing.pem'), tmp, '/root/.ssh/id_rsa', '/etc/shadow']) {
      await assert.rejects(core.call('sendRequest', { id: randomUUID(), request: { url: fixture.urlOf(VALID), engine, caFile } }), failsWith('BAD_INPUT', /Unrecognized key: "caFile"/));
    }
  });

  test('CA file: --cacert with a missing file or one without a certificate is named (exit 43)', async () => {
    const { tmp, fixture } = ctx();
    const empty = path.join(tmp, 'cli-no-cert.pem');
    fs.writeFileSync(empty, '-----BEGIN PRIVATE KEY-----\nMII=\n-----END PRIVATE KEY-----\n');
    for (const [file, message] of [[path.join(tmp, 'cli-missing.pem'), /the CA file .*cli-missing\.pem does not exist/], [empty, /holds no PEM certificate/]] as const) {
      const r = await runCli(['--engine', engine, '--cacert', file, fixture.urlOf(VALID)], 60_000);
      assert.equal(r.code, 43, r.stderr);
      assert.match(r.stderr, message);
    }
    const both = await runCli(['--engine', engine, '-k', '--cacert', fixture.caFile('test'), fixture.urlOf(VALID)], 60_000);
    assert.equal(both.code, 43, both.stderr);
    assert.match(both.stderr, /caFile and insecure exclude each other/);
  });
}
