// History, HAR and settings end to end in Debian's Chromium on browser mode (real core,
// curl engine, loopback target): exchanges listed newest first, searched, re-opened in the
// same panes and re-sent; a redirect chain in sections per hop; HAR export into the
// downloads folder and HAR import (entries shown and re-sent); settings checked and kept
// across a reload; an evicted body said so. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { writeBulkHar, writeDevtoolsHar } from './har-files.js';
import { stackForFile, screenshot, until, tid, openWithHistory, sendGet, showOptions } from './support.js';

const T = { timeout: 120_000 };
const row = (status: string): string => `${tid('event-list')} ${tid('event-row')}[data-status="${status}"]`;
const ROWS = `${tid('history')} ${tid('history-row')}`;

const stack = stackForFile();

/** Sends and waits until the request is over (Send shows again). */
async function send(page: Page, url: string): Promise<void> {
  await sendGet(page, url);
  await page.locator(tid('send-button')).waitFor({ state: 'visible', timeout: 30_000 });
}

const historyUrls = (page: Page): Promise<string[]> => page.locator(`${ROWS} ${tid('history-url')}`).allTextContents();

/** Waits until the sidebar lists exactly `want` (newest first). */
async function expectUrls(page: Page, want: string[]): Promise<void> {
  let seen: string[] = [];
  await until(`the history to list ${JSON.stringify(want)}`, async () => {
    seen = await historyUrls(page);
    return JSON.stringify(seen) === JSON.stringify(want) ? true : undefined;
  }).catch((e: Error) => {
    throw new Error(`${e.message}; it lists ${JSON.stringify(seen)}`);
  });
}

async function search(page: Page, text: string): Promise<void> {
  await page.locator(tid('history-search')).fill(text, { timeout: 5_000 });
}

/** Waits for the response body, shown in the raw viewer, to match. */
async function expectBody(page: Page, re: RegExp): Promise<void> {
  await page.locator(tid('viewer-raw')).click({ timeout: 10_000 });
  await until(`the body to match ${re}`, async () => (re.test((await page.locator(`${tid('raw-rows')} .vrow`).allTextContents()).join('\n')) ? true : undefined));
}

const rowFor = (page: Page, url: string, nth = 0) => page.locator(ROWS).filter({ has: page.locator(tid('history-url'), { hasText: new RegExp(`^${url.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}$`) }) }).nth(nth);

test('two requests are listed newest first, found by search, re-opened with their response and timeline, re-sent', T, async () => {
  const { page, log } = await openWithHistory(stack);
  const first = `${stack.target.url}/echo?first=1`;
  const second = `${stack.target.url}/echo?second=2`;
  await send(page, first);
  await send(page, second);
  await expectUrls(page, [second, first]);
  assert.equal(await rowFor(page, first).locator(tid('history-status')).textContent(), '200');

  await search(page, 'first=');
  await expectUrls(page, [first]);
  await screenshot(page, 'e2e-history-01-search');

  // Re-open: a tab of its own showing the stored exchange as a live one.
  const tabsBefore = await page.locator('.tabbar .tab').count();
  await rowFor(page, first).locator(tid('history-open')).click({ timeout: 5_000 });
  await until('the re-opened tab', async () => ((await page.locator('.tabbar .tab').count()) === tabsBefore + 1 ? true : undefined));
  assert.equal(await page.locator(tid('url-input')).inputValue(), first);
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 10_000 });
  assert.match((await page.locator(tid('response-status')).textContent()) ?? '', /^200/);
  for (const s of ['started', 'REQUEST_SENT', 'headers', 'finished']) assert.ok((await page.locator(row(s)).count()) > 0, `no ${s} row`);
  assert.equal(await page.locator(`${tid('waterfall')} ${tid('wf-hop')}`).count(), 1);
  await expectBody(page, /first=1/);

  // Re-send (button, then shortcut): new history entries of the same request.
  await rowFor(page, first).locator(tid('history-resend')).click({ timeout: 5_000 });
  await expectUrls(page, [first, first]);
  await page.keyboard.press('Control+Shift+Enter');
  await expectUrls(page, [first, first, first]);
  const ids = await page.locator(ROWS).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  assert.equal(new Set(ids).size, 3);
  await search(page, '');
  await expectUrls(page, [first, first, second, first]);
  // Keyboard: arrows move between entries, Enter opens, Ctrl+Shift+Enter re-sends the focused one.
  await page.locator(ROWS).first().locator(tid('history-open')).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await until('the second request shown', async () => ((await page.locator(tid('url-input')).inputValue()) === second ? true : undefined));
  await page.keyboard.press('Control+Shift+Enter');
  await expectUrls(page, [second, first, first, second, first]);
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

