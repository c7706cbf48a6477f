// Manage environments end to end in Chromium (browser mode, real core, the default workspace
// in the stack's data dir): an environment "dev" made in the dialog with host = the target's
// and a secret token; chosen in the top bar, a request using both arrives resolved at the
// target; workspace.yaml holds the variable and "" for the secret (its value only in the
// secrets file); a bad name is shown and blocks Save; closing with edits asks; a rename
// keeps the secret and the selector follows it; a folder's Edit variables…; a change on
// disk noticed and a malformed workspace.yaml named. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { openApp, screenshot, stackForFile, tid, until } from './support.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
const TOKEN = 'tok-7f3a9c-secret';

/** The echo of the history entry for `url` not among `known`, once it finished. */
async function echoOf(url: string, known: Set<string>): Promise<{ headers: Record<string, string> }> {
  const entry = await until(`the history entry of ${url}`, async () => {
    const { entries } = await stack.core.call('listHistory', { limit: 100, offset: 0 });
    return entries.find((e) => !known.has(e.id) && e.url === url && e.ok !== undefined);
  });
  assert.equal(entry.ok, true, JSON.stringify(entry));
  const slice = await stack.core.call('readBodySlice', { id: entry.id, offset: 0, length: 1024 * 1024 });
  return JSON.parse(Buffer.from(slice.base64, 'base64').toString('utf8')) as { headers: Record<string, string> };
}

const historyIds = async (): Promise<Set<string>> => new Set((await stack.core.call('listHistory', { limit: 100, offset: 0 })).entries.map((e) => e.id));

/** Adds a variable row to the scope shown and fills it (a secret: marked so before its value is typed). */
async function addVariable(page: Page, name: string, value: string, secret = false): Promise<void> {
  await page.locator(tid('env-add-variable')).click();
  const row = page.locator(tid('env-row')).last();
  await row.locator(tid('env-var-name')).fill(name);
  if (secret) await row.locator(tid('env-var-secret')).check();
  await row.locator(tid('env-var-value')).fill(value);
}

async function send(page: Page, url: string): Promise<void> {
  await page.locator(tid('url-input')).fill(url);
  await page.locator(tid('send-button')).click();
}

test('an environment made in the dialog, with a secret: chosen, sent resolved, kept out of the file, renamed', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const dialog = page.locator(tid('environments-dialog'));
  const select = page.locator(tid('environment-select'));
  await until('the workspace tree', async () => ((await select.isDisabled()) ? undefined : true));

  // Ctrl+Alt+E opens it; a new environment, named dev.
  await page.keyboard.press('Control+Alt+e');
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await page.locator(tid('env-add-environment')).click();
  await page.locator(tid('env-name')).fill('dev');
  const host = new URL(stack.target.url).host;
  await addVariable(page, 'host', host);
  await addVariable(page, 'token', TOKEN, true);
  assert.equal(await page.locator(tid('env-row')).last().locator(tid('env-var-value')).getAttribute('type'), 'password', 'a secret is masked');

  // A bad name is named inline and Save waits for it; a second "host" is flagged too.
  await addVariable(page, '1bad', 'x');
  await page.locator(tid('env-var-problem')).filter({ hasText: /starts with a letter or _/ }).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator(tid('env-save')).isDisabled(), true);
  await page.locator(tid('env-row')).last().locator(tid('env-var-name')).fill('host');
  await page.locator(tid('env-var-problem')).filter({ hasText: /host is defined twice/ }).waitFor({ timeout: 5_000 });
  await screenshot(page, 'environments-01-problem');
  await page.locator(tid('env-row')).last().locator(tid('env-var-delete')).click();
  assert.equal(await page.locator(tid('env-save')).isDisabled(), false);
  await screenshot(page, 'environments-02-dialog-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'environments-03-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator(tid('env-save')).click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });

  // The file: the variable, and "" for the secret; its value only in the secrets file.
  const location = (await stack.core.call('listWorkspaces', {})).open[0]!.location;
  const text = fs.readFileSync(path.join(location, 'workspace.yaml'), 'utf8');
  assert.ok(!text.includes(TOKEN), text);
  const file = YAML.parse(text) as { environments: Array<{ name: string; variables: Array<{ name: string; value: string; secret?: boolean }> }> };
  assert.deepEqual(
    file.environments.map((e) => [e.name, e.variables.map((x) => [x.name, x.value, x.secret ?? false])]),
    [['dev', [['host', host, false], ['token', '', true]]]],
  );
  const secretsDir = path.join(stack.tmp, 'data', 'secrets');
  assert.ok(fs.readdirSync(secretsDir).some((f) => fs.readFileSync(path.join(secretsDir, f), 'utf8').includes(TOKEN)), 'the secret is in the data dir');

  // Chosen in the top bar; the request resolves host and the secret token in the core.
  await until('dev in the selector', async () => ((await select.locator('option', { hasText: /^dev$/ }).count()) === 1 ? true : undefined));
  await select.selectOption('dev');
  await page.locator(tid('composer-tab-headers')).click();
  if ((await page.locator(tid('headers-table-row')).count()) === 0) await page.locator(tid('headers-table-add')).click();
  const header = page.locator(tid('headers-table-row')).first().locator('input');
  await header.nth(1).fill('Authorization');
  await header.nth(2).fill('Bearer {{token}}');
  const sent = `http://${host}/echo`;
  let before = await historyIds();
  await send(page, 'http://{{host}}/echo');
  assert.equal((await echoOf(sent, before)).headers.authorization, `Bearer ${TOKEN}`);

  // Closing with an edit asks; Discard drops it.
  await select.selectOption({ label: 'Manage environments…' });
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await page.locator(`${tid('env-scope')}[aria-current="true"]`).getAttribute('data-name'), 'dev', 'it opens on the active environment');
  await page.locator(tid('env-name')).fill('staging');
  await page.keyboard.press('Escape');
  await page.locator(tid('env-confirm')).waitFor({ timeout: 5_000 });
  await screenshot(page, 'environments-04-confirm');
  await page.locator(tid('env-discard')).click();
  await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  assert.equal(await select.inputValue(), 'dev');

  // A rename from the workspace menu: the selector follows it and the secret stays with it.
  await page.locator(tid('collections-toggle')).click();
  await page.locator(tid('workspace-name')).click();
  await page.locator(tid('workspace-manage-environments')).click();
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await page.locator(tid('env-name')).fill('staging');
  await page.keyboard.press('Control+s');
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  await until('the selector to follow the rename', async () => ((await select.inputValue()) === 'staging' ? true : undefined));
  assert.equal(await select.locator('option', { hasText: /^dev$/ }).count(), 0);
  before = await historyIds();
  await send(page, 'http://{{host}}/echo');
  assert.equal((await echoOf(sent, before)).headers.authorization, `Bearer ${TOKEN}`, 'the renamed environment keeps its secret');
  assert.ok(!fs.readFileSync(path.join(location, 'workspace.yaml'), 'utf8').includes(TOKEN));

  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
  assert.deepEqual(log.errors(), [], log.dump());
});

