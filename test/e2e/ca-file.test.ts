// The CA file end to end in Chromium (browser mode, real core, curl engine): the page picks
// the PEM file like an upload (it never names a path); with it an HTTPS server whose
// certificate it holds answers, without it the request fails on the certificate, and a
// pasted `--cacert PATH` asks for the file to be chosen instead of reading that path.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, screenshot, stackForFile, until, tid, showOptions } from './support.js';
import { selfSignedCert, startTestServer, type TestServer } from '../support/servers.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
let secure: TestServer;
let caPath: string;

before(async () => {
  const tls = selfSignedCert();
  secure = await startTestServer({ tls });
  // A folder of its own: the stack's hooks are not ordered with this file's.
  caPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-e2e-ca-')), 'server-ca.pem');
  fs.writeFileSync(caPath, tls.cert);
});
after(async () => {
  await secure?.close();
  fs.rmSync(path.dirname(caPath), { recursive: true, force: true });
});

test('a picked CA file makes the HTTPS server trusted; without it the certificate is refused; a pasted path must be chosen', T, async () => {
  const { page, log } = await openApp(stack);
  await showOptions(page);
  await page.locator(tid('engine-select')).selectOption('curl');
  const url = `${secure.url.replace('localhost', '127.0.0.1')}/bytes/100`;
  await page.locator(tid('url-input')).fill(url);
  await page.locator(tid('send-button')).click();
  await until('the certificate refused', async () => ((await page.locator(tid('response-error')).textContent().catch(() => ''))?.match(/certificate/i) ? true : undefined), 30_000);

  await page.locator(tid('ca-file')).setInputFiles(caPath);
  await page.locator(tid('send-button')).click();
  await until('200 with the CA file', async () => ((await page.locator(tid('response-status')).textContent())?.startsWith('200') ? true : undefined), 30_000);
  await screenshot(page, 'ca-file-picked');

  await page.locator(tid('import-curl')).click();
  await page.locator(tid('curl-import-text')).fill(`curl --cacert /etc/ssl/some-ca.pem ${url}`);
  await page.locator(tid('curl-import-button')).click();
  await page.locator(tid('ca-file-unchosen')).waitFor({ timeout: 10_000 });
  assert.match((await page.locator(tid('ca-file-unchosen')).textContent()) ?? '', /\/etc\/ssl\/some-ca\.pem: choose this file/);
  await page.locator(tid('send-button')).click();
  await until('the core refuses the unchosen CA file', async () => ((await page.locator(tid('request-error')).textContent().catch(() => ''))?.includes('is not chosen in this session') ? true : undefined));
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
