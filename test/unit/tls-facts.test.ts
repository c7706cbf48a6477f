// The pure parts of the TLS facts: CERTINFO lines, the Certificate handshake message (both
// layouts), the signature algorithm out of DER, the summary and -v lines, HAR's _tls both
// ways, and Wine's named gaps (wine-quirks.ts) on Wine and on Windows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { parseCertInfoLines, compactName } from '../../domain/tls/certinfo.js';
import { certificatesOf, certificatesOfAny } from '../../domain/tls/certificate-message.js';
import { signatureAlgorithmName } from '../../domain/tls/signature-algorithm.js';
import { opensslDate, tlsSummary, verboseTlsLines } from '../../domain/tls/summary.js';
import { certificateFacts } from '../../engine/tls-certificate.js';
import { exchangeToHarEntries } from '../../domain/har/export.js';
import { synthesizeEvents } from '../../domain/har/synth.js';
import { HarEntrySchema } from '../../domain/har/har.js';
import { tlsFactsMissing } from '../../native-bridge/wininet/wine-quirks.js';
import { TlsFactsSchema, type TlsFacts } from '../../contract/tls.js';
import type { InetEvent } from '../../contract/events.js';
import { RequestDraftSchema } from '../../contract/request.js';
import { selfSignedCert } from '../support/tls.js';

const pem = selfSignedCert().cert;
const der = new X509Certificate(pem).raw;

const u24 = (n: number) => [(n >> 16) & 255, (n >> 8) & 255, n & 255];
function message(certs: Uint8Array[], tls13: boolean): Uint8Array {
  const list = certs.flatMap((c) => [...u24(c.length), ...c, ...(tls13 ? [0, 0] : [])]);
  const body = [...(tls13 ? [0] : []), ...u24(list.length), ...list];
  return Uint8Array.from([11, ...u24(body.length), ...body]);
}

describe('TLS facts, pure parts', () => {
  it('reads CERTINFO lines by name', () => {
    const e = parseCertInfoLines(['Subject:CN = localhost', 'Issuer:CN = localhost', 'Signature Algorithm:sha256WithRSAEncryption', 'X509v3 Subject Alternative Name:DNS:localhost', `Cert:${pem}`, 'no colon']);
    assert.equal(compactName(e.subject!), 'CN=localhost');
    assert.equal(e.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(e.subjectAltName, 'DNS:localhost');
    assert.match(e.pem!, /BEGIN CERTIFICATE/);
  });

  it('reads the Certificate message of TLS 1.3 and of 1.2, and refuses a cut one', () => {
    assert.deepEqual(certificatesOf(message([der, der], true), true)?.map((c) => c.length), [der.length, der.length]);
    assert.deepEqual(certificatesOfAny(message([der], false))?.map((c) => Buffer.from(c).equals(der)), [true]);
    const cut = message([der], true).subarray(0, 100);
    assert.equal(certificatesOfAny(cut), undefined);
  });

  it('names the signature algorithm from DER, and facts match the certificate', () => {
    assert.equal(signatureAlgorithmName(der), 'sha256WithRSAEncryption');
    assert.equal(signatureAlgorithmName(Uint8Array.from([1, 2, 3])), undefined);
    const f = certificateFacts(der);
    assert.equal(f.sha256, new X509Certificate(pem).fingerprint256);
    assert.deepEqual([f.keyType, f.keyBits, f.subject], ['rsa', 2048, 'CN=localhost']);
  });

  const facts: TlsFacts = TlsFactsSchema.parse({
    source: 'test', protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: 'h2',
    verified: { result: 'ok', against: 'system' }, chain: [certificateFacts(pem, { pem: false })],
  });

  it('summarises and prints -v lines as curl words them', () => {
    assert.equal(tlsSummary(facts), 'TLSv1.3 · TLS_AES_256_GCM_SHA384 · verified (system)');
    assert.equal(opensslDate('2026-12-03T08:05:09.000Z'), 'Dec  3 08:05:09 2026 GMT');
    const lines = verboseTlsLines(facts);
    assert.deepEqual(lines.slice(0, 3), ['SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384', 'ALPN: server accepted h2', 'Server certificate:']);
    assert.ok(lines.includes(' subject: CN=localhost') && lines.includes(' subjectAltName: DNS:localhost, IP Address:127.0.0.1'));
    assert.equal(lines.at(-1), ' SSL certificate verify ok.');
    const refused = verboseTlsLines({ ...facts, verified: { result: 'failed', against: 'system', error: 'self-signed certificate' } });
    assert.equal(refused.at(-1), 'SSL certificate problem: self-signed certificate');
  });

  it('HAR: export writes _tls, a plain entry with _tls imports it back', () => {
    const base = { id: 'x', hop: 0 };
    const events = [
      { ...base, seq: 0, t: 0, type: 'started', engine: 'curl', method: 'GET', url: 'https://localhost/', wallTime: 1e12 },
      { ...base, seq: 1, t: 1, type: 'tls', facts },
      { ...base, seq: 2, t: 2, type: 'headers', statusCode: 200, statusLine: 'HTTP/1.1 200 OK', httpVersion: 'HTTP/1.1', rawHeaders: 'HTTP/1.1 200 OK\r\n\r\n' },
      { ...base, seq: 3, t: 3, type: 'finished', ok: true, statusCode: 200, bodyBytes: 0, uploadBytes: 0 },
    ] as InetEvent[];
    const [entry] = exchangeToHarEntries({ request: RequestDraftSchema.parse({ method: 'GET', url: 'https://localhost/' }), events, body: { bytes: new Uint8Array() } }, 0);
    assert.deepEqual((entry as Record<string, unknown>)._tls, facts);
    const { _inetscope: _drop, ...plain } = entry as Record<string, unknown>;
    const back = synthesizeEvents(HarEntrySchema.parse(plain), 'y', 0).find((e) => e.type === 'tls');
    assert.deepEqual(back?.type === 'tls' && back.facts, facts);
  });

  it("names Wine's gaps on Wine, and Windows' failures as failures", () => {
    assert.match(tlsFactsMissing(true, { connectionInfo: 12018 }).protocol!, /Wine does not implement/);
    assert.match(tlsFactsMissing(false, { connectionInfo: 12018 }).cipher!, /Windows 10 or later/);
    assert.match(tlsFactsMissing(true, { chain: 12019 }).chain!, /Wine keeps no chain/);
    assert.deepEqual(tlsFactsMissing(false, {}), {});
  });
});
