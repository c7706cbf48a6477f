// The layout end to end in Chromium (browser mode, real core, curl engine): the split panes
// resize by mouse and keyboard and keep their sizes across a reload, the stacked / side by
// side toggle, the response's tabs (a WAI-ARIA tablist), and the event list at 1000×700
// with the sidebar open keeping every column. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, tid, sendAndWait, freshLayout } from './support.js';

const T = { timeout: 60_000 };
const stack = stackForFile();

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox({ timeout: 5_000 });
  assert.ok(b, `${selector} is on screen`);
  return b;
};

/** Both themes at one size, into the screenshots. */
async function shots(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    await screenshot(page, `${name}-${theme}`);
  }
  await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
}

test('splitters resize by mouse and keyboard and keep their sizes across a reload; the layout toggle', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await freshLayout(page);
  await sendAndWait(page, `${stack.target.url}/redirect/2`);
  const composer = '.workbench > .split-first';
  const before = (await box(page, composer)).height;
  // Drag the composer's separator 120 px down.
  const sep = await box(page, tid('splitter-composer'));
  await page.mouse.move(sep.x + sep.width / 2, sep.y + 2);
  await page.mouse.down();
  await page.mouse.move(sep.x + sep.width / 2, sep.y + 62, { steps: 4 });
  await page.mouse.move(sep.x + sep.width / 2, sep.y + 122, { steps: 4 });
  await page.mouse.up();
  const dragged = (await box(page, composer)).height;
  assert.ok(Math.abs(dragged - (before + 120)) <= 3, `dragged: ${before} → ${dragged}`);
  // The keyboard: ArrowUp shrinks by 16 px, Shift by 64; aria-valuenow follows.
  const timelineSep = page.locator(tid('splitter-timeline'));
  const response = '.exchange > .split-first';
  const w0 = (await box(page, response)).width;
  const v0 = Number(await timelineSep.getAttribute('aria-valuenow'));
  await timelineSep.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const w1 = (await box(page, response)).width;
  assert.ok(Math.abs(w0 - 80 - w1) <= 2, `keyboard: ${w0} → ${w1}`);
  assert.ok(Number(await timelineSep.getAttribute('aria-valuenow')) < v0);
  assert.equal(await timelineSep.getAttribute('role'), 'separator');
  // Kept across a reload.
  await page.reload();
  await page.locator(tid('send-button')).waitFor();
  await sendAndWait(page, `${stack.target.url}/redirect/2`);
  assert.ok(Math.abs((await box(page, composer)).height - dragged) <= 3, 'the composer keeps its height');
  assert.ok(Math.abs((await box(page, response)).width - w1) <= 3, 'the response keeps its width');
  await shots(page, 'layout-stacked-1400');
  // Side by side: the composer at the left, the timeline under the response.
  await page.locator(tid('layout-toggle')).click();
  assert.equal(await page.locator(tid('layout-toggle')).getAttribute('aria-pressed'), 'true');
  const c = await box(page, composer);
  const ex = await box(page, '.workbench > .split-second');
  assert.ok(c.x + c.width <= ex.x + 1 && Math.abs(c.y - ex.y) <= 1, 'the composer is beside the exchange');
  const r = await box(page, response);
  const tl = await box(page, '.exchange > .split-second');
  assert.ok(r.y + r.height <= tl.y + 1, 'the timeline is under the response');
  await shots(page, 'layout-side-1400');
  await page.reload();
  await page.locator(tid('send-button')).waitFor();
  assert.equal(await page.locator(tid('layout-toggle')).getAttribute('aria-pressed'), 'true', 'the layout is kept');
  await page.locator(tid('layout-toggle')).click();
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('the response as tabs: Body first, Headers per hop, Cookies, TLS, Raw exchange; arrow keys move between them', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await freshLayout(page);
  await sendAndWait(page, `${stack.target.url}/redirect/1`);
  const tab = (id: string) => page.locator(tid(`response-tab-${id}`));
  assert.equal(await tab('body').getAttribute('aria-selected'), 'true');
  await page.locator(tid('response-body')).waitFor();
  // Status, time, size and engine stay above the tabs.
  for (const id of ['response-status', 'response-time', 'response-size']) assert.equal(await page.locator(tid(id)).isVisible(), true, id);
  await tab('body').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await tab('headers').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'response-tab-headers');
  await page.locator(tid('headers-tab')).waitFor();
  assert.equal(await page.locator('.hop-heads').count(), 2, 'one section per hop');
  assert.match((await page.locator(tid('request-headers')).textContent()) ?? '', /Host/i);
  await page.keyboard.press('End');
  assert.equal(await tab('raw').getAttribute('aria-selected'), 'true');
  const raw = (await page.locator(tid('raw-exchange')).textContent()) ?? '';
  assert.match(raw, /# hop 0\nGET \/redirect\/1 HTTP\/1\.1/);
  assert.match(raw, /HTTP\/1\.1 302/);
  assert.match(raw, /# hop 1\nGET /);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await tab('tls').getAttribute('aria-selected'), 'true');
  assert.match((await page.locator('#response-tab-panel').textContent()) ?? '', /No TLS connection/);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await tab('cookies').getAttribute('aria-selected'), 'true');
  await page.locator(tid('response-cookies')).waitFor();
  await page.keyboard.press('Home');
  assert.equal(await tab('body').getAttribute('aria-selected'), 'true');
  // The composer's tabs count what they hold.
  await page.locator(tid('composer-tab-headers')).click();
  assert.match((await page.locator(tid('composer-tab-headers')).textContent()) ?? '', /^Headers/);
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo?a=1&b=2`);
  assert.equal(await page.locator(tid('composer-tab-params')).textContent(), 'Params (2)');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('1000×700 with the sidebar open: every column of the event list stays, elided ones say all in a title', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1000, height: 700 });
  await freshLayout(page);
  if ((await page.locator(tid('sidebar')).count()) === 0) await page.locator(tid('history-toggle')).click();
  await page.locator(tid('sidebar')).waitFor();
  await sendAndWait(page, `${stack.target.url}/redirect/2`);
  const heads = page.locator('.event-list .event-head [role="columnheader"]');
  const n = await heads.count();
  assert.ok(n >= 6, `${n} columns`);
  const list = await box(page, '.event-list');
  for (let i = 0; i < n; i++) {
    const b = await heads.nth(i).boundingBox();
    const name = await heads.nth(i).textContent();
    assert.ok(b && b.width >= 20, `column ${name} is shown: ${b?.width}`);
    assert.ok(b.x >= list.x && b.x + b.width <= list.x + list.width + 0.5, `column ${name} is inside the list, not scrolled off`);
  }
  // A cell cut short carries its whole text in a title.
  const cut = await page.locator('.event-list .ev-row [role="cell"]').evaluateAll((cells) =>
    cells.filter((c) => c.scrollWidth > c.clientWidth + 1 && c.getAttribute('title') !== c.textContent).map((c) => c.className),
  );
  assert.deepEqual(cut, []);
  await shots(page, 'layout-sidebar-1000');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});
