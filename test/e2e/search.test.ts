// Body search end to end in Chromium (browser mode, real core, curl engine): a 20 MB text
// body whose lines wrap into 512-byte rows, 17 hits, the last ones near the end. The hit
// is scrolled into view (down and sideways), exactly its bytes are marked, Enter and
// Shift+Enter step through "n of 17", in Raw and in Hex. Needs `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { openApp, screenshot, stackForFile, startPageServer, until, tid } from './support.js';

const T = { timeout: 180_000 };
const SIZE = 20 * 1000 * 1000;
const LINE = 2000;
const NEEDLE = 'NeEdLe';
/** Where the needles are: 14 spread over the body, 3 near its end; column 1400 of a line
 * is byte 376 of its fourth 512-byte row, off screen to the right until scrolled. */
const AT = [...Array.from({ length: 14 }, (_, k) => (k + 1) * 1_000_000), SIZE - 60_000, SIZE - 30_000, SIZE - 4_000].map((o) => o - (o % LINE) + 1400);

function body(): Buffer {
  const b = Buffer.alloc(SIZE, 'x');
  for (let p = LINE - 1; p < SIZE; p += LINE) b[p] = 0x0a;
  for (const o of AT) b.write(NEEDLE, o, 'latin1');
  return b;
}

const stack = stackForFile();
let server: Awaited<ReturnType<typeof startPageServer>> | undefined;
let base = '';

before(async () => {
  const data = body();
  server = await startPageServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(data));
  base = server.base;
});

after(async () => {
  await server?.close();
});

/** The current hit's text and whether it lies wholly inside its scroll box and the window. */
async function hitState(hit: Locator): Promise<{ text: string; visible: boolean }> {
  return hit.evaluate((m) => {
    const box = (m.closest('.vscroll') as HTMLElement).getBoundingClientRect();
    const r = m.getBoundingClientRect();
    const inBox = r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
    const onScreen = r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
    const visible = inBox && onScreen;
    return { text: m.textContent ?? '', visible };
  });
}

const count = (page: Page) => page.locator(tid('body-search-count'));

async function expectHit(page: Page, n: number, what: string): Promise<void> {
  await count(page).filter({ hasText: new RegExp(`^${n} of 17$`) }).waitFor();
  const hit = page.locator(`${tid('body-viewer')} ${tid('search-hit')}`).first();
  const state = await until(`${what}: hit ${n} in view`, async () => {
    if ((await hit.count()) === 0) return undefined;
    const s = await hitState(hit);
    return s.visible ? s : undefined;
  });
  assert.equal(state.text, what === 'hex' ? '4e 65 45 64 4c 65' : NEEDLE);
}

test('search scrolls to the hit far down a 20 MB body, marks its bytes, steps n of 17', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('url-input')).fill(`${base}/big.txt`);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('response-time')).waitFor({ state: 'visible', timeout: 120_000 });
  await page.locator(tid('body-search')).fill('needle');
  await expectHit(page, 1, 'raw');
  assert.equal(await page.locator(`${tid('raw-rows')} mark`).count(), 1, 'only the bytes of the match are marked');
  await page.locator(tid('body-search')).press('Enter');
  await expectHit(page, 2, 'raw');
  await page.locator(tid('body-search')).press('Shift+Enter');
  await expectHit(page, 1, 'raw');
  // Back from the first: the last, 4 kB before the end.
  await page.locator(tid('body-search')).press('Shift+Enter');
  await expectHit(page, 17, 'raw');
  const top = Number(await page.locator(tid('raw-rows')).getAttribute('data-top'));
  assert.ok(top > SIZE - 40_000, `the rows shown start at ${top}, near the end`);
  await screenshot(page, 'search-raw-last-hit');
  await page.locator(tid('search-prev')).click();
  await expectHit(page, 16, 'raw');
  // Hex: the same hit, its six bytes marked in the hex and ASCII columns.
  await page.locator(tid('viewer-hex')).click();
  await expectHit(page, 16, 'hex');
  assert.equal(await page.locator(`${tid('hex-rows')} .hex-ascii mark`).first().textContent(), NEEDLE);
  await screenshot(page, 'search-hex-hit');
  assert.deepEqual(log.pageErrors, [], log.dump());
  assert.deepEqual(log.cspViolations(), [], log.dump());
});
