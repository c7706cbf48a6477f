// The response view while the body streams, in a real browser (browser mode, curl engine):
// the status and the first body bytes show before the request is over, the download
// progress shows a rate, and "Save response…" writes exactly the bytes the server sent.
// Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, type PageLog, tid, sendGet } from './support.js';
import { fileSha256, patternBytes, patternSha256 } from '../support/content.js';

const T = { timeout: 90_000 };
const row = (status: string): string => `${tid('event-list')} ${tid('event-row')}[data-status="${status}"]`;

const stack = stackForFile();

const open = (): Promise<{ page: Page; log: PageLog }> => openApp(stack);

const finishedRows = (page: Page): Promise<number> => page.locator(row('finished')).count();
const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

test('a slow body: status, first bytes and a download rate show before the request is over', T, async () => {
  const { page, log } = await open();
  const size = 30_000_000;
  // About 915 chunks 20 ms apart: at least 18 s of streaming, so a loaded machine cannot
  // finish the body before the checks below have seen it grow (the test cancels it).
  await sendGet(page, `${stack.target.url}/slow/${size}?chunk=32768&interval=20`);

  await until('response-status to show 200', async () => {
    const text = (await page.locator(tid('response-status')).textContent()) ?? '';
    return /\b200\b/.test(text) ? text : undefined;
  });
  // An octet-stream opens in Hex: its first row is the first 16 bytes the server sent.
  const firstHex = page.locator(`${tid('hex-rows')} .vrow`).first();
  const expected = patternBytes(16);
  await until('the first hex row', async () => ((await firstHex.locator('.hex-bytes').textContent()) ? true : undefined));
  assert.equal(await firstHex.locator('.hex-off').textContent(), '00000000');
  assert.equal((await firstHex.locator('.hex-bytes').textContent())?.replace(/\s+/g, ' '), hex(expected));
  // The raw text view reads the same stored bytes.
  await page.locator(tid('viewer-raw')).click();
  const rawText = await until('raw rows with text', async () => {
    const texts = await page.locator(`${tid('raw-rows')} .vrow`).allTextContents();
    return texts.join('').trim() !== '' ? texts : undefined;
  });
  assert.ok(rawText.length > 0);
  // The download progress: bytes of the known total, and a rate in bytes/s.
  const progress = page.locator(tid('download-progress'));
  const rate = await until('a download rate', async () => {
    const r = await progress.getAttribute('data-rate', { timeout: 2_000 }).catch(() => null);
    return r !== null && Number(r) > 0 ? Number(r) : undefined;
  });
  assert.ok(rate > 0);
  assert.equal(Number(await progress.getAttribute('data-total')), size);
  const text = (await progress.textContent()) ?? '';
  assert.match(text, /\/s/);
  assert.match(text, /left/);
  // All of that while the exchange is still running.
  assert.equal(await finishedRows(page), 0, 'the finished row must not exist yet');
  assert.ok(Number(await progress.getAttribute('data-bytes')) < size);
  await screenshot(page, 'e2e-streaming-01-midway');

  // The body grows on screen: the hex rows' scroll range follows it.
  await page.locator(tid('viewer-hex')).click();
  const scroller = page.locator(`${tid('body-viewer')} .vscroll`);
  // The rows the scroll range stands for (its pixels are capped for very long bodies).
  const units = async (): Promise<number> => Number(await scroller.getAttribute('data-units'));
  const u1 = await units();
  await until('the scroll range to grow', async () => ((await units()) > u1 ? true : undefined), 10_000);

  await page.locator(tid('cancel-button')).click({ timeout: 5_000 });
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 15_000 });
  assert.equal(await progress.count(), 0, 'no progress once the request is over');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('Save response… writes the 5 MB binary body byte-exact into the downloads folder', T, async () => {
  const { page, log } = await open();
  const size = 5 * 1024 * 1024;
  await sendGet(page, `${stack.target.url}/bytes/${size}`);
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator(tid('save-button')).click({ timeout: 5_000 });
  const result = page.locator(tid('save-result'));
  await result.filter({ hasText: /^Saved \d+ bytes to / }).waitFor({ timeout: 30_000 });
  const text = (await result.textContent()) ?? '';
  const saved = /^Saved (\d+) bytes to (.+)$/.exec(text);
  assert.ok(saved, text);
  assert.equal(Number(saved[1]), size);
  const dir = path.join(stack.tmp, 'downloads');
  const file = path.resolve(saved[2] as string);
  assert.equal(fs.realpathSync(path.dirname(file)), fs.realpathSync(dir), `saved outside the downloads folder: ${file}`);
  assert.equal(fs.statSync(file).size, size);
  assert.equal(await fileSha256(file), await patternSha256(size));
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
