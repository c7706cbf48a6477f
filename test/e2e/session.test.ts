// Tabs that survive, end to end in Chromium (browser mode, real core, curl engine): tabs
// with different drafts (one sent, one with a form body, one unsent, one with a file body,
// one still waiting for its response at the reload: it comes back with no response)
// come back after a reload of the page and after a restart of browser mode on the same
// data dir, with the active tab and the sent one's response (from the history); the file is
// a name to choose again. A malformed session file is set aside and said so. Needs
// `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, tid } from './support.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
const sessionFile = () => path.join(stack.tmp, 'data', 'session.json');
const TABS = '.tabbar .tab';

interface StoredTab {
  key: string;
  requestId?: string;
  draft: { url: string; method: string; bodyDraft: { mode: string; form: Array<{ name: string; value: string }>; binary?: Record<string, unknown> } };
}

/** The session file once it holds what `ok` wants (saves are debounced). */
async function storedSession(ok: (s: { tabs: StoredTab[]; activeTab: string }) => boolean): Promise<{ tabs: StoredTab[]; activeTab: string }> {
  return until('the session file to hold the tabs', () => {
    try {
      const s = JSON.parse(fs.readFileSync(sessionFile(), 'utf8')) as { tabs: StoredTab[]; activeTab: string };
      return ok(s) ? s : undefined;
    } catch {
      return undefined;
    }
  });
}

async function showTab(page: Page, n: number): Promise<void> {
  await page.locator(`${TABS} .tab-label`).nth(n).click();
}

