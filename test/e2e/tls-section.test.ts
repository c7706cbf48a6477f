// The TLS section in Chromium (browser mode, real core, curl engine): a refused self-signed
// certificate shows the refusal and the certificate; with the certificate as CA file, the
// lock line says verified against it and the section shows its fingerprint and SANs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, screenshot, stackForFile, until, tid, showOptions } from './support.js';
import { selfSignedCert, startTestServer, type TestServer } from '../support/servers.js';

const T = { timeout: 90_000 };
const stack = stackForFile();
let secure: TestServer;
let caPath: string;
const tls = selfSignedCert();

before(async () => {
  secure = await startTestServer({ tls });
  caPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-e2e-tls-')), 'server-ca.pem');
  fs.writeFileSync(caPath, tls.cert);
});
after(async () => {
  await secure?.close();
  fs.rmSync(path.dirname(caPath), { recursive: true, force: true });
});

const textOf = async (page: Awaited<ReturnType<typeof openApp>>['page'], id: string) => (await page.locator(tid(id)).textContent().catch(() => '')) ?? '';

test('the TLS section: a refused certificate, then verified against the CA file', T, async () => {
  const { page, log } = await openApp(stack);
  await showOptions(page);
  await page.locator(tid('engine-select')).selectOption('curl');
  await page.locator(tid('url-input')).fill(`${secure.url.replace('localhost', '127.0.0.1')}/bytes/100`);
  await page.locator(tid('send-button')).click();
  await until('the refusal in the lock line', async () => ((await textOf(page, 'tls-summary')).includes('refused (system)') ? true : undefined), 30_000);
  // The facts are the response's TLS tab (it stays chosen for the next response).
  await page.locator(tid('response-tab-tls')).click();
  assert.match(await textOf(page, 'tls-section'), /self-signed certificate/);
  assert.match(await textOf(page, 'tls-cert-0'), /CN=localhost/);
  await screenshot(page, 'tls-refused');

  await page.locator(tid('ca-file')).setInputFiles(caPath);
  await page.locator(tid('send-button')).click();
  await until('verified against the CA file', async () => ((await textOf(page, 'tls-summary')).includes('verified (CA file)') ? true : undefined), 30_000);
  assert.match(await textOf(page, 'tls-summary'), /^.*TLSv1\.[23] · \S+ · verified \(CA file\)/);
  const section = await textOf(page, 'tls-section');
  assert.ok(section.includes(new X509Certificate(tls.cert).fingerprint256), 'the certificate file\'s fingerprint');
  assert.ok(section.includes('DNS:localhost, IP Address:127.0.0.1'));
  assert.equal(await page.locator(tid('tls-copy-pem-0')).count(), 1);
  await page.locator(tid('tls-section')).scrollIntoViewIfNeeded();
  await screenshot(page, 'tls-verified');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
