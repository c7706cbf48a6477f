// A client certificate end to end in Chromium (browser mode, real core, curl engine): against
// a TLS server that requires one, the request without it fails by name; with a P12 picked
// in the composer's options (like an upload: the page never names a path) and its password,
// the server answers with the subject it saw.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, stackForFile, until, tid, showOptions } from './support.js';
import { P12_PASSWORD, startClientCertServer, type ClientCertServer } from '../support/client-cert-server.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
let server: ClientCertServer;

before(async () => {
  server = await startClientCertServer();
});
after(() => server?.close());

test('a picked P12 with its password is sent when the server asks; without it the request fails by name', T, async () => {
  const { page, log } = await openApp(stack);
  await showOptions(page);
  await page.locator(tid('engine-select')).selectOption('curl');
  await page.locator(tid('url-input')).fill(`${server.url}/who`);
  await page.locator(tid('ca-file')).setInputFiles(server.file('ca.pem'));
  await page.locator(tid('send-button')).click();
  const error = await until('refused without a certificate', async () => {
    const text = await page.locator(tid('response-error')).textContent().catch(() => '');
    return text?.includes('client certificate') ? text : undefined;
  }, 30_000);
  assert.match(error, /requires a client certificate and none was given/);

  await page.locator(tid('client-cert')).setInputFiles(server.file('client.p12'));
  assert.equal(await page.locator(tid('client-cert-type')).inputValue(), 'P12', 'a .p12 file is taken as P12');
  await page.locator(tid('client-cert-password')).fill(P12_PASSWORD);
  await page.locator(tid('send-button')).click();
  await until('200 with the certificate', async () => ((await page.locator(tid('response-status')).textContent())?.startsWith('200') ? true : undefined), 30_000);
  await page.getByText('subject=Alice Client').first().waitFor({ timeout: 10_000 });
  await screenshot(page, 'client-cert-sent');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
