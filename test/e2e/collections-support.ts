// What the e2e suites of saved requests share: the Collections view shown on the default
// workspace, and the Save As dialog filled in.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { tid, until } from './support.js';

/** Shows the Collections view on the default workspace; returns its folder. */
export async function openCollections(page: Page): Promise<string> {
  if ((await page.locator(tid('collections')).count()) === 0) await page.locator(tid('collections-toggle')).click();
  await page.locator(tid('collections')).waitFor({ state: 'visible', timeout: 5_000 });
  const name = page.locator(tid('workspace-name'));
  await until('the default workspace', async () => ((await name.textContent())?.includes('My workspace') ? true : undefined));
  const location = await name.getAttribute('title');
  assert.ok(location && fs.statSync(location).isDirectory(), `the workspace's location ${location} is a folder`);
  return location;
}

/** The open (or opening) Save As dialog: `name` in `folderLabel` (default: as it offers), Enter, gone. */
export async function fillSaveAs(page: Page, name: string, folderLabel?: string): Promise<void> {
  const dialog = page.locator(tid('save-as-dialog'));
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  if (folderLabel !== undefined) await page.locator(tid('save-as-folder')).selectOption({ label: folderLabel });
  await page.locator(tid('save-as-name')).fill(name);
  await page.locator(tid('save-as-name')).press('Enter');
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
}
