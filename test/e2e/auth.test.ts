// Auth legs end to end in Chromium (browser mode, real core, curl engine) against a real
// Digest server (Debian's apache2): the Auth tab's Digest sends, the 401 leg and the 200 are
// two hops of the event list, the leg labelled, and the response summary counts them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, stackForFile, until, tid, showOptions } from './support.js';
import { startAuthServer, type AuthServer } from '../support/apache.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
let server: AuthServer;

before(async () => {
  server = await startAuthServer();
});
after(async () => {
  await server?.close();
});

test('Digest from the Auth tab: 401 then 200, the leg labelled, "2 round trips (1 auth leg)"', T, async () => {
  const { page, log } = await openApp(stack);
  await showOptions(page);
  await page.locator(tid('engine-select')).selectOption('curl');
  await page.locator(tid('url-input')).fill(`${server.url}/digest/index.html`);
  await page.locator(tid('composer-tab-auth')).click();
  await page.locator(tid('auth-kind-select')).selectOption('digest');
  await page.locator(tid('auth-user')).fill(server.user);
  await page.locator(tid('auth-password')).fill(server.password);
  assert.equal(await page.locator(tid('auth-password')).getAttribute('type'), 'password');
  await page.locator(tid('send-button')).click();
  await until('200 after the leg', async () => ((await page.locator(tid('response-status')).textContent())?.startsWith('200') ? true : undefined), 30_000);
  await until('the round trips', async () => ((await page.locator(tid('response-round-trips')).textContent().catch(() => '')) === '2 round trips (1 auth leg)' ? true : undefined));
  await until('the labelled leg', async () => ((await page.locator(tid('hop-auth-leg')).first().textContent().catch(() => '')) === 'auth leg 401 → Digest' ? true : undefined));
  const statuses = await page.locator(tid('hop-section')).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  assert.deepEqual(statuses, ['401', '200']);
  await screenshot(page, 'auth-digest-legs');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
