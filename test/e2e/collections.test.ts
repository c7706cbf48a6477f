// Collections end to end in Chromium (browser mode, real core, the default workspace in the
// stack's data dir, real files): a folder created, a request saved with Ctrl+S → Save As and
// found in the tree and on disk, an edit marked unsaved and saved into the file, rename,
// delete and undo, a file written by the test appearing in the tree, a malformed file listed
// as a problem, a clean tab following its file, and a dirty one asking before it overwrites.
// Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { openApp, screenshot, stackForFile, tid, until } from './support.js';
import { fillSaveAs, openCollections } from './collections-support.js';

const T = { timeout: 120_000 };
const stack = stackForFile();

const row = (page: Page, name: string) => page.locator(tid('tree-row')).filter({ has: page.locator(tid('tree-name'), { hasText: new RegExp(`^${name}$`) }) });

/** Every saved request file under `dir` whose `name` is `name` (workspace.yaml and folder.yaml aside). */
function filesNamed(dir: string, name: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name) || /^(workspace|folder)\.ya?ml$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    try {
      if ((YAML.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown } | null)?.name === name) found.push(file);
    } catch {
      // A malformed file of the test's own: not a saved request.
    }
  }
  return found;
}

/** The one file of request `name`, once it is there. */
const fileOf = (dir: string, name: string): Promise<string> =>
  until(`the file of "${name}"`, () => {
    const f = filesNamed(dir, name);
    return f.length === 1 ? f[0] : undefined;
  });

const urlIn = (file: string): string => (YAML.parse(fs.readFileSync(file, 'utf8')) as { request: { url: string } }).request.url;

async function saveAs(page: Page, name: string, folderLabel: string): Promise<void> {
  await page.keyboard.press('Control+s');
  await fillSaveAs(page, name, folderLabel);
}

