// Request tabs by keyboard and by name, end to end in Chromium (browser mode, real core):
// Ctrl+T, Ctrl+Tab / Ctrl+Shift+Tab, Ctrl+W; titles from the method and path, so tabs on
// one host differ; renaming a tab (double-click, F2), kept across a reload; the list of
// open tabs; in the body editor Tab indents and Escape then Tab leaves. Needs `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, tid } from './support.js';

const T = { timeout: 60_000 };
const stack = stackForFile();

const titles = (page: Page): Promise<string[]> => page.locator('.tabbar .tab-label').allTextContents();
const activeTitle = (page: Page): Promise<string | null> => page.locator('.tabbar .tab-active .tab-label').textContent();

test('Ctrl+T, Ctrl+Tab, Ctrl+Shift+Tab and Ctrl+W; titles by method and path; rename kept across a reload', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.locator(tid('url-input')).fill(`${stack.target.url}/users/1`);
  await page.locator(tid('url-input')).press('Control+t');
  await page.locator(tid('url-input')).fill(`${stack.target.url}/users/2?full=1`);
  await page.keyboard.press('Control+t');
  assert.equal(await page.locator('.tabbar .tab').count(), 3);
  assert.equal(await activeTitle(page), 'New request');
  assert.deepEqual(await titles(page), ['GET /users/1', 'GET /users/2?full=1', 'New request']);
  await page.keyboard.press('Control+Tab');
  assert.equal(await activeTitle(page), 'GET /users/1', 'Ctrl+Tab wraps to the first tab');
  await page.keyboard.press('Control+Shift+Tab');
  assert.equal(await activeTitle(page), 'New request');
  await page.keyboard.press('Control+w');
  assert.equal(await page.locator('.tabbar .tab').count(), 2, 'Ctrl+W closed the blank tab');
  // Rename by double-click: Enter keeps it; Escape leaves it; F2 on the focused tab.
  await page.locator('.tabbar .tab-label').first().dblclick();
  await page.locator(tid('tab-rename')).fill('User one');
  await page.locator(tid('tab-rename')).press('Enter');
  assert.equal((await titles(page))[0], 'User one');
  await page.locator('.tabbar .tab-label').nth(1).focus();
  await page.keyboard.press('F2');
  await page.locator(tid('tab-rename')).fill('not kept');
  await page.locator(tid('tab-rename')).press('Escape');
  assert.deepEqual(await titles(page), ['User one', 'GET /users/2?full=1']);
  // The list of open tabs names them the same way.
  await page.locator(tid('tab-list-button')).click();
  assert.deepEqual(await page.locator(`${tid('tab-list-menu')} [role="menuitem"]`).allTextContents(), ['User one', 'GET /users/2?full=1']);
  await screenshot(page, 'tab-keys-list');
  await page.keyboard.press('Escape');
  // The name is the tab session's: kept across a reload.
  const session = path.join(stack.tmp, 'data', 'session.json');
  await until('the session saved', () => (fs.existsSync(session) && fs.readFileSync(session, 'utf8').includes('"title":"User one"') ? true : undefined));
  await page.reload();
  await page.locator(tid('send-button')).waitFor();
  await until('the renamed tab back', async () => ((await titles(page))[0] === 'User one' ? true : undefined));
  // A blank name goes back to the method and path.
  await page.locator('.tabbar .tab-label').first().dblclick();
  await page.locator(tid('tab-rename')).fill('');
  await page.locator(tid('tab-rename')).press('Enter');
  assert.equal((await titles(page))[0], 'GET /users/1');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('the body editor: Tab indents, Escape then Tab moves the focus on', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('method-select')).selectOption('POST');
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('raw-type-select')).selectOption('json');
  const editor = page.locator(tid('body-input'));
  await editor.waitFor({ state: 'visible' });
  await editor.click();
  await page.keyboard.type('{');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('"a": 1');
  assert.match((await editor.textContent()) ?? '', /\{\s+"a": 1/);
  const inEditor = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.classList.contains('cm-content') ?? false);
  assert.equal(await inEditor(), true, 'Tab indented, the focus stayed');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal(await inEditor(), false, 'Escape then Tab left the editor');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});
