// The timeline as a response tab (a remembered choice against the pane beside the
// response), the composer's Options tab and its count, and the event list's hop headings
// sticking under its column header, in Chromium (browser mode, real core, curl engine).
// Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, stackForFile, screenshot, until, tid, sendAndWait, freshLayout } from './support.js';

const T = { timeout: 60_000 };
const stack = stackForFile();

test('the timeline in a response tab: its events, no pane, the choice kept across a reload', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await freshLayout(page);
  await sendAndWait(page, `${stack.target.url}/redirect/2`);
  assert.equal(await page.locator(tid('splitter-timeline')).count(), 1, 'the pane by default');
  assert.equal(await page.locator(tid('response-tab-timeline')).count(), 0, 'no tab while the pane shows it');
  const toggle = page.locator(tid('timeline-place-toggle'));
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator(tid('splitter-timeline')).count(), 0, 'the pane and its splitter are gone');
  await page.locator(tid('response-tab-timeline')).click();
  const count = Number(await page.locator(tid('event-count')).textContent());
  assert.ok(count > 10, `${count} events`);
  assert.equal(await page.locator(tid('response-tab-timeline')).textContent(), `Timeline (${count})`);
  assert.equal(await page.locator('#response-tab-panel ' + tid('hop-section')).count(), 3, 'a heading per hop');
  await page.locator('#response-tab-panel .waterfall').waitFor();
  await screenshot(page, 'layout-tabs-timeline-1400');
  await page.setViewportSize({ width: 1000, height: 700 });
  await screenshot(page, 'layout-tabs-timeline-1000');
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.reload();
  await page.locator(tid('send-button')).waitFor();
  await sendAndWait(page, `${stack.target.url}/redirect/1`);
  assert.equal(await page.locator(tid('timeline-place-toggle')).getAttribute('aria-pressed'), 'true', 'kept');
  assert.equal(await page.locator(tid('response-tab-timeline')).getAttribute('aria-selected'), 'true', 'the tab chosen is kept');
  assert.equal(await page.locator(tid('splitter-timeline')).count(), 0);
  await page.locator(tid('timeline-place-toggle')).click();
  assert.equal(await page.locator(tid('splitter-timeline')).count(), 1, 'back to the pane');
  assert.equal(await page.locator(tid('response-tab-body')).getAttribute('aria-selected'), 'true', 'Body while the tab is not offered');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('the Options tab counts the options set and names them in its title', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  const tab = page.locator(tid('composer-tab-options'));
  await tab.click();
  // The tab starts on the settings' default engine (curl in this stack), which is not counted; nor is auto.
  assert.equal(await page.locator(tid('engine-select')).inputValue(), 'curl');
  assert.equal(await tab.textContent(), 'Options');
  await page.locator(tid('engine-select')).selectOption('auto');
  assert.equal(await tab.textContent(), 'Options');
  await page.locator(tid('engine-select')).selectOption('wininet');
  await page.getByLabel('Insecure (any certificate)').check();
  assert.equal(await tab.textContent(), 'Options (2)');
  assert.equal(await tab.getAttribute('title'), 'Set: engine wininet, insecure');
  await page.locator(tid('composer-tab-params')).click();
  assert.equal(await page.locator(tid('engine-select')).count(), 0, 'the options are behind their tab');
  assert.equal(await tab.textContent(), 'Options (2)', 'and still counted');
  await screenshot(page, 'layout-tabs-options-1400');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('scrolled, a hop heading sticks under the column header without overlapping it', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await freshLayout(page);
  await sendAndWait(page, `${stack.target.url}/redirect/5`);
  const list = page.locator(tid('event-list'));
  // Scroll the second hop's heading half under the header row.
  await list.evaluate((el) => {
    const h = el.querySelectorAll('[data-testid="hop-section"]')[1] as HTMLElement;
    el.scrollTop = h.offsetTop - 9 - el.querySelector<HTMLElement>('.event-head')!.offsetHeight;
  });
  await until('the scroll to land', async () => ((await list.evaluate((el) => el.scrollTop)) > 0 ? true : undefined));
  const head = await page.locator('.event-list .event-head').boundingBox();
  assert.ok(head);
  const headings = await page.locator(tid('hop-section')).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (const b of headings) assert.ok(b.y >= head.y + head.height - 0.5 || b.y + b.height <= head.y + 0.5, `a heading at ${b.y} overlaps the header at ${head.y}`);
  // What shows at the header's place is the header.
  const top = await page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('.event-row')?.className ?? '', [head.x + 40, head.y + head.height / 2]);
  assert.match(top, /event-head/);
  await screenshot(page, 'layout-tabs-sticky-1400');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});
