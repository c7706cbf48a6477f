// Postman scripts end to end in Chromium (browser mode, real core, the default workspace in
// the stack's data dir): a saved request with a pre-request and a test script, written by the
// test, opened from the tree. Its first send asks whether to trust the workspace; "Trust and
// run" sends it with what the pre-request script set, and the response pane's Tests section
// shows the passed and failed pm.test names, the error and the console output. The next send
// does not ask again. Untrusted again, "Send without scripts" sends the request as it is and
// is not asked again in the session. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { stringify } from 'yaml';
import { openApp, screenshot, stackForFile, tid, until } from './support.js';

const T = { timeout: 60_000 };
const stack = stackForFile();

const row = (page: Page, name: string) => page.locator(tid('tree-row')).filter({ has: page.locator(tid('tree-name'), { hasText: new RegExp(`^${name}$`) }) });

test('the first send asks to trust the workspace once; the Tests section shows the results', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  if ((await page.locator(tid('collections')).count()) === 0) await page.locator(tid('collections-toggle')).click();
  const location = await until('the workspace location', async () => (await page.locator(tid('workspace-name')).getAttribute('title')) ?? undefined);
  fs.writeFileSync(
    path.join(location, 'Scripted.yaml'),
    stringify({
      name: 'Scripted',
      request: { url: `${stack.target.url}/echo`, method: 'GET', headers: [{ name: 'X-Tag', value: '{{tag}}' }] },
      scripts: {
        prerequest: 'pm.variables.set("tag", "from-pre-request");',
        test: [
          'const echo = pm.response.json();',
          'pm.test("the tag arrived", () => pm.expect(echo.headers["x-tag"]).to.eql("from-pre-request"));',
          'pm.test("fails on purpose", () => pm.expect(pm.response.code).to.eql(404));',
          'console.log("echoed", echo.url);',
        ].join('\n'),
      },
    }),
  );
  await row(page, 'Scripted').click({ timeout: 10_000 });
  await until('Scripted in a tab', async () => ((await page.locator('.tabbar .tab-active .tab-label').textContent()) === 'Scripted' ? true : undefined));

  await page.locator(tid('send-button')).click();
  const dialog = page.locator(tid('script-trust-dialog'));
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match((await page.locator(tid('script-trust-text')).textContent()) ?? '', /has scripts/);
  await screenshot(page, 'scripts-trust-dialog');
  await page.locator(tid('script-trust-run')).click();
  await dialog.waitFor({ state: 'detached', timeout: 5_000 });

  const tests = page.locator(tid('script-tests'));
  await tests.waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal(await page.locator(tid('script-tests-summary')).textContent(), '1 passed, 1 failed');
  const items = page.locator(tid('script-test'));
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-status')} ${e.textContent}`)), ['passed ✓the tag arrived', 'failed ✗fails on purposeexpected 200 to deeply equal 404']);
  assert.equal(await page.locator(tid('script-console')).textContent(), 'echoed /echo');
  await screenshot(page, 'scripts-tests-section');
  assert.ok(fs.readFileSync(path.join(stack.tmp, 'data', 'trusted-workspaces.json'), 'utf8').length > 0, 'the trust is in the data dir');

  // Asked once: the next send runs the scripts without a dialog.
  const before = await page.locator(tid('response-time')).textContent();
  await page.locator(tid('send-button')).click();
  await until('a second response', async () => ((await page.locator(tid('response-time')).textContent()) !== before ? true : undefined), 20_000);
  await tests.waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('"Send without scripts" sends it as it is and is not asked again this session', T, async () => {
  // The workspace trusted by the test before is untrusted again, as setWorkspaceTrust allows.
  const info = (await stack.core.call('listWorkspaces', {})).open[0]!;
  await stack.core.call('setWorkspaceTrust', { id: info.id, trusted: false });
  fs.writeFileSync(path.join(info.location, 'Checked.yaml'), stringify({ name: 'Checked', request: { url: `${stack.target.url}/echo?checked=1` }, scripts: { test: 'pm.test("never runs", () => {});' } }));
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  if ((await page.locator(tid('collections')).count()) === 0) await page.locator(tid('collections-toggle')).click();
  await row(page, 'Checked').click({ timeout: 10_000 });
  await until('Checked in a tab', async () => ((await page.locator('.tabbar .tab-active .tab-label').textContent()) === 'Checked' ? true : undefined));
  await page.locator(tid('send-button')).click();
  const dialog = page.locator(tid('script-trust-dialog'));
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator(tid('script-trust-without')).click();
  await page.locator(tid('script-tests')).waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal(await page.locator(tid('response-status')).textContent(), '200 OK');
  assert.match((await page.locator(tid('script-tests')).textContent()) ?? '', /Scripts not run: sent without scripts/);
  assert.equal(await page.locator(tid('script-test')).count(), 0);
  assert.deepEqual(await stack.core.call('workspaceTrust', { id: info.id }), { trusted: false, hasScripts: false });

  const before = await page.locator(tid('response-time')).textContent();
  await page.locator(tid('send-button')).click();
  await until('a second response', async () => ((await page.locator(tid('response-time')).textContent()) !== before ? true : undefined), 20_000);
  assert.equal(await dialog.count(), 0, 'asked once');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});
