// The Auth tab's OAuth 2.0 type in Chromium against a real authorization server on loopback
// (oauth2-mock-server): the fields, "Get new token" by client credentials (the token request
// lands in the history, marked "token"), the token's state, a send that carries the Bearer
// token, "Clear token"; and the code grant with Chromium as the browser: the sign-in opens in
// a new tab, the server redirects it to the core's loopback listener, the token is cached.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { startOAuthRig, type OAuthRig } from '../support/oauth-server.js';
import { openApp, stackForFile, tid, until } from './support.js';

const T = { timeout: 40_000 };
const SHOTS = '/tmp/shots-oauth';
const stack = stackForFile();
let rig: OAuthRig;

before(async () => void (rig = await startOAuthRig()));
after(async () => void (await rig?.close()));

test('OAuth 2.0 in the Auth tab: Get new token, its state, a send with the Bearer token, Clear token', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('url-input')).fill(rig.api);
  await page.locator(tid('composer-tab-auth')).click();
  await page.locator(tid('auth-kind-select')).selectOption('oauth2');
  await page.locator(tid('oauth2-token-url')).fill(rig.tokenUrl);
  await page.locator(tid('oauth2-client-id')).fill('ui-client');
  await page.locator(tid('oauth2-client-secret')).fill('ui-secret');
  await page.locator(tid('oauth2-scope')).fill('read write');
  // The code grant's own fields show only for it.
  assert.equal(await page.locator(tid('oauth2-auth-url')).count(), 0);
  await page.locator(tid('oauth2-grant')).selectOption('authorization_code');
  await page.locator(tid('oauth2-auth-url')).waitFor();
  assert.equal(await page.locator(tid('oauth2-pkce')).isChecked(), true, 'PKCE is on by default');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/oauth2-code-grant.png`, fullPage: true });
  await page.locator(tid('oauth2-grant')).selectOption('client_credentials');
  const status = page.locator(tid('oauth2-token-status'));
  await until('no token yet', async () => ((await status.textContent()) === 'No token cached.' ? true : undefined));
  await page.locator(tid('oauth2-get-token')).click();
  await until('the token cached', async () => (/^Token cached · expires in 60 min · scope read write\.$/.test((await status.textContent()) ?? '') ? true : undefined));
  assert.deepEqual(rig.calls.map((c) => [c.grant, c.authorization]), [['client_credentials', `Basic ${Buffer.from('ui-client:ui-secret').toString('base64')}`]]);
  const history = await stack.core.call('listHistory', { limit: 10 });
  assert.deepEqual(history.entries.map((e) => [e.method, e.url, e.statusCode, e.tokenRequest !== undefined]), [['POST', rig.tokenUrl, 200, true]]);
  await page.screenshot({ path: `${SHOTS}/oauth2-auth-tab.png`, fullPage: true });
  await page.locator(tid('send-button')).click();
  await until('the API got the token', () => (rig.seen.length > 0 ? true : undefined));
  assert.match(rig.seen[0] ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  assert.equal(rig.calls.length, 1, 'the send used the cached token');
  // The history shows the token request as such, beside the request it served.
  if ((await page.locator(tid('history')).count()) === 0) await page.locator(tid('history-toggle')).click();
  await until('two history rows', async () => ((await page.locator(tid('history-row')).count()) === 2 ? true : undefined));
  assert.equal(await page.locator(tid('history-token')).count(), 1);
  await page.locator(tid('oauth2-clear-token')).click();
  await until('the token cleared', async () => ((await status.textContent()) === 'No token cached.' ? true : undefined));
  await page.screenshot({ path: `${SHOTS}/oauth2-cleared.png`, fullPage: true });
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('the code grant in browser mode: Get new token opens the sign-in in a new tab, which lands on the loopback redirect', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('url-input')).fill(rig.api);
  await page.locator(tid('composer-tab-auth')).click();
  await page.locator(tid('auth-kind-select')).selectOption('oauth2');
  await page.locator(tid('oauth2-grant')).selectOption('authorization_code');
  await page.locator(tid('oauth2-token-url')).fill(rig.tokenUrl);
  await page.locator(tid('oauth2-auth-url')).fill(rig.authUrl);
  await page.locator(tid('oauth2-client-id')).fill('ui-app');
  await page.locator(tid('oauth2-scope')).fill('openid');
  rig.calls.length = 0;
  const popup = page.context().waitForEvent('page', { timeout: 10_000 });
  await page.locator(tid('oauth2-get-token')).click();
  const signIn = await popup;
  await until('the sign-in tab on the redirect', () => (new URL(signIn.url()).pathname === '/callback' ? true : undefined));
  assert.equal(new URL(signIn.url()).hostname, '127.0.0.1');
  const status = page.locator(tid('oauth2-token-status'));
  await until('the token cached', async () => (/^Token cached · expires in 60 min · scope \w+ · refreshable\.$/.test((await status.textContent()) ?? '') ? true : undefined));
  assert.deepEqual(rig.calls.map((c) => [c.grant, c.body['client_id'], /^[\w-]{43}$/.test(c.body['code_verifier'] ?? '')]), [['authorization_code', 'ui-app', true]]);
  await page.screenshot({ path: `${SHOTS}/oauth2-code-signed-in.png`, fullPage: true });
  await signIn.close();
  assert.deepEqual(log.pageErrors, [], log.dump());
});