test("a folder's Edit variables… opens on it and writes its folder.yaml; a malformed workspace.yaml is named and left as it is", T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const id = (await stack.core.call('listWorkspaces', {})).open[0]!.id;
  const location = (await stack.core.call('listWorkspaces', {})).open[0]!.location;
  const { path: folder } = await stack.core.call('createFolder', { id, parent: '', name: 'Admin' });
  if ((await page.locator(tid('collections')).count()) === 0) await page.locator(tid('collections-toggle')).click();
  const row = page.locator(`${tid('tree-row')}[data-path="${folder}"]`);
  await row.waitFor({ timeout: 10_000 });
  await row.click({ button: 'right' });
  await page.locator(tid('menu-edit-variables')).click();
  const dialog = page.locator(tid('environments-dialog'));
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await page.locator(`${tid('env-scope')}[aria-current="true"]`).getAttribute('data-name'), folder);
  await addVariable(page, 'role', 'admin');
  await page.locator(tid('env-save')).click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  assert.match(fs.readFileSync(path.join(location, folder, 'folder.yaml'), 'utf8'), /- name: role\n {4}value: admin\n/);

  // The dialog opened, then workspace.yaml broken on disk: Save names the file, changes nothing.
  await page.keyboard.press('Control+Alt+e');
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await page.locator(`${tid('env-scope')}[data-kind="workspace"]`).click();
  const file = path.join(location, 'workspace.yaml');
  const good = fs.readFileSync(file, 'utf8');
  const broken = `${good}environments: [\n`;
  fs.writeFileSync(file, broken);
  // The change on disk is noticed (the watcher's push): Save would write over it.
  await page.locator(tid('env-disk-changed')).waitFor({ timeout: 10_000 });
  await addVariable(page, 'base', 'http://x');
  await page.locator(tid('env-save')).click();
  const error = page.locator(tid('env-error'));
  await error.waitFor({ timeout: 10_000 });
  assert.match((await error.textContent()) ?? '', /workspace\.yaml must be fixed first/);
  assert.equal(fs.readFileSync(file, 'utf8'), broken);
  await screenshot(page, 'environments-05-malformed');
  fs.writeFileSync(file, good);
  await page.locator(tid('env-save')).click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  assert.match(fs.readFileSync(file, 'utf8'), /- name: base\n {4}value: http:\/\/x\n/);
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
