// Assertions and closing tabs in Chromium (browser mode, real core, curl engine, the stack's
// loopback server): assertions added in the composer with their validation messages, saved
// into the request's file, there again after a reload, checked after a send ("Assertions
// 3/4 passed" with the failure); a tab with unsaved work asks before it closes (Cancel and
// Escape keep it, Don't save closes it, Save writes the file; Save As for a tab never saved),
// a clean tab closes at once. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { openApp, screenshot, stackForFile, tid, until } from './support.js';
import { fillSaveAs, openCollections } from './collections-support.js';

const T = { timeout: 60_000 };
const stack = stackForFile();
const SHOTS = process.env.SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, `e2e-assertions-${name}`);
  if (SHOTS) fs.copyFileSync(file, path.join(SHOTS, path.basename(file)));
}

interface SavedDoc {
  name?: string;
  request?: { url?: string };
  assertions?: unknown[];
}

/** The saved request file named `name`, once it says what `check` wants. */
function savedFile(dir: string, name: string, check: (doc: SavedDoc) => boolean = () => true): Promise<SavedDoc> {
  return until(`the file of "${name}"`, () => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.yaml') || entry.name === 'workspace.yaml') continue;
      const doc = YAML.parse(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8')) as SavedDoc | null;
      if (doc?.name === name && check(doc)) return doc;
    }
    return undefined;
  });
}

async function addRow(page: Page, kind: string, target: string, value?: string): Promise<void> {
  await page.locator(tid('assertion-add')).click();
  const row = page.locator(tid('assertion-row')).last();
  await row.locator(tid('assertion-kind')).selectOption(kind);
  await row.locator(tid('assertion-target')).fill(target);
  if (value !== undefined) await row.locator(tid('assertion-value')).fill(value);
}

const tabCount = (page: Page) => page.locator('.tabbar .tab').count();