test('a malformed session file is set aside unchanged: one blank tab and a notice', T, async () => {
  const bytes = '{"tabs": [{"key": "tab-1", "draft": ';
  fs.mkdirSync(path.dirname(sessionFile()), { recursive: true });
  fs.writeFileSync(sessionFile(), bytes);
  const { page, log } = await openApp(stack, { keepTabs: true });
  const notice = page.locator(tid('session-notice'));
  await notice.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match((await notice.textContent()) ?? '', /saved tabs could not be restored \(the file is not valid JSON\); it was kept as session\.json\.bad-/);
  assert.equal(await page.locator(TABS).count(), 1);
  const bad = fs.readdirSync(path.dirname(sessionFile())).filter((n) => n.startsWith('session.json.bad-'));
  assert.equal(bad.length, 1);
  assert.equal(fs.readFileSync(path.join(path.dirname(sessionFile()), bad[0]!), 'utf8'), bytes);
  await page.locator(tid('session-notice-dismiss')).click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

/** The four tabs as they must come back; `n` counts page loads, for the screenshot names. */
async function expectTabs(page: Page, urls: Record<'sent' | 'form' | 'unsent' | 'file' | 'stalled', string>, n: string): Promise<void> {
  await until('the restored tabs', async () => ((await page.locator(TABS).count()) === 5 ? true : undefined));
  // The active tab is the form one, with its method and rows.
  assert.equal(await page.locator(tid('url-input')).inputValue(), urls.form);
  assert.equal(await page.locator(tid('method-select')).inputValue(), 'POST');
  await page.locator(tid('composer-tab-body')).click();
  assert.equal(await page.locator(tid('body-mode-select')).inputValue(), 'form');
  assert.equal(await page.locator(`${tid('form-table')} input[aria-label="Field name"]`).first().inputValue(), 'greeting');
  assert.equal(await page.locator(`${tid('form-table')} input[aria-label="Field value"]`).first().inputValue(), 'hello there');
  // The sent one shows its response again (from the history).
  await showTab(page, 0);
  assert.equal(await page.locator(tid('url-input')).inputValue(), urls.sent);
  await page.locator(tid('response-status')).filter({ hasText: /^200/ }).waitFor({ timeout: 15_000 });
  await screenshot(page, `e2e-session-${n}-sent`);
  await showTab(page, 2);
  assert.equal(await page.locator(tid('url-input')).inputValue(), urls.unsent);
  assert.equal(await page.locator(tid('response-status')).count(), 0);
  // The file is known by name only: it must be chosen again.
  await showTab(page, 3);
  await page.locator(tid('composer-tab-body')).click();
  assert.match((await page.locator(tid('binary-file-input-unchosen')).textContent()) ?? '', /^upload\.bin: choose this file again$/);
  assert.match((await page.locator(tid('session-notice')).textContent()) ?? '', /Tab 4: choose the binary body \(upload\.bin\) again\./);
  await screenshot(page, `e2e-session-${n}-file`);
  // In flight at the reload: its draft, no response, no error, ready to send again.
  await showTab(page, 4);
  assert.equal(await page.locator(tid('url-input')).inputValue(), urls.stalled);
  await until('the stalled tab without its exchange', async () => ((await page.locator('.exchange').count()) === 0 ? true : undefined));
  assert.equal(await page.locator(tid('request-error')).count(), 0);
  await page.locator(tid('send-button')).waitFor({ state: 'visible', timeout: 5_000 });
  await showTab(page, 1);
}

test('five tabs survive a reload and a restart: drafts, the active tab, the sent one with its response', T, async () => {
  const { page, log } = await openApp(stack);
  const base = stack.target.url;
  const urls = { sent: `${base}/echo?one=1`, form: `${base}/echo?form=2`, unsent: `${base}/not-sent?three=3`, file: `${base}/echo?file=4`, stalled: `${base}/stall` };
  await page.locator(tid('url-input')).fill(urls.sent);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('response-status')).filter({ hasText: /^200/ }).waitFor({ timeout: 30_000 });

  await page.locator(tid('new-tab')).click();
  await page.locator(tid('method-select')).selectOption('POST');
  await page.locator(tid('url-input')).fill(urls.form);
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('body-mode-select')).selectOption('form');
  await page.locator(tid('form-table-add')).click();
  await page.locator(`${tid('form-table')} input[aria-label="Field name"]`).fill('greeting');
  await page.locator(`${tid('form-table')} input[aria-label="Field value"]`).fill('hello there');

  await page.locator(tid('new-tab')).click();
  await page.locator(tid('url-input')).fill(urls.unsent);

  await page.locator(tid('new-tab')).click();
  await page.locator(tid('method-select')).selectOption('PUT');
  await page.locator(tid('url-input')).fill(urls.file);
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('body-mode-select')).selectOption('binary');
  await page.locator(tid('binary-file-input')).setInputFiles({ name: 'upload.bin', mimeType: 'application/octet-stream', buffer: Buffer.from('0123456789') });

  await page.locator(tid('new-tab')).click();
  await page.locator(tid('url-input')).fill(urls.stalled);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('cancel-button')).waitFor({ state: 'visible', timeout: 10_000 });
  await showTab(page, 1);

  const stored = await storedSession((s) => s.tabs.length === 5 && s.tabs[4]?.requestId !== undefined && s.activeTab === s.tabs[1]?.key && s.tabs[1]?.draft.bodyDraft.form[0]?.value === 'hello there');
  assert.ok(stored.tabs[0]?.requestId, 'the sent tab keeps its request');
  assert.equal(stored.tabs[2]?.requestId, undefined);
  assert.deepEqual(stored.tabs[3]?.draft.bodyDraft.binary, { name: 'upload.bin', size: 10 }, 'a page-held file is kept by name only');

  await page.reload({ waitUntil: 'load' });
  await expectTabs(page, urls, '01-reload');
  await screenshot(page, 'e2e-session-01-reload');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();

  await stack.restart();
  const again = await openApp(stack, { keepTabs: true });
  await expectTabs(again.page, urls, '02-restart');
  await screenshot(again.page, 'e2e-session-02-restart');
  assert.deepEqual(again.log.pageErrors, [], again.log.dump());
  await again.page.close();
});
