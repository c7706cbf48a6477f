// Client certificates, the pure parts: curl's -E FILE[:PASSWORD] syntax, the file checks,
// the WinInet refusal (Wine and Windows), and the names libcurl's failures get.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { formatCertParam, parseCertParam } from '../../domain/curl/cert-param.js';
import { parseCurlCommand } from '../../domain/curl/command.js';
import { draftToCurl } from '../../domain/curl/serialize.js';
import { checkClientCert } from '../../engine/client-cert.js';
import { BadRequestSpec, parseRequestSpec } from '../../engine/request-spec.js';
import { clientCertRefusal } from '../../native-bridge/wininet/wine-quirks.js';
import { ClientCertWatch } from '../../native-bridge/curl/client-cert-watch.js';
import { clientCertForUrl } from '../../domain/client-cert-host.js';
import { HostClientCertSchema } from '../../contract/workspace.js';

describe("curl's -E FILE[:PASSWORD]", () => {
  it('splits at the first unescaped colon; \\: and \\\\ are escapes; a drive letter is part of the name', () => {
    assert.deepEqual(parseCertParam('me.pem'), { file: 'me.pem' });
    assert.deepEqual(parseCertParam('me.p12:pa:ss'), { file: 'me.p12', password: 'pa:ss' });
    assert.deepEqual(parseCertParam('me.p12:'), { file: 'me.p12' });
    assert.deepEqual(parseCertParam('odd\\:name.pem:pw'), { file: 'odd:name.pem', password: 'pw' });
    assert.deepEqual(parseCertParam('a\\\\b:pw'), { file: 'a\\b', password: 'pw' });
    assert.deepEqual(parseCertParam('C:\\certs\\me.p12:pw'), { file: 'C:\\certs\\me.p12', password: 'pw' });
    assert.deepEqual(parseCertParam('C:/certs/me.p12'), { file: 'C:/certs/me.p12' });
    assert.deepEqual(parseCertParam('C:pw'), { file: 'C', password: 'pw' });
  });

  it('formats what it parses back', () => {
    for (const [file, password] of [['odd:name.pem', 'pw'], ['C:\\certs\\me.p12', 'p:w'], ['/a\\:b\\\\', undefined], ['plain.pem', undefined]] as const) {
      assert.deepEqual(parseCertParam(formatCertParam(file, password)), password === undefined ? { file } : { file, password });
    }
  });
});