test('save into a folder, edit and save, rename, delete and undo, files from disk and their problems', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const ws = await openCollections(page);

  // A folder, made inline.
  await page.locator(tid('new-folder')).click();
  await page.locator(tid('tree-name-input')).fill('Users');
  await page.locator(tid('tree-name-input')).press('Enter');
  await row(page, 'Users').waitFor({ timeout: 10_000 });
  assert.equal(await row(page, 'Users').getAttribute('data-kind'), 'folder');
  assert.ok(fs.readdirSync(ws, { withFileTypes: true }).some((e) => e.isDirectory()), 'a folder on disk');

  // Ctrl+S on a tab never saved: Save As, into the folder.
  const first = `${stack.target.url}/echo?list=1`;
  await page.locator(tid('url-input')).fill(first);
  await saveAs(page, 'List users', 'Users');
  await row(page, 'List users').waitFor({ timeout: 10_000 });
  const file = await fileOf(ws, 'List users');
  assert.equal(urlIn(file), first);
  assert.notEqual(path.dirname(file), ws, 'saved inside the folder');
  assert.equal(await page.locator('.tabbar .tab-active .tab-label').textContent(), 'List users');
  assert.equal(await row(page, 'List users').locator(tid('tree-method')).textContent(), 'GET');

  // An edit is marked on the tab and the row; Ctrl+S writes it and the marks go.
  await page.locator(tid('url-input')).fill(`${first}&page=2`);
  await page.locator(tid('tab-dirty')).waitFor({ timeout: 5_000 });
  await row(page, 'List users').locator(tid('tree-dirty')).waitFor({ timeout: 5_000 });
  await screenshot(page, 'collections-01-tree-light');
  await page.keyboard.press('Control+s');
  await until('the edit in the file', () => (urlIn(file) === `${first}&page=2` ? true : undefined));
  await page.locator(tid('tab-dirty')).waitFor({ state: 'detached', timeout: 5_000 });
  assert.equal(await row(page, 'List users').locator(tid('tree-dirty')).count(), 0);

  // Rename with F2: the row, the tab's title and the file follow.
  await row(page, 'List users').focus();
  await page.keyboard.press('F2');
  await page.locator(tid('tree-name-input')).fill('All users');
  await page.locator(tid('tree-name-input')).press('Enter');
  await row(page, 'All users').waitFor({ timeout: 10_000 });
  const renamed = await fileOf(ws, 'All users');
  assert.equal(urlIn(renamed), `${first}&page=2`);
  assert.equal(filesNamed(ws, 'List users').length, 0);
  await until('the tab renamed', async () => ((await page.locator('.tabbar .tab-active .tab-label').textContent()) === 'All users' ? true : undefined));

  // Delete (the Delete key), then Undo in the toast: the same bytes come back.
  const bytes = fs.readFileSync(renamed);
  await row(page, 'All users').focus();
  await page.keyboard.press('Delete');
  await page.locator(tid('undo-toast')).waitFor({ timeout: 5_000 });
  assert.match((await page.locator(tid('undo-toast')).textContent()) ?? '', /Deleted All users/);
  await row(page, 'All users').waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(fs.existsSync(renamed), false);
  await page.locator(tid('undo-delete')).click();
  await row(page, 'All users').waitFor({ timeout: 10_000 });
  assert.deepEqual(fs.readFileSync(await fileOf(ws, 'All users')), bytes);

  // Written on disk by someone else: it appears; a malformed file is listed, its bytes kept.
  fs.writeFileSync(path.join(ws, 'ping.yaml'), `name: Ping\nrequest:\n  method: HEAD\n  url: ${stack.target.url}/ping\n`);
  const broken = 'name: Broken\nrequest: [unclosed\n';
  fs.writeFileSync(path.join(ws, 'broken.yaml'), broken);
  await row(page, 'Ping').waitFor({ timeout: 10_000 });
  assert.equal(await row(page, 'Ping').locator(tid('tree-method')).textContent(), 'HEAD');
  const problem = page.locator(tid('collections-problem')).filter({ hasText: 'broken.yaml' });
  await problem.waitFor({ timeout: 10_000 });
  assert.match((await problem.textContent()) ?? '', /broken\.yaml:\d+ not valid YAML/);
  assert.equal(fs.readFileSync(path.join(ws, 'broken.yaml'), 'utf8'), broken);

  // Search by name and by URL.
  await page.locator(tid('collections-search')).fill('ping');
  await until('only Ping', async () => ((await page.locator(tid('tree-row')).count()) === 1 ? true : undefined));
  await page.locator(tid('collections-search')).fill('list=1');
  await until('the folder and All users', async () => (JSON.stringify(await page.locator(`${tid('tree-row')} ${tid('tree-name')}`).allTextContents()) === '["Users","All users"]' ? true : undefined));
  await page.locator(tid('collections-search')).fill('');
  await screenshot(page, 'collections-02-problems');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('a clean tab follows its file; a dirty one is marked and its save asks: Overwrite, Load theirs', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const ws = await openCollections(page);
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?v=1`);
  await saveAs(page, 'Versioned', '(workspace root)');
  const file = await fileOf(ws, 'Versioned');
  const rewrite = (url: string): void => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/url: .*/, `url: ${url}`));

  // Clean: the change on disk is loaded into the tab.
  rewrite(`${stack.target.url}/echo?v=disk`);
  await until('the tab to follow the file', async () => ((await page.locator(tid('url-input')).inputValue()) === `${stack.target.url}/echo?v=disk` ? true : undefined));

  // Dirty: marked "changed on disk"; Ctrl+S asks; Overwrite writes the tab's draft.
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?v=mine`);
  rewrite(`${stack.target.url}/echo?v=theirs`);
  await page.locator(tid('tab-disk-changed')).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator(tid('url-input')).inputValue(), `${stack.target.url}/echo?v=mine`, 'the edit is kept');
  await page.keyboard.press('Control+s');
  const dialog = page.locator(tid('save-conflict-dialog'));
  await dialog.waitFor({ timeout: 5_000 });
  assert.match((await page.locator(tid('save-conflict-text')).textContent()) ?? '', /Versioned changed on disk since you opened it/);
  await screenshot(page, 'collections-03-conflict-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'collections-03-conflict-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator(tid('conflict-overwrite')).click();
  await until('the overwrite', () => (urlIn(file) === `${stack.target.url}/echo?v=mine` ? true : undefined));
  await page.locator(tid('tab-disk-changed')).waitFor({ state: 'detached', timeout: 5_000 });

  // Again, and this time Load theirs: the tab takes the file's request.
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?v=mine2`);
  rewrite(`${stack.target.url}/echo?v=theirs2`);
  await page.locator(tid('tab-disk-changed')).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Control+s');
  await dialog.waitFor({ timeout: 5_000 });
  await page.locator(tid('conflict-load')).click();
  await until('theirs loaded', async () => ((await page.locator(tid('url-input')).inputValue()) === `${stack.target.url}/echo?v=theirs2` ? true : undefined));
  assert.equal(await page.locator(tid('tab-dirty')).count(), 0);
  assert.equal(urlIn(file), `${stack.target.url}/echo?v=theirs2`);
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('open from the tree (a tab showing it is focused), move by keyboard, Save As dialog; light and dark', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openCollections(page);
  await row(page, 'Ping').click();
  await until('Ping in a tab', async () => ((await page.locator('.tabbar .tab-active .tab-label').textContent()) === 'Ping' ? true : undefined));
  const tabs = await page.locator('.tabbar .tab').count();
  await row(page, 'Ping').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.tabbar .tab').count(), tabs, 'the tab showing it is focused, not a new one');

  // Alt+Down / Alt+Up move Ping one place among the root's items (by name until ordered).
  const rootNames = () => page.locator(`${tid('tree-row')}[aria-level="1"] ${tid('tree-name')}`).allTextContents();
  assert.deepEqual(await rootNames(), ['Ping', 'Users', 'Versioned']);
  await row(page, 'Ping').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await until('Ping one place down', async () => (JSON.stringify(await rootNames()) === '["Users","Ping","Versioned"]' ? true : undefined));
  await until('the focus kept on Ping', async () => ((await page.evaluate(() => document.activeElement?.getAttribute('data-path'))) === (await row(page, 'Ping').getAttribute('data-path')) ? true : undefined));
  await page.keyboard.press('Alt+ArrowUp');
  await until('Ping first', async () => (JSON.stringify(await rootNames()) === '["Ping","Users","Versioned"]' ? true : undefined));

  // The row's menu has every action.
  await row(page, 'Ping').locator(tid('tree-more')).click();
  const menu = page.locator(tid('tree-menu'));
  await menu.waitFor({ timeout: 5_000 });
  assert.deepEqual(await menu.locator('[role="menuitem"] > span:first-child').allTextContents(), ['Open', 'Rename', 'Duplicate', 'Move up', 'Move down', 'Move to…', 'Delete']);
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached', timeout: 5_000 });

  await page.locator(tid('new-tab')).click();
  await page.locator(tid('url-input')).fill(`${stack.target.url}/users/42`);
  await page.keyboard.press('Control+s');
  await page.locator(tid('save-as-dialog')).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator(tid('save-as-name')).inputValue(), 'GET 42');
  await screenshot(page, 'collections-04-save-as-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'collections-05-save-as-dark');
  await page.keyboard.press('Escape');
  await screenshot(page, 'collections-06-tree-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('the workspace menu, Open folder in browser mode, environments from workspace.yaml (kept per workspace), drag and drop', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const ws = await openCollections(page);

  await page.locator(tid('workspace-name')).click();
  const menu = page.locator(tid('workspace-menu'));
  await menu.waitFor({ timeout: 5_000 });
  assert.deepEqual(await menu.locator(tid('workspace-item')).allTextContents(), ['My workspace']);
  await page.locator(tid('workspace-open-folder')).click();
  const reportLine = page.locator(tid('collections-report'));
  await reportLine.waitFor({ timeout: 5_000 });
  assert.match((await reportLine.textContent()) ?? '', /--workspace DIR/);

  // Environments come with the workspace file; the choice is kept across a reload.
  const wsFile = path.join(ws, 'workspace.yaml');
  fs.writeFileSync(wsFile, `${fs.readFileSync(wsFile, 'utf8').trimEnd()}\nenvironments:\n  - name: dev\n    variables:\n      - name: host\n        value: 127.0.0.1\n  - name: prod\n`.replace(/\nenvironments: \[\]\n/, '\n'));
  const select = page.locator(tid('environment-select'));
  await until('the environments', async () => (JSON.stringify(await select.locator('option').allTextContents()) === '["No environment","dev","prod","──────────","Manage environments…"]' ? true : undefined));
  await select.selectOption('dev');
  await screenshot(page, 'collections-07-environments');
  await page.reload({ waitUntil: 'load' });
  await until('dev chosen after the reload', async () => ((await page.locator(tid('environment-select')).inputValue()) === 'dev' ? true : undefined));

  // Drag Versioned onto the Users folder: it moves in, on disk too.
  await openCollections(page);
  await row(page, 'Versioned').dragTo(row(page, 'Users'));
  await until('Versioned inside Users', async () => ((await row(page, 'Versioned').getAttribute('data-path'))?.includes('/') ? true : undefined));
  assert.notEqual(path.dirname(await fileOf(ws, 'Versioned')), ws);

  // Duplicate and Move to…, from the row's menu by keyboard.
  await row(page, 'Ping').focus();
  await page.keyboard.press('Shift+F10');
  await page.locator(tid('menu-duplicate')).waitFor({ timeout: 5_000 });
  await page.locator(tid('menu-duplicate')).press('Enter');
  await row(page, 'Ping copy').waitFor({ timeout: 10_000 });
  await row(page, 'Ping copy').locator(tid('tree-more')).click();
  await page.locator(tid('menu-move-to')).click();
  await page.locator(tid('move-to-dialog')).waitFor({ timeout: 5_000 });
  await page.locator(tid('move-to-folder')).selectOption({ label: 'Users' });
  await page.locator(tid('move-to-move')).click();
  await until('Ping copy inside Users', async () => ((await row(page, 'Ping copy').getAttribute('data-path'))?.includes('/') ? true : undefined));
  assert.equal(path.basename(path.dirname(await fileOf(ws, 'Ping copy'))), path.basename(path.dirname(await fileOf(ws, 'Versioned'))));
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('a workspace of 1000 requests: a virtual tree (few rows in the DOM), ↑/↓ scroll the focused row into view', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const ws = await openCollections(page);
  const bulk = path.join(ws, 'bulk');
  fs.mkdirSync(bulk);
  // Names that sort as written: r0000 … r0999.
  for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(bulk, `r${String(i).padStart(4, '0')}.yaml`), `name: r${String(i).padStart(4, '0')}\nrequest:\n  url: http://x/${i}\n`);
  const tree = page.locator(tid('tree'));
  await until('the 1000 requests', async () => ((await tree.evaluate((e) => e.scrollHeight)) > 1000 * 26 ? true : undefined), 30_000);
  const inDom = await page.locator(tid('tree-row')).count();
  assert.ok(inDom < 100, `${inDom} rows in the DOM`);
  await row(page, 'r0000').focus();
  for (let i = 0; i < 150; i++) await page.keyboard.press('ArrowDown');
  await until('r0150 focused', async () => ((await page.evaluate(() => document.activeElement?.textContent ?? '')).includes('r0150') ? true : undefined), 5_000);
  assert.ok((await tree.evaluate((e) => e.scrollTop)) > 0, 'the tree scrolled');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});
