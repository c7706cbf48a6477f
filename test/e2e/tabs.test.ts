// The request tabs end to end in Chromium (browser mode, real core, curl engine): the strip
// scrolls when tabs overflow and keeps the active one and "+" reachable, with a list of the
// open tabs; what a tab shows (notices, response, scroll position, sub-tab) is its own.
// Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, type PageLog, tid } from './support.js';

const T = { timeout: 60_000 };

const stack = stackForFile();

const open = (): Promise<{ page: Page; log: PageLog }> => openApp(stack);

/** The element at the centre of `loc` is `loc`'s own (not covered, not off-screen). */
async function reachable(page: Page, loc: Locator): Promise<boolean> {
  const box = await loc.boundingBox();
  if (!box) return false;
  const vp = page.viewportSize() ?? { width: 0, height: 0 };
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (x < 0 || y < 0 || x > vp.width || y > vp.height) return false;
  return loc.evaluate((el, [px, py]) => {
    const hit = document.elementFromPoint(px as number, py as number);
    return hit !== null && (el === hit || el.contains(hit));
  }, [x, y]);
}

/** `loc` lies wholly inside the visible part of the tab strip. */
async function wholeInStrip(page: Page, loc: Locator): Promise<boolean> {
  const [box, strip] = await Promise.all([loc.boundingBox(), page.locator(tid('tabbar')).boundingBox()]);
  return !!box && !!strip && box.x >= strip.x - 0.5 && box.x + box.width <= strip.x + strip.width + 0.5;
}

const scrollLeft = (page: Page): Promise<number> => page.locator(tid('tabbar')).evaluate((e) => e.scrollLeft);

test('ten tabs: the strip scrolls (wheel, arrows), the active tab and "+" stay reachable, a list of the open tabs', T, async () => {
  const { page, log } = await open();
  for (let k = 0; k < 9; k++) {
    await page.locator(tid('new-tab')).click();
    await page.locator(tid('url-input')).fill(`${stack.target.url}/tab/${k + 2}/with/a/long/enough/path`);
  }
  const tabs = page.locator('.tabbar .tab');
  assert.equal(await tabs.count(), 10);
  const activeTab = page.locator('.tabbar .tab-active');
  assert.equal(await reachable(page, page.locator(tid('new-tab'))), true, '"+" is reachable');
  assert.equal(await reachable(page, activeTab), true, 'the active (last) tab is in view');
  assert.equal(await wholeInStrip(page, activeTab), true, 'the active tab is wholly in view');
  await screenshot(page, 'tabs-overflow');
  // The arrows scroll; the wheel scrolls.
  const end = await scrollLeft(page);
  assert.ok(end > 0, 'the strip is scrolled to show the last tab');
  await page.locator(tid('tabs-left')).click();
  await until('the strip scrolled left', async () => ((await scrollLeft(page)) < end ? true : undefined), 5_000);
  await page.locator(tid('tabbar')).hover();
  await page.mouse.wheel(0, -5000);
  await until('the strip at its start', async () => ((await scrollLeft(page)) === 0 ? true : undefined), 5_000);
  assert.equal(await reachable(page, tabs.first()), true);
  assert.equal(await page.locator(tid('tabs-left')).isDisabled(), true);
  await page.mouse.wheel(0, 400);
  await until('the strip scrolled right by the wheel', async () => ((await scrollLeft(page)) > 0 ? true : undefined), 5_000);
  // The list of open tabs: all ten, the active one marked; picking one shows it.
  await page.locator(tid('tab-list-button')).click();
  const items = page.locator(`${tid('tab-list-menu')} [role="menuitem"]`);
  assert.equal(await items.count(), 10);
  assert.match((await page.locator(`${tid('tab-list-menu')} [aria-current="true"]`).textContent()) ?? '', /\/tab\/10\//);
  await screenshot(page, 'tabs-list');
  await items.nth(0).click();
  assert.equal(await page.locator(tid('tab-list-menu')).count(), 0);
  assert.equal(await tabs.nth(0).getAttribute('class'), 'tab tab-active');
  await page.locator(tid('tabs-right')).click();
  await page.locator(tid('tab-list-button')).click();
  await items.nth(9).click();
  await until('the last tab scrolled into view', async () => ((await wholeInStrip(page, activeTab)) ? true : undefined), 5_000);
  assert.equal(await reachable(page, activeTab), true);
  assert.match(await page.locator(tid('url-input')).inputValue(), /\/tab\/10\//);
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('an import notice stays in its tab; an import or a refused URL drops the old response', T, async () => {
  const { page, log } = await open();
  await page.locator(tid('url-input')).fill(`${stack.target.url}/bytes/100`);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('response-status')).filter({ hasText: '200' }).waitFor();
  await page.locator(tid('import-curl')).click();
  await page.locator(tid('curl-import-text')).fill(`curl ${stack.target.url}/bytes/7`);
  await page.locator(tid('curl-import-button')).click();
  await page.locator(tid('curl-notice')).waitFor();
  // The imported request is new: no response from the request it replaced.
  assert.equal(await page.locator(tid('response-status')).count(), 0);
  await page.locator(tid('new-tab')).click();
  assert.equal(await page.locator(tid('curl-notice')).count(), 0, 'the notice is not in a new tab');
  await page.locator('.tabbar .tab-label').first().click();
  await page.locator(tid('curl-notice')).waitFor();
  // A refused URL: the error, and no response of an earlier request under it.
  await page.locator(tid('send-button')).click();
  await page.locator(tid('response-status')).filter({ hasText: '200' }).waitFor();
  await page.locator(tid('url-input')).fill('http://exa mple.com/');
  await page.locator(tid('send-button')).click();
  await page.locator(tid('url-problem')).waitFor();
  assert.equal(await page.locator(tid('response-status')).count(), 0);
  await screenshot(page, 'tabs-refused-url');
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('the response pane scroll position does not carry over to another tab', T, async () => {
  const { page, log } = await open();
  await page.setViewportSize({ width: 1280, height: 500 });
  const grid = page.locator('.response-grid');
  for (const k of [0, 1]) {
    if (k === 1) await page.locator(tid('new-tab')).click();
    await page.locator(tid('url-input')).fill(`${stack.target.url}/bytes/${3000 + k}`);
    await page.locator(tid('send-button')).click();
    await page.locator(tid('response-time')).waitFor();
  }
  await page.locator('.tabbar .tab-label').first().click();
  await page.locator(tid('response-time')).waitFor();
  const scrolled = await grid.evaluate((e) => ((e.scrollTop = 10_000), e.scrollTop));
  assert.ok(scrolled > 0, 'the response pane scrolls');
  await page.locator('.tabbar .tab-label').nth(1).click();
  await page.locator(tid('response-time')).waitFor();
  assert.equal(await grid.evaluate((e) => e.scrollTop), 0);
  await screenshot(page, 'tabs-scroll-reset');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('the top bar buttons are of one height (Catch is not taller than History)', T, async () => {
  const { page } = await open();
  const height = async (id: string): Promise<number> => Math.round((await page.locator(tid(id)).boundingBox())?.height ?? -1);
  assert.equal(await height('catch-toggle'), await height('history-toggle'));
});

test('a new tab opens on the default sub-tab (Params), not the last one used', T, async () => {
  const { page } = await open();
  await page.locator(tid('composer-tab-headers')).click();
  assert.equal(await page.locator(tid('composer-tab-headers')).getAttribute('aria-selected'), 'true');
  await page.locator(tid('new-tab')).click();
  assert.equal(await page.locator(tid('composer-tab-params')).getAttribute('aria-selected'), 'true');
});