describe('the client certificate in the request spec and its files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-cc-unit-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const cert = file('c.pem', '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n');
  const key = file('c.key', '-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n');
  const refused = (fn: () => void, re: RegExp) => assert.throws(fn, (e: unknown) => e instanceof BadRequestSpec && re.test(e.message));

  it('paths must be absolute; a P12 takes no key file; PEM is the default type', () => {
    refused(() => parseRequestSpec({ url: 'https://h/', clientCert: { certPath: 'rel.pem' } }), /the client certificate file "rel\.pem" is not an absolute path/);
    refused(() => parseRequestSpec({ url: 'https://h/', clientCert: { certPath: cert, keyPath: key, type: 'P12' } }), /a P12 client certificate holds its key/);
    assert.equal(parseRequestSpec({ url: 'https://h/', clientCert: { certPath: cert } }).clientCert?.type, 'PEM');
  });

  it('names a missing file, a directory, a PEM without key, a PEM given as P12, a DER given as PEM', () => {
    checkClientCert({ certPath: cert, keyPath: key, type: 'PEM' });
    refused(() => checkClientCert({ certPath: path.join(dir, 'none.pem'), type: 'PEM' }), /the client certificate file .*none\.pem does not exist/);
    refused(() => checkClientCert({ certPath: dir, type: 'PEM' }), /is not a regular file/);
    refused(() => checkClientCert({ certPath: cert, type: 'PEM' }), /c\.pem \(no key file given\) holds no PEM private key/);
    refused(() => checkClientCert({ certPath: cert, keyPath: cert, type: 'PEM' }), /the client key file .*c\.pem holds no PEM private key/);
    refused(() => checkClientCert({ certPath: cert, type: 'P12' }), /is not a PKCS#12 \(P12\/PFX\) file/);
    refused(() => checkClientCert({ certPath: file('c.der', Buffer.from([0x30, 0x82, 1, 0])), type: 'PEM' }), /looks like DER: for a PKCS#12 file, use the type P12/);
    refused(() => checkClientCert({ certPath: cert, keyPath: key, type: 'PEM', password: 'a\0b' }), /password contains NUL/);
  });
});

describe('WinInet and client certificates', () => {
  const p12 = { certPath: 'C:\\me.p12', type: 'P12' as const, password: 'pw' };
  it('under Wine: refused by name, naming Wine and the failing option', () => {
    const r = clientCertRefusal(true, p12);
    assert.equal(r?.code, 'CLIENT_CERT_UNSUPPORTED');
    assert.match(r?.message ?? '', /under Wine .*INTERNET_OPTION_CLIENT_CERT_CONTEXT .*12009/);
  });
  it('on Windows: a P12 goes ahead; PEM is refused by name (PFXImportCertStore takes PKCS#12 only)', () => {
    assert.equal(clientCertRefusal(false, p12), undefined);
    assert.match(clientCertRefusal(false, { certPath: 'C:\\me.pem', type: 'PEM' })?.message ?? '', /PKCS#12 only .*openssl pkcs12 -export/);
    assert.equal(clientCertRefusal(true, undefined), undefined);
  });
});

describe("libcurl's client-certificate failures, named", () => {
  const pem = { certPath: '/c/me.pem', keyPath: '/c/me.key', type: 'PEM' as const };
  const err = (native: number, message: string) => ({ code: 'TLS_HANDSHAKE' as const, name: `CURLE_${native}`, native, message });
  const quiet = { native: () => {} };
  const asked = (cert?: typeof pem) => {
    const w = new ClientCertWatch(cert, quiet);
    assert.deepEqual(w.onText('TLSv1.3 (IN), TLS handshake, Request CERT (13):\n'), [['CLIENT_CERT_REQUESTED']]);
    return w;
  };
  it('58: CLIENT_CERT naming the files', () => {
    const e = new ClientCertWatch(pem, quiet).explain(err(58, 'unable to set private key file'));
    assert.equal(e.code, 'CLIENT_CERT');
    assert.match(e.message, /^the client certificate \/c\/me\.pem \(key \/c\/me\.key\) cannot be used: unable to set private key file/);
  });
  it('after the server asked: refused (with its alert, or a silent close), or none given', () => {
    assert.match(asked(pem).explain(err(35, 'tlsv13 alert unknown ca')).message, /the server refused the client certificate \/c\/me\.pem \(TLS alert "unknown ca"\)/);
    assert.match(asked(pem).explain(err(52, 'Empty reply from server')).message, /refused .*it asked for one, then closed the connection/);
    assert.match(asked().explain(err(56, 'tlsv13 alert certificate required')).message, /requires a client certificate and none was given \(TLS alert "certificate required"\)/);
  });
  it('a failure when the server did not ask is left as it is; the subject goes with CLIENT_CERT_SENT', () => {
    const e = err(52, 'Empty reply from server');
    assert.deepEqual(new ClientCertWatch(pem, quiet).explain(e), e);
    const w = asked({ ...pem, type: 'PEM' });
    assert.deepEqual(w.onText('TLSv1.3 (OUT), TLS handshake, Certificate (11):\n'), [['CLIENT_CERT_SENT', undefined]]);
    assert.deepEqual(w.onText('TLSv1.3 (OUT), TLS handshake, Certificate (11):\n'), [], 'once');
  });
});

describe('curl -E/--cert in a pasted command and "Copy as cURL"', () => {
  it('P12 with its password: kept as the draft\'s client certificate, and comes back out', () => {
    const r = parseCurlCommand(`curl -E 'C:\\certs\\me.p12:s3:cret' --cert-type p12 https://mtls.example/`);
    assert.deepEqual(r.draft.clientCert, { certName: 'C:\\certs\\me.p12', type: 'P12', password: 's3:cret' });
    assert.deepEqual(r.warnings, []);
    const text = draftToCurl(r.draft);
    assert.match(text, /-E 'C:\\certs\\me\.p12' .*--cert-type P12 .*--pass s3:cret/s);
    assert.deepEqual(parseCurlCommand(text).draft, r.draft);
  });

  it('PEM with a key and --pass (which wins over -E\'s); an unsupported type is named', () => {
    const r = parseCurlCommand(`curl --pass '{{keyPass}}' --cert /c/odd\\\\:name.pem --key /c/me.key https://mtls.example/`);
    assert.deepEqual(r.draft.clientCert, { certName: '/c/odd:name.pem', keyName: '/c/me.key', type: 'PEM', password: '{{keyPass}}' });
    assert.deepEqual(parseCurlCommand(draftToCurl(r.draft)).draft, r.draft);
    const der = parseCurlCommand('curl -E me.der --cert-type DER https://x.example/');
    assert.ok(der.warnings.some((w) => /--cert-type DER: only PEM and P12/.test(w)), JSON.stringify(der.warnings));
  });
});

describe("a workspace's client certificates by host", () => {
  const e = (host: string, cert = host) => ({ host, cert, type: 'PEM' as const });
  it('host case-insensitively; a port only that port (the default one included); first match wins', () => {
    const list = [e('api.example:8443', 'a'), e('API.example', 'b'), e('[::1]:443', 'c'), e('plain.example:443', 'd')];
    assert.equal(clientCertForUrl(list, 'https://api.example:8443/x')?.cert, 'a');
    assert.equal(clientCertForUrl(list, 'https://api.EXAMPLE/x')?.cert, 'b');
    assert.equal(clientCertForUrl(list, 'https://[::1]/')?.cert, 'c');
    assert.equal(clientCertForUrl(list, 'https://plain.example/')?.cert, 'd');
    assert.equal(clientCertForUrl(list, 'https://plain.example:444/'), undefined);
    assert.equal(clientCertForUrl(list, 'https://other.example/'), undefined);
    assert.equal(clientCertForUrl(list, 'not a url'), undefined);
    assert.equal(clientCertForUrl(undefined, 'https://api.example/'), undefined);
  });
  it('the workspace file refuses a host with a path or scheme', () => {
    assert.equal(HostClientCertSchema.safeParse(e('https://api.example')).success, false);
    assert.equal(HostClientCertSchema.safeParse(e('api.example/x')).success, false);
    assert.equal(HostClientCertSchema.safeParse(e('api.example:8443')).success, true);
  });
});
