// Chaining end to end in Chromium (browser mode, real core, curl engine, the stack's loopback
// target): a chained variable made in Manage environments (the request chosen from the
// workspace, its body, a JSON path) lands in workspace.yaml; the composer's hover names its
// source; a request using it before the login was sent is refused with a "Send auth/Login"
// button, which opens and sends the login; sent again, the request carries the token the
// login's response held. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { openApp, screenshot, stackForFile, tid, until } from './support.js';

const T = { timeout: 60_000 };
const stack = stackForFile();
const TOKEN = 'tok-from-login-91';

/** The echo of the newest finished history entry sent to `url` that is not among `known`. */
async function echoOf(url: string, known: Set<string>): Promise<{ headers: Record<string, string> }> {
  const entry = await until(`the history entry of ${url}`, async () => {
    const { entries } = await stack.core.call('listHistory', { limit: 100, offset: 0 });
    return entries.find((e) => !known.has(e.id) && e.url === url && e.ok !== undefined);
  });
  const slice = await stack.core.call('readBodySlice', { id: entry.id, offset: 0, length: 1024 * 1024 });
  return JSON.parse(Buffer.from(slice.base64, 'base64').toString('utf8')) as { headers: Record<string, string> };
}
const historyIds = async (): Promise<Set<string>> => new Set((await stack.core.call('listHistory', { limit: 100, offset: 0 })).entries.map((e) => e.id));

test('a token chained from a login response: defined in the dialog, refused before the login with a button that sends it, then sent', T, async () => {
  const ws = (await stack.core.call('listWorkspaces', {})).open[0]!;
  const echo = `${stack.target.url}/echo`;
  // The login's response (the target's echo) holds the X-Token it was sent: its JSON is the source.
  await stack.core.call('createFolder', { id: ws.id, parent: '', name: 'auth' });
  const login = await stack.core.call('saveRequest', {
    id: ws.id,
    folder: 'auth',
    saved: { name: 'Login', request: { url: `${echo}?login=1`, method: 'POST', engine: 'curl', headers: [{ name: 'X-Token', value: TOKEN, enabled: true }] } },
  });
  await stack.core.call('saveRequest', { id: ws.id, folder: '', saved: { name: 'Me', request: { url: echo, engine: 'curl', headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }, { name: 'X-Token-Copy', value: '{{token}}', enabled: true }] } } });

  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  if ((await page.locator(tid('collections')).count()) === 0) await page.locator(tid('collections-toggle')).click();
  const row = (name: string) => page.locator(tid('tree-row')).filter({ has: page.locator(tid('tree-name'), { hasText: new RegExp(`^${name}$`) }) });
  await row('Me').waitFor({ timeout: 10_000 });

  // Manage environments: the workspace's own scope, a variable from a response.
  await page.keyboard.press('Control+Alt+e');
  const dialog = page.locator(tid('environments-dialog'));
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await page.locator(tid('env-add-variable')).click();
  const last = page.locator(tid('env-row')).last();
  await last.locator(tid('env-var-name')).fill('token');
  await last.locator(tid('env-var-kind')).selectOption('response');
  await page.locator(tid('env-var-problem')).filter({ hasText: /choose the request/ }).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator(tid('env-save')).isDisabled(), true, 'no request chosen: Save waits');
  await last.locator(tid('env-chain-request')).selectOption({ label: 'auth/Login' });
  await last.locator(tid('env-chain-source')).selectOption('body');
  await last.locator(tid('env-chain-path')).fill("$.headers['x-token']");
  assert.equal(await last.locator(tid('env-var-secret')).isDisabled(), true, 'a chained value cannot be a secret');
  await screenshot(page, 'chain-01-dialog');
  await page.locator(tid('env-save')).click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  const file = YAML.parse(fs.readFileSync(path.join(ws.location, 'workspace.yaml'), 'utf8')) as { variables: unknown[] };
  assert.deepEqual(file.variables, [{ name: 'token', value: '', secret: false, enabled: true, from: { request: login.path, source: 'body', path: "$.headers['x-token']" } }]);

  // Me, opened (its Authorization is in the Auth tab): the hover of {{token}} names its source.
  await row('Me').click();
  await page.locator(tid('composer-tab-headers')).click();
  const token = page.locator(`${tid('headers-table-row')} ${tid('var-token')}`).first();
  await until('the chained token highlighted', async () => ((await token.getAttribute('data-title'))?.includes('from the response of') ? true : undefined));
  assert.equal(await token.getAttribute('data-title'), `{{token}}: from the response of ${login.path}: $.headers['x-token'] (workspace "${ws.name}")`);

  // Sent before the login: refused, naming both, with a button that sends the login.
  await page.locator(tid('send-button')).click();
  const error = page.locator(tid('request-error'));
  await error.filter({ hasText: /NEEDS_RESPONSE: .*\{\{token\}\} takes its value from the response of "auth\/Login\.yaml", which has not been sent yet: send it first/ }).waitFor({ timeout: 10_000 });
  const button = page.locator(tid('send-source'));
  assert.equal(await button.textContent(), 'Send auth/Login');
  await screenshot(page, 'chain-02-needs-response');
  let known = await historyIds();
  await button.click();
  assert.equal((await echoOf(`${echo}?login=1`, known)).headers['x-token'], TOKEN, 'the login was sent from its own tab');
  await until('the Login tab active', async () => ((await page.locator('.tabbar .tab-active .tab-label').textContent()) === 'Login' ? true : undefined));

  // Back to Me and sent again: the token from the login's response arrives.
  known = await historyIds();
  await row('Me').click();
  await until('the Me tab active', async () => ((await page.locator('.tabbar .tab-active .tab-label').textContent()) === 'Me' ? true : undefined));
  await page.locator(tid('send-button')).click();
  const got = (await echoOf(echo, known)).headers;
  assert.equal(got.authorization, `Bearer ${TOKEN}`);
  assert.equal(got['x-token-copy'], TOKEN);
  await page.locator(tid('response-status')).filter({ hasText: /200/ }).waitFor({ timeout: 10_000 });
  await screenshot(page, 'chain-03-sent');
  assert.deepEqual(log.errors(), []);
});