for (const engine of ['curl', 'wininet'] as const) {
  test(`a redirect chain of 3 hops (${engine}): 3 sections in the event list with their statuses and headers, labelled waterfall groups`, T, async () => {
    const { page } = await openWithHistory(stack);
    await showOptions(page);
    await page.locator(tid('engine-select')).selectOption(engine, { timeout: 5_000 });
    const start = `${stack.target.url}/redirect/2`;
    await send(page, start);
    await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 30_000 });
    const sections = page.locator(`${tid('event-list')} ${tid('hop-section')}`);
    await until('3 hop sections', async () => ((await sections.count()) === 3 ? true : undefined));
    const statuses = await sections.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    const texts = await sections.locator(tid('hop-status')).allTextContents();
    assert.deepEqual({ statuses, texts }, { statuses: ['302', '302', '200'], texts: ['302 Found', '302 Found', '200 OK'] });
    assert.match((await sections.nth(1).textContent()) ?? '', /\/redirect\/1/);
    // A hop's response headers open under its heading.
    await sections.nth(0).locator('button').click({ timeout: 5_000 });
    const headerRows = await page.locator(`${tid('event-list')} ${tid('hop-header')}`).allTextContents();
    assert.ok(headerRows.some((h) => /^Location: \/redirect\/1$/.test(h)), JSON.stringify(headerRows));
    const groups = await page.locator(`${tid('waterfall')} ${tid('wf-hop')}`).allTextContents();
    assert.equal(groups.length, 3, JSON.stringify(groups));
    assert.match(groups[0] ?? '', /^hop 0 · 302 · http:\/\/.*\/redirect\/2$/);
    assert.match(groups[2] ?? '', /^hop 2 · 200 · http:\/\/.*\/redirect\/0$/);
    await page.locator(tid('event-list')).evaluate((el) => (el.scrollTop = 0));
    await screenshot(page, `e2e-history-02-redirects-${engine}`);
    await page.close();
  });
}

/** HAR entries the core should write: one per redirect hop of every history entry. */
async function expectedHarEntries(): Promise<number> {
  const { entries } = await stack.core.call('listHistory', { limit: 500, offset: 0 });
  let n = 0;
  for (const e of entries) {
    const { events } = await stack.core.call('loadHistoryEntry', { id: e.id });
    n += Math.max(0, ...events.map((ev) => ev.hop)) + 1;
  }
  return n;
}

