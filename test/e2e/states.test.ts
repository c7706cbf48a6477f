// The states a new user meets, end to end in Debian's Chromium on browser mode (real core,
// curl engine, loopback target): a cancelled request listed as cancelled with the bytes
// that arrived; an imported HAR entry without its body said so (no endless Loading, Save
// disabled with the reason; the "imported" badge whole on a long line); the core going away
// and coming back (Send says so, the page reconnects); the Catch button's running mark after
// a reload; the caught body in the request's column; the first WinInet request saying that
// its engine is starting. Needs `npm run build` first.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, screenshot, stackForFile, STATIC_DIR, until, tid, openWithHistory, showOptions } from './support.js';
import { startWebServer, type WebServer } from '../../web/server.js';

const T = { timeout: 120_000 };
const ROWS = `${tid('history')} ${tid('history-row')}`;

const stack = stackForFile();
/** The web server started again by the reconnect test (the stack closes only its first one). */
let restarted: WebServer | undefined;

after(async () => {
  await restarted?.close();
});

const rowFor = (page: Page, url: string) => page.locator(ROWS).filter({ has: page.locator(tid('history-url'), { hasText: url }) }).first();

test('a cancelled request is listed as cancelled (not a green 200) and shows the bytes that arrived', T, async () => {
  const { page, log } = await openWithHistory(stack);
  // 64 KiB of the 200000 bytes, then the server stalls: Cancel ends it.
  const url = `${stack.target.url}/stall-body/200000`;
  await page.locator(tid('url-input')).fill(url, { timeout: 5_000 });
  await page.locator(tid('send-button')).click({ timeout: 5_000 });
  await until('body bytes to arrive', async () => (Number(await page.locator(tid('download-progress')).getAttribute('data-bytes', { timeout: 5_000 }).catch(() => '0')) > 0 ? true : undefined));
  // Progress events are throttled: give the rest of the 64 KiB on loopback a moment.
  await page.waitForTimeout(500);
  await page.locator(tid('cancel-button')).click({ timeout: 5_000 });
  await page.locator(tid('send-button')).waitFor({ state: 'visible', timeout: 15_000 });

  const status = rowFor(page, url).locator(tid('history-status'));
  await until('the history row', async () => ((await status.count()) > 0 ? true : undefined));
  assert.equal(await status.textContent(), 'cancelled');
  assert.match((await status.getAttribute('class')) ?? '', /status-cancelled/);
  assert.doesNotMatch((await status.getAttribute('class')) ?? '', /status-2xx/);
  assert.match((await page.locator(tid('response-status')).getAttribute('class')) ?? '', /status-cancelled/);

  // The bytes that arrived are stored and shown (not an empty body).
  const { entries } = await stack.core.call('listHistory', { limit: 10, offset: 0 });
  const entry = entries.find((e) => e.url === url)!;
  assert.equal(entry.error, 'CANCELLED');
  const slice = await stack.core.call('readBodySlice', { id: entry.id, offset: 0, length: 1 << 20 });
  assert.equal(slice.total, 65536);
  assert.equal(entry.bodyBytes, 65536);
  await until('the partial mark', async () => ((await page.locator(tid('body-partial')).count()) > 0 ? true : undefined));
  assert.equal(await page.locator(tid('no-body')).count(), 0, 'the received bytes show as no body');
  await page.locator(tid('viewer-hex')).click({ timeout: 5_000 });
  await until('hex rows', async () => ((await page.locator(`${tid("hex-rows")} .vrow`).count()) > 0 ? true : undefined));
  await screenshot(page, 'e2e-states-01-cancelled');

  // Re-opened from the history in another tab: the same.
  await page.locator(tid('new-tab')).click();
  await page.locator(tid('url-input')).fill('http://127.0.0.1:1/x');
  await rowFor(page, url).locator(tid('history-open')).click({ timeout: 5_000 });
  await until('the re-opened partial body', async () => ((await page.locator(tid('body-partial')).count()) > 0 ? true : undefined));
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

function writeBodylessHar(dir: string, base: string): string {
  const entry = (url: string, status: number, content: Record<string, unknown>, method = 'GET', time = 5) => ({
    startedDateTime: '2026-01-02T03:04:05.678Z',
    time,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: [{ name: 'Content-Type', value: 'application/json' }], cookies: [], content, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { send: 1, wait: 2, receive: 2 },
  });
  const file = path.join(dir, 'bodyless.har');
  const entries = [entry(`${base}/echo?bodyless=1`, 200, { size: 15, mimeType: 'application/json' }), entry(`${base}/echo?empty=1`, 204, { size: 0, mimeType: '' }),
    // A long line (custom method, seconds, KiB): the "imported" badge must still show whole.
    entry(`${base}/echo?long=1`, 200, { size: 999_999, mimeType: 'text/plain', text: 'x'.repeat(999_999) }, 'PROPFIND', 12345.678)];
  fs.writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } }));
  return file;
}

