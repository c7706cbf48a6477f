// curl --cacert through the command import and "Copy as cURL"; the CA-file chain check.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCurlCommand } from '../../domain/curl/command.js';
import { draftToCurl } from '../../domain/curl/serialize.js';
import { chainTrusted, issuerNamed, loadCaFile } from '../../engine/ca-file.js';
import { BadRequestSpec } from '../../engine/request-spec.js';
import { faultCas, faultCerts } from '../engine/faults/certs.js';

describe('curl --cacert: import and export', () => {
  it('a pasted --cacert is kept as the CA file, and comes back out', () => {
    const r = parseCurlCommand(`curl --cacert /etc/ssl/my-ca.pem https://internal.example/`);
    assert.equal(r.draft.caFileName, '/etc/ssl/my-ca.pem');
    assert.deepEqual(r.warnings, []);
    const text = draftToCurl(r.draft);
    assert.match(text, /--cacert \/etc\/ssl\/my-ca\.pem/);
    assert.deepEqual(parseCurlCommand(text).draft, r.draft);
  });

  it('a path with spaces is quoted', () => {
    const r = parseCurlCommand(`curl --cacert '/home/ann/my certs/ca.pem' https://x.example/`);
    assert.equal(r.draft.caFileName, '/home/ann/my certs/ca.pem');
    assert.match(draftToCurl(r.draft), /--cacert '\/home\/ann\/my certs\/ca\.pem'/);
  });

  it('a relative path is kept with a warning that names it', () => {
    const r = parseCurlCommand(`curl --cacert ca.pem https://x.example/`);
    assert.equal(r.draft.caFileName, 'ca.pem');
    assert.ok(r.warnings.some((w) => /--cacert ca\.pem: not an absolute path/.test(w)), JSON.stringify(r.warnings));
  });

  it('no CA file: no --cacert in the export', () => {
    assert.doesNotMatch(draftToCurl(parseCurlCommand('curl https://x.example/').draft), /cacert/);
  });
});

describe('CA file: loading and the chain check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-cacert-unit-'));
  const cas = faultCas();
  const leaf = new X509Certificate(faultCerts().unknownCa.cert).raw;
  const file = (name: string, text: string): string => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
  const bundle = (pem: string) => loadCaFile(file(`${Math.random()}.pem`, pem));

  it('a bundle with several CAs is read whole', () => {
    const b = bundle(`junk before\n${cas.other}\n${cas.test}`);
    assert.equal(b.certs.length, 2);
    assert.ok(chainTrusted([leaf], b));
  });

  it('the leaf of the test CA is trusted by it, not by another CA nor by a same-name forgery', () => {
    assert.equal(chainTrusted([leaf], bundle(cas.test)), true);
    assert.equal(chainTrusted([leaf], bundle(cas.other)), false);
    const forged = bundle(cas.forged);
    assert.equal(issuerNamed('InetScope fault test CA', forged), true, 'the name matches…');
    assert.equal(chainTrusted([leaf], forged), false, '…the signature does not');
  });

  it('errors name the file', () => {
    const bad = (p: string, re: RegExp) => assert.throws(() => loadCaFile(p), (e: unknown) => e instanceof BadRequestSpec && re.test(e.message));
    bad(path.join(dir, 'nope.pem'), /the CA file .*nope\.pem does not exist/);
    bad(file('empty.pem', ''), /empty\.pem holds no PEM certificate/);
    bad(file('broken.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'), /broken\.pem has a certificate that cannot be parsed \(block 1/);
    bad(dir, /is not a regular file/);
  });
});
