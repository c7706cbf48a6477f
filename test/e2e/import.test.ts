// Imports end to end in Chromium (browser mode, real core, the stack's default workspace):
// the workspace menu's "Import Postman collection…" takes a real file through the page's file
// chooser, the tree shows the new folder and its requests, and a dialog lists what was not
// carried over per item; an OpenAPI document in YAML goes the same way; "Import Postman
// environment…" adds an environment to the selector.
// Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, ROOT, screenshot, stackForFile, tid, until } from './support.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'postman');

async function importVia(page: Page, item: string, file: string, shot?: string): Promise<void> {
  await page.locator(tid('workspace-name')).click();
  if (shot) await screenshot(page, shot);
  const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
  await page.locator(tid(item)).click();
  await (await chooser).setFiles(path.join(FIXTURES, file));
}

test('Import a Postman collection and an environment from the workspace menu', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  if ((await page.locator(tid('collections')).count()) === 0) await page.locator(tid('collections-toggle')).click();
  await until('the default workspace', async () => ((await page.locator(tid('workspace-name')).textContent())?.includes('My workspace') ? true : undefined));

  await importVia(page, 'workspace-import-collection', 'handwritten-v2.1-features.postman_collection.json', 'import-menu');
  const dialog = page.locator(tid('import-result'));
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match((await page.locator(tid('import-summary')).textContent()) ?? '', /12 requests imported into the folder Features v2\.1\. \d+ things were not carried over as is:/);
  const formData = page.locator(`${tid('import-note')}[data-path="Features v2.1/Bodies/Form data.yaml"]`);
  assert.match((await formData.textContent()) ?? '', /form-data file part "upload" not carried over: choose its file in the composer/);
  // Digest is carried over (the engine negotiates it): no note for it.
  assert.equal(await page.locator(`${tid('import-note')}[data-path="Features v2.1/Auth/Digest.yaml"]`).count(), 0);
  await screenshot(page, 'import-collection-notes');
  await page.locator(tid('import-result-close')).click();
  await dialog.waitFor({ state: 'detached', timeout: 5_000 });

  const names = async () => page.locator(tid('tree-name')).allTextContents();
  await until('the imported tree', async () => ((await names()).includes('Raw JSON') ? true : undefined));
  const shown = await names();
  for (const n of ['Features v2.1', 'Bodies', 'Auth', 'GraphQL', 'API key in the query', "Inherits the collection's bearer 2"]) assert.ok(shown.includes(n), `${n} in ${shown.join(', ')}`);
  assert.match((await page.locator(tid('collections-report')).textContent()) ?? '', /12 requests imported/);
  await screenshot(page, 'import-collection-tree');

  await importVia(page, 'workspace-import-environment', 'handwritten-secrets.postman_environment.json');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match((await page.locator(tid('import-summary')).textContent()) ?? '', /the environment Staging with 3 variables imported/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  await until('Staging in the environment selector', async () => ((await page.locator(`${tid('environment-select')} option`).allTextContents()).includes('Staging') ? true : undefined));

  // An OpenAPI document in YAML through the same item.
  await page.locator(tid('workspace-name')).click();
  const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
  await page.locator(tid('workspace-import-collection')).click();
  await (await chooser).setFiles(path.join(ROOT, 'test', 'fixtures', 'openapi', 'oai-petstore-expanded.yaml'));
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match((await page.locator(tid('import-summary')).textContent()) ?? '', /4 requests imported into the folder Swagger Petstore/);
  await page.locator(tid('import-result-close')).click();
  await until('the operations in the tree', async () => ((await names()).includes('addPet') ? true : undefined));

  // A file of the other kind is refused with what it is.
  await importVia(page, 'workspace-import-collection', 'handwritten-secrets.postman_environment.json');
  await until('the refusal', async () => ((await page.locator(tid('collections-report')).textContent())?.includes('the file is a Postman environment, not a Postman collection, an Insomnia export or an OpenAPI document') ? true : undefined));
  assert.deepEqual(log.pageErrors, [], log.dump());
  assert.deepEqual(log.errors(), [], log.dump());
});