test('an imported HAR entry without its body says so: no endless Loading, Save disabled with the reason', T, async () => {
  const { page, log } = await openWithHistory(stack);
  await page.locator(tid('import-har-file')).setInputFiles(writeBodylessHar(stack.tmp, stack.target.url), { timeout: 5_000 });
  await until('the import', async () => (/3 imported/.test((await page.locator(tid('history-report')).textContent().catch(() => '')) ?? '') ? true : undefined));
  const badge = rowFor(page, `${stack.target.url}/echo?long=1`).locator(tid('history-imported'));
  const [badgeBox, lineBox] = await Promise.all([badge.boundingBox(), badge.locator('xpath=..').boundingBox()]);
  assert.ok(badgeBox && lineBox && badgeBox.x + badgeBox.width <= lineBox.x + lineBox.width + 0.5, `the imported badge is clipped: ${JSON.stringify({ badgeBox, lineBox })}`);
  const url = `${stack.target.url}/echo?bodyless=1`;
  await rowFor(page, url).locator(tid('history-open')).click({ timeout: 5_000 });
  const note = page.locator(tid('body-error'));
  await until('the not-imported note', async () => ((await note.count()) > 0 ? true : undefined));
  assert.equal(await note.getAttribute('data-reason'), 'not-imported');
  assert.match((await note.textContent()) ?? '', /imported without its body/);
  assert.doesNotMatch((await note.textContent()) ?? '', /no longer stored/);
  assert.equal(await page.locator(tid('save-button')).isDisabled(), true);
  assert.match((await page.locator(tid('save-button')).getAttribute('title')) ?? '', /imported without its body/);
  // Still no "Loading…" a while later.
  await page.waitForTimeout(1000);
  assert.doesNotMatch((await page.locator('section.response').textContent()) ?? '', /Loading…/);
  await screenshot(page, 'e2e-states-02-har-bodyless');

  // The 204 with no body at all: "No body", not "no longer stored".
  await rowFor(page, `${stack.target.url}/echo?empty=1`).locator(tid('history-open')).click({ timeout: 5_000 });
  await page.locator(tid('no-body')).waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await page.locator(tid('body-error')).count(), 0);
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('the core goes away: Send says so and is disabled; the page reconnects when it is back and Send works again', T, async () => {
  const { page, log } = await openApp(stack);
  const state = () => page.locator(tid('connection-state')).getAttribute('data-state');
  // A request the server never answers is in flight when the link goes.
  await page.locator(tid('url-input')).fill(`${stack.target.url}/stall`);
  await page.locator(tid('send-button')).click({ timeout: 5_000 });
  await page.locator(tid('cancel-button')).waitFor({ state: 'visible', timeout: 10_000 });

  const { port, token } = stack.web;
  await stack.web.close();
  await until('the lost link to show', async () => ((await state()) === 'reconnecting' ? true : undefined));
  await page.locator(tid('connection-notice')).waitFor({ state: 'visible', timeout: 5_000 });
  assert.match((await page.locator(tid('connection-notice')).textContent()) ?? '', /Not connected to InetScope's core — reconnecting…/);
  assert.equal(await page.locator(tid('send-button')).isDisabled(), true, 'Send is enabled while the core is away');
  assert.match((await page.locator(tid('send-button')).getAttribute('title')) ?? '', /reconnecting/);
  assert.match((await page.locator(tid('request-error')).textContent()) ?? '', /lost while this request ran/);
  await screenshot(page, 'e2e-states-03-offline');
  // A few failed attempts while it is away.
  await page.waitForTimeout(1500);

  restarted = await startWebServer({ core: stack.core, port, token, staticDir: STATIC_DIR });
  await until('the page to reconnect', async () => ((await state()) === 'connected' ? true : undefined), 15_000);
  assert.equal(await page.locator(tid('connection-notice')).count(), 0);
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?after=reconnect`);
  await page.locator(tid('send-button')).click({ timeout: 5_000 });
  await until('the response after the reconnect', async () => (/^200/.test((await page.locator(tid('response-status')).textContent()) ?? '') ? true : undefined));
  await screenshot(page, 'e2e-states-04-reconnected');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('the Catch button keeps its running mark after a reload; the caught body sits with the request, not under "Response sent"', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('catch-toggle')).click();
  await page.locator(tid('catch-start')).click();
  const url = (await page.locator(tid('catch-url')).textContent({ timeout: 10_000 })) ?? '';
  const res = await fetch(`${url}hook`, { method: 'POST', body: 'caught-body-text', headers: { 'Content-Type': 'text/plain' } });
  assert.equal(res.status, 200);
  await res.arrayBuffer();

  await page.reload({ waitUntil: 'load' });
  await page.locator(tid('send-button')).waitFor({ state: 'visible', timeout: 15_000 });
  // The panel is closed after the reload: the mark comes from what the page learned on connect.
  await until('the running mark', async () => ((await page.locator(tid('catch-toggle')).textContent()) === 'Catch ●' ? true : undefined));

  await page.locator(tid('catch-toggle')).click();
  const item = page.locator(tid('caught-item')).first();
  await item.click({ timeout: 10_000 });
  await page.locator(`${tid('caught-detail')} ${tid('viewer-raw')}`).click({ timeout: 10_000 });
  const left = page.locator(`${tid('caught-detail')} .catch-detail-left`);
  await until('the body in the request column', async () => ((await left.locator('.catch-body').textContent())?.includes('caught-body-text') ? true : undefined));
  assert.equal(await page.locator(`${tid('caught-detail')} .catch-detail-right .catch-body`).count(), 0, 'the caught body is under "Response sent"');
  await screenshot(page, 'e2e-states-05-catch');
  await page.locator(tid('catch-stop')).click();
  await until('stopped', async () => ((await page.locator(tid('catch-toggle')).textContent()) === 'Catch' ? true : undefined));
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

test('the first WinInet request says "Starting the WinInet engine…" while its host starts under Wine', T, async () => {
  const { page, log } = await openApp(stack);
  await showOptions(page);
  await page.locator(tid('engine-select')).selectOption('wininet', { timeout: 5_000 });
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?first=wininet`);
  await page.locator(tid('send-button')).click({ timeout: 5_000 });
  const notice = page.locator(tid('engine-starting'));
  await notice.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match((await notice.textContent()) ?? '', /^Starting the WinInet engine…/);
  await screenshot(page, 'e2e-states-06-wininet-starting');
  await until('the WinInet response', async () => (/^200/.test((await page.locator(tid('response-status')).textContent()) ?? '') ? true : undefined), 60_000);
  assert.equal(await notice.count(), 0, 'the notice stays after the response');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});