test('Export HAR… of the whole history, then of a Shift-click selection with no inline bodies: valid HAR 1.2 in the downloads folder', T, async () => {
  const { page } = await openWithHistory(stack);
  await page.locator(tid('export-har')).click({ timeout: 5_000 });
  const dialog = page.locator(tid('har-export-dialog'));
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await until('the inline limit from the settings', async () => ((await page.locator(tid('har-inline-limit')).inputValue()) === '1024' ? true : undefined));
  await page.locator(tid('har-scope-all')).check({ timeout: 5_000 });
  await screenshot(page, 'e2e-history-03-export-dialog');
  await page.locator(tid('har-export-run')).click({ timeout: 5_000 });
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  const report = (await page.locator(tid('history-report')).textContent()) ?? '';
  const m = /^Exported (\d+) HAR entries \(.*\) to (.+\.har)/.exec(report);
  assert.ok(m, report);
  const file = m[2] as string;
  assert.equal(path.dirname(file), path.join(stack.tmp, 'downloads'));
  const har = JSON.parse(fs.readFileSync(file, 'utf8')) as { log: { version: string; entries: Array<{ request: { url: string }; response: { status: number } }> } };
  assert.equal(har.log.version, '1.2');
  const want = await expectedHarEntries();
  assert.equal(har.log.entries.length, want);
  assert.equal(Number(m[1]), want);
  assert.ok(har.log.entries.some((e) => /\/redirect\/2$/.test(e.request.url) && e.response.status === 302));

  // A selection: a checkbox, then Shift-click two rows further: three entries.
  await page.locator(ROWS).nth(0).locator(tid('history-check')).click();
  await page.locator(ROWS).nth(2).locator(tid('history-check')).click({ modifiers: ['Shift'] });
  const chosen = await page.locator(`${ROWS}.hist-selected`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  assert.equal(chosen.length, 3);
  assert.match((await page.locator(tid('history-count')).textContent()) ?? '', /^3 of \d+ selected$/);
  await page.locator(tid('export-har')).click();
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await page.locator(tid('har-scope-selection')).isChecked(), true);
  await page.locator(tid('har-inline-limit')).fill('0');
  await page.locator(tid('har-export-run')).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  const picked = /to (.+\.har)/.exec((await page.locator(tid('history-report')).textContent()) ?? '')?.[1] ?? '';
  assert.notEqual(picked, file);
  const part = JSON.parse(fs.readFileSync(picked, 'utf8')) as { log: { entries: Array<{ response: { content: { text?: string } } }> } };
  let hops = 0;
  for (const id of chosen) hops += Math.max(...(await stack.core.call('loadHistoryEntry', { id })).events.map((e) => e.hop)) + 1;
  assert.equal(part.log.entries.length, hops);
  assert.ok(part.log.entries.every((e) => e.response.content.text === undefined), 'a body was inlined with a limit of 0');
  await page.close();
});

test('Import HAR… shows its entries in the history and panes; one re-sent reaches the loopback server', T, async () => {
  const { page } = await openWithHistory(stack);
  await page.locator(tid('import-har-file')).setInputFiles(writeDevtoolsHar(stack.tmp, stack.target.url), { timeout: 5_000 });
  await until('the import report', async () => {
    const text = (await page.locator(tid('history-report')).textContent().catch(() => '')) ?? '';
    return /imported/.test(text) ? text : undefined;
  }).then((text) => assert.match(text, /^devtools\.har: 2 imported, 1 skipped \(entry 2: .+\)/));
  const imported = page.locator(`${ROWS}[data-source="har"]`);
  await until('2 imported rows', async () => ((await imported.count()) === 2 ? true : undefined));
  assert.equal(await imported.first().locator(tid('history-imported')).count(), 1);
  const post = `${stack.target.url}/echo?har=post`;
  const top = (await historyUrls(page)).slice(0, 2).sort();
  assert.deepEqual(top, [`${stack.target.url}/echo?har=get`, post], 'the imported entries are not at the top');
  await screenshot(page, 'e2e-history-04-imported');

  await rowFor(page, post).locator(tid('history-open')).click({ timeout: 5_000 });
  await until('the imported response', async () => (/^200/.test((await page.locator(tid('response-status')).textContent()) ?? '') ? true : undefined));
  assert.equal(await page.locator(tid('method-select')).inputValue(), 'POST');
  await expectBody(page, /"from":"har"/);
  assert.ok((await page.locator(row('finished')).count()) > 0, 'no finished row for the imported exchange');
  await screenshot(page, 'e2e-history-05-imported-open');

  await rowFor(page, post).locator(tid('history-resend')).click({ timeout: 5_000 });
  await until('the re-sent request at the top', async () => {
    const top = page.locator(ROWS).first();
    return (await top.getAttribute('data-source')) === 'sent' && (await top.locator(tid('history-url')).textContent()) === post ? true : undefined;
  });
  const { entries } = await stack.core.call('listHistory', { limit: 1, offset: 0 });
  const sent = await stack.core.call('loadHistoryEntry', { id: entries[0]!.id });
  assert.equal(sent.summary.statusCode, 200);
  const echoed = await stack.core.call('readBodySlice', { id: entries[0]!.id, offset: 0, length: 65536 });
  const body = JSON.parse(Buffer.from(echoed.base64, 'base64').toString('utf8')) as { method: string; body: string; headers: Record<string, string> };
  assert.deepEqual([body.method, body.body, body.headers['x-from-har']], ['POST', 'posted from a HAR', 'yes']);
  await page.close();
});

