// The UI end to end in a real browser: Debian's Chromium (playwright-core) on browser mode
// started in-process (real core, curl engine, temp data dir, the built renderer from
// dist/renderer) against a loopback test server. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, type PageLog, tid, sendGet } from './support.js';

const T = { timeout: 60_000 };
const row = (status: string): string => `${tid('event-list')} ${tid('event-row')}[data-status="${status}"]`;

const stack = stackForFile();

const open = (): Promise<{ page: Page; log: PageLog }> => openApp(stack);

async function historyEntry(url: string) {
  const { entries } = await stack.core.call('listHistory', { limit: 100, offset: 0 });
  return entries.find((e) => e.url === url);
}

test('the page loads under its CSP: no violation, no page error, connected', T, async () => {
  const { page, log } = await open();
  await screenshot(page, 'e2e-01-empty');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
  assert.deepEqual(log.errors(), [], log.dump());
  // The listener does see a violation: an inline script, refused by script-src 'self'.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await until('the injected violation to be reported', () => (log.cspViolations().length > 0 ? true : undefined), 5_000);
  assert.equal(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan), undefined);
});

test('a GET composed in the UI: the native status rows, finished, status 200, the waterfall', T, async () => {
  const { page, log } = await open();
  const url = `${stack.target.url}/bytes/2000`;
  await sendGet(page, url);
  for (const status of ['RESOLVING_NAME', 'CONNECTING_TO_SERVER', 'REQUEST_SENT', 'RESPONSE_RECEIVED', 'REQUEST_COMPLETE', 'finished']) {
    await page.locator(row(status)).first().waitFor({ state: 'attached', timeout: 15_000 });
  }
  await until('response-status to show 200', async () => {
    const text = (await page.locator(tid('response-status')).textContent({ timeout: 5_000 })) ?? '';
    return /\b200\b/.test(text) ? text : undefined;
  });
  await page.locator(tid('response-body')).waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator(tid('waterfall')).waitFor({ state: 'visible', timeout: 10_000 });
  // The rows come in the order the stack reported them.
  const statuses = await page.locator(`${tid('event-list')} ${tid('event-row')}`).evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-status') ?? ''),
  );
  const order = ['RESOLVING_NAME', 'CONNECTING_TO_SERVER', 'REQUEST_SENT', 'RESPONSE_RECEIVED', 'REQUEST_COMPLETE', 'finished'].map((s) =>
    statuses.indexOf(s),
  );
  assert.deepEqual([...order].sort((a, b) => a - b), order, statuses.join(' '));
  const entry = await until('the history entry', () => historyEntry(url));
  assert.equal(entry.engine, 'curl');
  assert.equal(entry.statusCode, 200);
  assert.equal(entry.bodyBytes, 2000);
  await screenshot(page, 'e2e-02-get-200');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('cancel mid-download: a finished row with CANCELLED', T, async () => {
  const { page, log } = await open();
  const url = `${stack.target.url}/slow/50000000?chunk=16384&interval=20`;
  await sendGet(page, url);
  await page.locator(row('body')).first().waitFor({ state: 'attached', timeout: 15_000 });
  const cancel = page.locator(tid('cancel-button'));
  await cancel.click({ timeout: 5_000 });
  const finished = page.locator(row('finished')).first();
  await finished.waitFor({ state: 'attached', timeout: 15_000 });
  await until('the finished row to name CANCELLED', async () => {
    const text = (await finished.textContent({ timeout: 5_000 })) ?? '';
    return text.includes('CANCELLED') ? text : undefined;
  });
  const entry = await until('the history entry', () => historyEntry(url));
  assert.equal(entry.ok, false);
  assert.ok((entry.bodyBytes ?? 0) < 50_000_000, `bodyBytes ${entry.bodyBytes}`);
  await screenshot(page, 'e2e-03-cancelled');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('save writes the body into the downloads folder', T, async () => {
  const { page, log } = await open();
  const url = `${stack.target.url}/bytes/1500`;
  await sendGet(page, url);
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.locator(tid('save-button')).click({ timeout: 5_000 });
  const dir = path.join(stack.tmp, 'downloads');
  const file = await until('a saved file', () => {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    const found = names.map((n) => path.join(dir, n)).find((f) => fs.statSync(f).size === 1500);
    return found;
  });
  assert.equal(fs.statSync(file).size, 1500);
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
