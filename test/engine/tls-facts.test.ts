// The tls event of both engines against a loopback HTTPS server with a self-signed
// certificate: the chain's subject, SANs and fingerprint are the certificate file's; the
// verification says what it was checked against (-k, a CA file, the system store, which
// refuses it, naming the refused certificate); the curl host writes a key log when asked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto, { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineClient } from '../../engine/client.js';
import type { EngineName } from '../../engine/engine.js';
import type { InetEvent, TlsEvent } from '../../contract/events.js';
import { parseRequestSpec, type RequestSpecInput } from '../../engine/request-spec.js';
import { selfSignedCert, startTestServer, type TestServer } from '../support/servers.js';

const T = { timeout: 60_000 };
const tls = selfSignedCert();
const cert = new X509Certificate(tls.cert);
let server: TestServer;
let tmp: string;
let caFile: string;

before(async () => {
  server = await startTestServer({ tls });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-tls-facts-'));
  caFile = path.join(tmp, 'ca.pem');
  fs.writeFileSync(caFile, tls.cert);
});
after(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function tlsEvents(client: EngineClient, spec: Partial<RequestSpecInput>): Promise<{ tls: TlsEvent[]; ok: boolean; error?: string }> {
  const events: InetEvent[] = [];
  const input = { url: `${server.url}/bytes/10?x=${Math.random()}`, sink: { kind: 'memory', cap: 1024 }, ...spec } as RequestSpecInput;
  const finished = await client.send(crypto.randomUUID(), parseRequestSpec(input), (e) => events.push(e));
  return { tls: events.filter((e): e is TlsEvent => e.type === 'tls'), ok: finished.ok, error: finished.error?.message };
}

for (const engine of ['curl', 'wininet'] as EngineName[]) {
  describe(`tls facts (${engine})`, () => {
    let client: EngineClient;
    before(async () => {
      client = await EngineClient.start({ engine, logFile: path.join(tmp, `${engine}.log`) });
    });
    after(async () => client?.close());

    it('-k: the chain is the certificate file, the check was skipped', T, async () => {
      const { tls: [ev, ...rest], ok } = await tlsEvents(client, { insecure: true });
      assert.equal(ok, true);
      assert.equal(rest.length, 0, 'one tls event per hop');
      const leaf = ev!.facts.chain[0]!;
      assert.equal(leaf.sha256, cert.fingerprint256);
      assert.equal(leaf.subject, 'CN=localhost');
      assert.deepEqual(leaf.sans, ['DNS:localhost', 'IP Address:127.0.0.1']);
      assert.equal(leaf.serial, cert.serialNumber.toUpperCase());
      assert.equal(leaf.keyBits, 2048);
      assert.equal(leaf.signatureAlgorithm, 'sha256WithRSAEncryption');
      assert.deepEqual([ev!.facts.verified.result, ev!.facts.verified.against], ['skipped', 'insecure']);
      if (engine === 'curl') {
        assert.match(ev!.facts.protocol ?? '', /^TLSv1\.[23]$/);
        assert.ok(ev!.facts.cipher, 'a cipher suite name');
        assert.equal(ev!.facts.alpn, 'http/1.1');
      } else {
        // Wine has no SECURITY_CONNECTION_INFO: the version and suite are named missing, not guessed.
        assert.ok(ev!.facts.protocol || ev!.facts.missing?.protocol, 'protocol, or why not');
        assert.ok(ev!.facts.cipher || /strength/.test(ev!.facts.missing?.cipher ?? ''), 'cipher, or its strength');
      }
    });

    it('a CA file: verified against it', T, async () => {
      const { tls: [ev], ok, error } = await tlsEvents(client, { caFile });
      assert.equal(ok, true, error);
      assert.deepEqual([ev!.facts.verified.result, ev!.facts.verified.against], ['ok', 'ca-file']);
      assert.equal(ev!.facts.chain[0]!.sha256, cert.fingerprint256);
    });

    it('the system store refuses it: the refused certificate and why', T, async () => {
      const { tls: [ev], ok } = await tlsEvents(client, {});
      assert.equal(ok, false);
      assert.equal(ev!.facts.verified.result, 'failed');
      assert.equal(ev!.facts.verified.against, 'system');
      assert.match(ev!.facts.verified.error ?? '', engine === 'curl' ? /self-signed/ : /INVALID_CA|untrusted/);
      const leaf = ev!.facts.chain[0]!;
      assert.match(leaf.subject, /localhost/);
      if (engine === 'curl') assert.equal(leaf.sha256, cert.fingerprint256);
      else assert.ok(leaf.sha256 === cert.fingerprint256 || ev!.facts.missing?.chain, 'the fingerprint, or why not (Wine)');
    });
  });
}

describe('key log (curl)', () => {
  it('a loopback TLS request writes the handshake secrets to the key log file', T, async () => {
    const keyLogFile = path.join(tmp, 'keys.log');
    const client = await EngineClient.start({ engine: 'curl', keyLogFile, logFile: path.join(tmp, 'keylog-host.log') });
    try {
      const { ok } = await tlsEvents(client, { insecure: true });
      assert.equal(ok, true);
    } finally {
      await client.close();
    }
    assert.match(fs.readFileSync(keyLogFile, 'utf8'), /^CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]+$/m);
  });
});
