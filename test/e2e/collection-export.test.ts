// Collection exports end to end in Chromium (browser mode, real core, the stack's default
// workspace): a folder's row menu exports it as a Postman collection and as HAR (resolved
// with an environment chosen in the dialog, the request sent before with its response), the
// workspace menu exports an environment for Postman; each file lands in browser mode's
// downloads folder (the page never names a path), secrets left out; what Postman cannot hold
// is listed in the dialog. Screenshots of the menus and the dialogs. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { recorder } from '../support/core.js';
import { assertValidHar } from '../support/har-schema.js';
import { openApp, screenshot, stackForFile, tid, until } from './support.js';

const T = { timeout: 120_000 };
const stack = stackForFile();

const row = (page: Page, name: string) => page.locator(tid('tree-row')).filter({ has: page.locator(tid('tree-name'), { hasText: new RegExp(`^${name}$`) }) });
const download = (name: string) => until(`${name} in the downloads folder`, () => (fs.existsSync(path.join(stack.tmp, 'downloads', name)) ? JSON.parse(fs.readFileSync(path.join(stack.tmp, 'downloads', name), 'utf8')) : undefined));

/** A folder Shop with two requests, its variable, an environment with a secret; Echo sent once through the core. */
async function seed(): Promise<void> {
  const core = stack.core;
  const id = (await core.call('listWorkspaces', {})).open[0]!.id;
  const { path: folder } = await core.call('createFolder', { id, parent: '', name: 'Shop' });
  await core.call('saveVariables', { id, folder, variables: [{ name: 'item', value: 'apple', secret: false, enabled: true }] });
  await core.call('saveVariables', { id, variables: [], environments: [{ name: 'dev', variables: [{ name: 'base', value: stack.target.url, secret: false, enabled: true }, { name: 'key', value: 'dev-SECRET', secret: true, enabled: true }] }] });
  const echo = { url: '{{base}}/echo?item={{item}}', method: 'POST', headers: [{ name: 'X-Key', value: '{{key}}', enabled: true }, { name: 'Content-Type', value: 'application/json', enabled: true }], body: { kind: 'text' as const, text: '{"item":"{{item}}"}' } };
  const saved = await core.call('saveRequest', { id, folder, saved: { name: 'Echo', request: echo } });
  await core.call('saveRequest', { id, folder, saved: { name: 'List', request: { url: '{{base}}/status/200', method: 'GET' }, assertions: [{ kind: 'status', equals: 200 }] } });
  const reqId = randomUUID();
  const done = recorder(core).finished(reqId, 30_000);
  await core.call('sendRequest', { id: reqId, request: { ...echo, engine: 'curl' }, context: { workspaceId: id, requestPath: saved.path, environment: 'dev', overrides: [] } });
  await done;
}

async function exportFolder(page: Page, item: string, shot: string): Promise<void> {
  await row(page, 'Shop').hover();
  await row(page, 'Shop').locator(tid('tree-more')).click();
  await page.locator(tid(item)).waitFor({ timeout: 5_000 });
  if (shot === 'export-har-dialog') await screenshot(page, 'export-folder-menu');
  await page.locator(tid(item)).click();
  await page.locator(tid('collection-export-dialog')).waitFor({ timeout: 5_000 });
}

test('Export a folder as Postman and as HAR, and an environment for Postman, from the menus', T, async () => {
  await seed();
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  if ((await page.locator(tid('collections')).count()) === 0) await page.locator(tid('collections-toggle')).click();
  await row(page, 'Shop').waitFor({ timeout: 15_000 });

  await exportFolder(page, 'menu-export-as-postman-collection', 'export-postman-dialog');
  assert.match((await page.locator(tid('export-what')).textContent()) ?? '', /Exports the folder Shop \(2 requests\)/);
  await screenshot(page, 'export-postman-dialog');
  await page.locator(tid('export-run')).click();
  // What Postman cannot hold is listed before the dialog closes.
  const note = page.locator(`${tid('export-note')}[data-path="Shop/List.yaml"]`);
  await note.waitFor({ timeout: 10_000 });
  assert.match((await note.textContent()) ?? '', /assertions not exported/);
  await screenshot(page, 'export-postman-notes');
  await page.locator(tid('export-close')).click();
  await page.locator(tid('collection-export-dialog')).waitFor({ state: 'detached', timeout: 10_000 });
  const collection = await download('Shop.postman_collection.json');
  assert.equal(collection.info.schema, 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
  assert.deepEqual(collection.item.map((i: { name: string }) => i.name), ['Echo', 'List']);
  assert.deepEqual(collection.variable, [{ key: 'item', value: 'apple', type: 'default' }]);
  assert.match((await page.locator(tid('collections-report')).textContent()) ?? '', /Exported 2 requests .* to .*Shop\.postman_collection\.json/);

  await exportFolder(page, 'menu-export-as-har', 'export-har-dialog');
  await page.locator(tid('export-environment')).selectOption('dev');
  await screenshot(page, 'export-har-dialog');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'export-har-dialog-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator(tid('export-run')).click();
  await page.locator(tid('collection-export-dialog')).waitFor({ state: 'detached', timeout: 10_000 });
  const har = await download('Shop.har');
  assertValidHar(har);
  const [echo, list] = har.log.entries;
  assert.equal(echo.request.url, `${stack.target.url}/echo?item=apple`);
  assert.deepEqual(echo.request.headers[0], { name: 'X-Key', value: '{{key}}' });
  assert.equal(echo.response.status, 200, 'the response of the send before');
  assert.doesNotMatch(JSON.stringify(har), /dev-SECRET/);
  assert.equal(list.response.status, 0);
  assert.equal(list.request.url, `${stack.target.url}/status/200`);

  await page.locator(tid('workspace-name')).click();
  await screenshot(page, 'export-workspace-menu');
  await page.locator(tid('workspace-export-environment')).click();
  await page.locator(tid('collection-export-dialog')).waitFor({ timeout: 5_000 });
  await screenshot(page, 'export-environment-dialog');
  await page.locator(tid('export-run')).click();
  const env = await download('dev.postman_environment.json');
  assert.deepEqual(env.values, [
    { key: 'base', value: stack.target.url, type: 'default', enabled: true },
    { key: 'key', value: '', type: 'secret', enabled: true },
  ]);
  assert.deepEqual(log.pageErrors, [], log.dump());
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), [], log.dump());
});
