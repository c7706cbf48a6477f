// The body search done in the core, end to end in Chromium (browser mode, real core, curl
// engine): a 50 MB text body with one match at 98 %: typing the query scrolls the hit into
// view and marks it (searchBody finds it; the page does not read the body to get there),
// next and previous wrap; Copy body puts a small body on the clipboard; the JSON filter runs
// a JSONPath in the core over 12 MB of JSON and shows the matches in the Pretty view; a
// binary body opens on Hex saying why, an image shows its dimensions and type. Needs `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, stackForFile, screenshot, startPageServer, until, tid } from './support.js';

const T = { timeout: 60_000 };
const SIZE = 50 * 1000 * 1000;
const AT = Math.floor(SIZE * 0.98);
const NEEDLE = 'FarAwayNeedle';

const stack = stackForFile({ clipboard: true });
let server: Awaited<ReturnType<typeof startPageServer>> | undefined;
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** About 12 MB of JSON: over the 8 MiB the Pretty view formats whole. */
const json = JSON.stringify({ items: Array.from({ length: 300_000 }, (_, i) => ({ id: i, name: `item-${i}`, pad: 'x'.repeat(8) })) });

before(async () => {
  const big = Buffer.alloc(SIZE, 'x');
  for (let p = 99; p < SIZE; p += 100) big[p] = 0x0a;
  big.write(NEEDLE, AT, 'latin1');
  server = await startPageServer((req, res) => {
    if (req.url === '/small') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('small body ✓');
    if (req.url === '/bin') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 255]));
    if (req.url === '/png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(PNG, 'base64'));
    if (req.url === '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(json);
    res.writeHead(200, { 'content-type': 'text/plain' }).end(big);
  });
});
after(async () => void (await server?.close()));

test('a match at 98 % of 50 MB: scrolled into view and marked at once, next/previous wrap; Copy body', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator(tid('url-input')).fill(`${server!.base}/big`);
  await page.locator(tid('send-button')).click();
  await until('the download', async () => ((await page.locator(tid('response-size')).count()) > 0 ? true : undefined), 40_000);
  await page.locator(tid('raw-rows')).waitFor();
  const t0 = Date.now();
  await page.locator(tid('body-search')).fill(NEEDLE.toLowerCase());
  const hit = page.locator(`${tid('body-viewer')} ${tid('search-hit')}`);
  const seen = await until('the hit in view', async () => {
    if ((await hit.count()) === 0) return undefined;
    const r = await hit.first().evaluate((m) => {
      const box = (m.closest('.vscroll') as HTMLElement).getBoundingClientRect();
      const b = m.getBoundingClientRect();
      return { text: m.textContent, inView: b.top >= box.top && b.bottom <= box.bottom && b.left >= box.left && b.right <= box.right };
    });
    return r.inView ? r : undefined;
  }, 20_000);
  const ms = Date.now() - t0;
  console.log(`# the hit at 98 % of 50 MB in view ${ms} ms after the query was typed`);
  assert.equal(seen.text, NEEDLE);
  // Where the hit is, before the page has counted that far (or once it has: "1 of 1").
  assert.match((await page.locator(tid('body-search-count')).textContent()) ?? '', /^(match at byte \d+ · \d+… counted|1 of 1…?)$/);
  await page.locator(tid('body-search-count')).filter({ hasText: /^1 of 1$/ }).waitFor({ timeout: 30_000 });
  await screenshot(page, 'body-find-50mb');
  // Next and previous wrap around to the only match.
  await page.locator(tid('search-next')).click();
  await page.locator(tid('search-prev')).click();
  await page.locator(tid('body-search-count')).filter({ hasText: /^1 of 1$/ }).waitFor();
  assert.equal(await hit.first().textContent(), NEEDLE);
  await page.locator(tid('body-search')).fill('not in the body');
  await page.locator(tid('body-search-count')).filter({ hasText: /^no match$/ }).waitFor({ timeout: 30_000 });
  // Copy body: too large here; a small body copies.
  assert.equal(await page.locator(tid('copy-body')).isDisabled(), true, 'a 50 MB body is saved, not copied');
  await page.locator(tid('url-input')).fill(`${server!.base}/small`);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('raw-rows')).filter({ hasText: 'small body' }).waitFor();
  await page.locator(tid('copy-body')).click();
  await page.locator(tid('copy-body-result')).filter({ hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'small body ✓');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('the JSON filter: a JSONPath over 12 MB of JSON, run in the core, the matches in the Pretty view', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator(tid('url-input')).fill(`${server!.base}/json`);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('raw-rows')).waitFor({ timeout: 30_000 });
  // Too large to format whole: Raw first; Pretty still opens, for its filter.
  await page.locator(tid('viewer-pretty')).click();
  await page.locator(tid('pretty-unavailable')).waitFor();
  await page.locator(tid('json-filter')).fill('$.items[123456].name');
  await page.locator(tid('json-filter')).press('Enter');
  await page.locator(tid('json-filter-result')).filter({ hasText: /^1 match$/ }).waitFor({ timeout: 20_000 });
  await until('the match in the viewer', async () => ((await page.locator(tid('pretty-editor')).evaluate((h) => h.shadowRoot?.textContent ?? '')).includes('"item-123456"') ? true : undefined));
  await page.locator(tid('json-filter')).fill('$.items[?(@.id==1)]');
  await page.locator(tid('json-filter')).press('Enter');
  await page.locator(tid('json-filter-result')).filter({ hasText: /cannot be evaluated/ }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'json-filter');
  await page.locator(tid('json-filter')).press('Escape');
  await page.locator(tid('pretty-unavailable')).waitFor();
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('a binary body opens on Hex saying why; an image shows its dimensions and type', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('url-input')).fill(`${server!.base}/bin`);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('hex-rows')).waitFor({ timeout: 15_000 });
  assert.match((await page.locator(tid('viewer-why')).textContent()) ?? '', /^Opened on Hex: application\/octet-stream is not text/);
  await page.locator(tid('url-input')).fill(`${server!.base}/png`);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('image-facts')).filter({ hasText: '1 × 1 px · image/png' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator(tid('viewer-why')).count(), 0);
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});