test('settings: bad input is named, a change persists across a reload; the sidebar remembers being hidden; an evicted body says so', T, async () => {
  const { page } = await openWithHistory(stack);
  await page.keyboard.press('Control+,');
  const dialog = page.locator(tid('settings-dialog'));
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await until('the settings loaded', async () => ((await page.locator(tid('settings-body-limit')).inputValue()) === '4096' ? true : undefined));
  await page.locator(tid('settings-body-limit')).fill('8');
  assert.match((await dialog.locator('[role="alert"]').first().textContent()) ?? '', /between 16 and 1048576 MiB, not 8/);
  assert.equal(await page.locator(tid('settings-save')).isDisabled(), true);
  await page.locator(tid('settings-body-limit')).fill('16');
  await page.locator(tid('settings-har-limit')).fill('512');
  await page.locator(tid('settings-theme')).selectOption('dark');
  await screenshot(page, 'e2e-history-06-settings');
  await page.locator(tid('settings-save')).click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.keyboard.press('Control+Shift+KeyH');
  await page.locator(tid('history')).waitFor({ state: 'detached', timeout: 5_000 });

  await page.reload({ waitUntil: 'load' });
  await page.locator(tid('send-button')).waitFor({ state: 'visible', timeout: 15_000 });
  assert.equal(await page.locator(tid('history')).count(), 0, 'the sidebar came back after a reload');
  await until('the dark theme after the reload', async () => ((await page.evaluate(() => document.documentElement.dataset.theme)) === 'dark' ? true : undefined));
  await page.locator(tid('settings-open')).click();
  await until('the saved values', async () => ((await page.locator(tid('settings-body-limit')).inputValue()) === '16' ? true : undefined));
  assert.equal(await page.locator(tid('settings-har-limit')).inputValue(), '512');
  assert.equal(await page.locator(tid('settings-theme')).inputValue(), 'dark');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
  await page.locator(tid('history-toggle')).click();
  await page.locator(tid('history')).waitFor({ state: 'visible', timeout: 5_000 });

  await rowFor(page, `${stack.target.url}/redirect/2`).locator(tid('history-open')).click({ timeout: 5_000 });
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 10_000 });
  await expectBody(page, /^done$/);
  await screenshot(page, 'e2e-history-07-dark');

  // 20 MB over a 16 MiB limit: stored, then evicted (oldest first, so the others before it).
  const big = `${stack.target.url}/bytes/20000000`;
  await page.locator(tid('new-tab')).click();
  await send(page, big);
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 60_000 });
  await rowFor(page, big).locator(tid('history-open')).click({ timeout: 5_000 });
  await until('the evicted-body message', async () => ((await page.locator(tid('body-error')).count()) > 0 ? true : undefined));
  assert.match((await page.locator(tid('body-error')).textContent()) ?? '', /no longer stored: it was evicted/);
  await page.close();
});

test('thousands of entries: the sidebar renders only the rows in view, down to the oldest', T, async () => {
  const N = 3000;
  const file = path.join(stack.tmp, 'bulk.har');
  writeBulkHar(file, stack.target.url, N);
  const { page } = await openWithHistory(stack);
  const before = (await stack.core.call('listHistory', { limit: 1, offset: 0 })).total;
  await page.locator(tid('import-har-file')).setInputFiles(file, { timeout: 5_000 });
  await until('the bulk import', async () => (/bulk\.har: 3000 imported, 0 skipped/.test((await page.locator(tid('history-report')).textContent().catch(() => '')) ?? '') ? true : undefined), 60_000);
  const total = before + N;
  await until(`${total} entries counted`, async () => ((await page.locator(tid('history-count')).textContent()) === `${total} entries` ? true : undefined));
  assert.equal(await page.locator(`${ROWS} ${tid('history-url')}`).first().textContent(), `${stack.target.url}/echo?bulk=${N - 1}`);
  const inDom = await page.locator(ROWS).count();
  assert.ok(inDom > 5 && inDom < 80, `${inDom} rows in the DOM`);
  // To the end: the oldest entry, the first request of this file, is the last row.
  await page.locator(tid('history-list')).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await until('the oldest entry at the bottom', async () => ((await historyUrls(page)).at(-1) === `${stack.target.url}/echo?first=1` ? true : undefined));
  assert.ok((await page.locator(ROWS).count()) < 80);
  await screenshot(page, 'e2e-history-08-thousands');
  await page.close();
});