test('assertions: validated as typed, saved with the request, there after a reload, checked after a send', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const dir = await openCollections(page);
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?who=me`);
  await page.locator(tid('composer-tab-assertions')).click();
  assert.equal(await page.locator(tid('composer-tab-assertions')).textContent(), 'Assertions (0)');

  // By keyboard: Enter on Add makes a row whose kind select is next in the Tab order; Enter on × removes it.
  await page.locator(tid('assertion-add')).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(tid('assertion-row')).count(), 1);
  await page.locator(tid('assertion-target')).focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'assertion-kind');
  await page.locator(tid('assertion-remove')).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(tid('assertion-row')).count(), 0);

  // A status that is not a number, and a path not from the root, are named at their field.
  await addRow(page, 'statusEquals', 'abc');
  await page.locator(tid('assertion-problem')).waitFor({ timeout: 5_000 });
  assert.equal(await page.locator(tid('assertion-problem')).textContent(), '"abc" is not a status code (a number from 100 to 999).');
  assert.equal(await page.locator(tid('assertion-target')).first().getAttribute('aria-invalid'), 'true');
  await addRow(page, 'jsonPathEquals', 'method', '"GET"');
  assert.match((await page.locator(tid('assertion-problem')).last().textContent())!, /it starts at the root, \$/);
  await shot(page, '01-invalid');
  await page.locator(tid('assertion-target')).first().fill('200');
  await page.locator(tid('assertion-target')).last().fill('$.method');
  await addRow(page, 'headerPresent', 'Content-Type');
  await addRow(page, 'jsonPathEquals', '$.bodyBytes', '5');
  assert.equal(await page.locator(tid('assertion-problem')).count(), 0);
  assert.equal(await page.locator(tid('composer-tab-assertions')).textContent(), 'Assertions (4)');

  // Ctrl+S: Save As; the file holds the assertions in the format `inetscope run` reads.
  await page.keyboard.press('Control+s');
  await fillSaveAs(page, 'Echo me');
  const doc = await savedFile(dir, 'Echo me');
  assert.deepEqual(doc.assertions, [
    { kind: 'status', equals: 200 },
    { kind: 'jsonPath', path: '$.method', equals: 'GET' },
    { kind: 'header', name: 'Content-Type' },
    { kind: 'jsonPath', path: '$.bodyBytes', equals: 5 },
  ]);
  await until('the session to hold the assertions', () => {
    const file = path.join(stack.tmp, 'data', 'session.json');
    const s = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { tabs: Array<{ draft: { assertions?: unknown[] } }> }) : undefined;
    return s?.tabs[0]?.draft.assertions?.length === 4 ? true : undefined;
  });

  await page.reload({ waitUntil: 'load' });
  await page.locator(tid('composer-tab-assertions')).click();
  await until('the assertions back', async () => ((await page.locator(tid('assertion-row')).count()) === 4 ? true : undefined));
  assert.deepEqual(await page.locator(tid('assertion-target')).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), ['200', '$.method', 'Content-Type', '$.bodyBytes']);
  assert.equal(await page.locator(tid('tab-dirty')).count(), 0, 'the tab is clean after the reload');

  // Send: the core checks them; the response pane says 3 of 4 passed and why one failed.
  await page.locator(tid('send-button')).click();
  const summary = page.locator(tid('assertion-summary'));
  await summary.waitFor({ timeout: 15_000 });
  assert.equal(await summary.textContent(), 'Assertions 3/4 passed');
  assert.deepEqual(await page.locator(tid('assertion-failure')).allTextContents(), ['✗ $.bodyBytes equals 5: expected 5, got 0']);
  await shot(page, '02-checked');

  // Fixed, sent again: all pass.
  await page.locator(tid('assertion-value')).last().fill('0');
  await page.locator(tid('send-button')).click();
  await until('all passed', async () => ((await summary.textContent()) === 'Assertions 4/4 passed' ? true : undefined));
  assert.equal(await page.locator(tid('assertion-failure')).count(), 0);
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('closing a tab with unsaved work asks: Cancel and Escape keep it, Don\'t save closes it, Save writes the file', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const dir = await openCollections(page);
  const dialog = page.locator(tid('close-tab-dialog'));

  // A clean new tab closes at once.
  await page.locator(tid('new-tab')).click();
  assert.equal(await tabCount(page), 2);
  await page.locator('.tab-active .tab-close').click();
  assert.equal(await tabCount(page), 1);
  assert.equal(await dialog.count(), 0);

  // A saved request, then edited: its × asks; Escape and Cancel keep the tab and its edit.
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?v=1`);
  await page.keyboard.press('Control+s');
  await fillSaveAs(page, 'Versioned');
  await savedFile(dir, 'Versioned');
  await page.locator(tid('new-tab')).click();
  await page.locator('.tabbar .tab-label').first().click();
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?v=2`);
  await page.locator(tid('tab-dirty')).waitFor({ timeout: 5_000 });
  await page.locator('.tab-active .tab-close').click();
  await dialog.waitFor({ timeout: 5_000 });
  assert.match((await page.locator(tid('close-tab-text')).textContent())!, /^Save changes to Versioned\?/);
  await shot(page, '03-close-dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  assert.equal(await tabCount(page), 2);
  await page.locator('.tab-active .tab-close').click();
  await page.locator(tid('close-tab-cancel')).click();
  assert.equal(await tabCount(page), 2);
  assert.equal(await page.locator(tid('url-input')).inputValue(), `${stack.target.url}/echo?v=2`);

  // Ctrl+W, then Enter: Save writes the file and the tab closes.
  await page.keyboard.press('Control+w');
  await dialog.waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
  await savedFile(dir, 'Versioned', (d) => d.request?.url === `${stack.target.url}/echo?v=2`);
  await until('the tab closed', async () => ((await tabCount(page)) === 1 ? true : undefined));

  // A tab never saved: Don't save closes it, its draft goes.
  await page.locator(tid('new-tab')).click();
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?draft=1`);
  await page.keyboard.press('Control+w');
  await dialog.waitFor({ timeout: 5_000 });
  assert.match((await page.locator(tid('close-tab-text')).textContent())!, /It was never saved/);
  await page.locator(tid('close-tab-discard')).click();
  await until('the tab closed', async () => ((await tabCount(page)) === 1 ? true : undefined));

  // Never saved, closed from the open-tabs list: Save opens Save As, and saving closes it.
  await page.locator(tid('new-tab')).click();
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?fresh=1`);
  await page.locator(tid('tab-list-button')).click();
  await shot(page, '04-tab-list');
  await page.locator(tid('tab-list-close')).last().click();
  await dialog.waitFor({ timeout: 5_000 });
  await page.locator(tid('close-tab-save')).click();
  await fillSaveAs(page, 'Fresh one');
  await savedFile(dir, 'Fresh one', (d) => d.request?.url === `${stack.target.url}/echo?fresh=1`);
  await until('the tab closed', async () => ((await tabCount(page)) === 1 ? true : undefined));
  await shot(page, '05-after-closes');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});
