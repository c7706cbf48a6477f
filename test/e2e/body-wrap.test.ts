// The raw viewer's Wrap and the body editor's Beautify XML, end to end in Chromium (browser
// mode, real core, curl engine): a 66 KB single-line body scrolls sideways until Wrap cuts it
// to the viewer's width; a search hit near its end is then scrolled into view and marked
// with no sideways scroll; Wrap is remembered across a reload. Beautify XML re-indents
// between tags only, names a malformed document's line and column and leaves the text; the
// beautified body is what is sent. Needs `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, startPageServer, until, tid } from './support.js';

const T = { timeout: 60_000 };
const NEEDLE = 'WrappedNeedle';
const LINE = (() => {
  const s = 'lorem ipsum dolor sit amet '.repeat(2500); // ~66 KB, no newline
  const at = Math.floor(s.length * 0.9);
  return `${s.slice(0, at)}${NEEDLE}${s.slice(at)}`;
})();

const stack = stackForFile();
let server: Awaited<ReturnType<typeof startPageServer>> | undefined;
before(async () => {
  server = await startPageServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(LINE));
});
after(async () => void (await server?.close()));

/** The raw viewer's scroller: how far it scrolls sideways and whether the hit is inside it. */
const scroller = (page: Page) =>
  page.locator(`${tid('body-viewer')} .vscroll`).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = el.querySelector('[data-testid="search-hit"]');
    const b = hit?.getBoundingClientRect();
    return {
      sideways: el.scrollWidth - el.clientWidth,
      hit: b ? { text: hit?.textContent, inView: b.top >= box.top && b.bottom <= box.bottom && b.left >= box.left && b.right <= box.right } : undefined,
    };
  });

test('Wrap: a 66 KB line cut to the width, a search hit in view and marked, remembered across a reload', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator(tid('url-input')).fill(`${server!.base}/line`);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('raw-rows')).waitFor({ timeout: 30_000 });
  const wrap = page.locator(tid('raw-wrap'));
  assert.equal(await wrap.getAttribute('aria-pressed'), 'false', 'Wrap starts off');
  assert.ok((await scroller(page)).sideways > 1000, 'unwrapped, the line scrolls sideways');
  await wrap.click();
  assert.equal(await wrap.getAttribute('aria-pressed'), 'true');
  await until('the rows cut to the width', async () => ((await scroller(page)).sideways <= 1 ? true : undefined));
  await page.locator(tid('body-search')).fill(NEEDLE.toLowerCase());
  const seen = await until('the hit in view', async () => {
    const s = await scroller(page);
    return s.hit?.inView ? s : undefined;
  });
  assert.equal(seen.hit?.text, NEEDLE);
  assert.ok(seen.sideways <= 1, 'still no sideways scroll with the hit shown');
  await screenshot(page, 'body-wrap-hit');
  // The choice is the layout's: a reload keeps it.
  await page.reload();
  await page.locator(tid('send-button')).waitFor();
  await page.locator(tid('send-button')).click();
  await page.locator(tid('raw-rows')).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(tid('raw-wrap')).getAttribute('aria-pressed'), 'true', 'kept across a reload');
  await page.locator(tid('raw-wrap')).click();
  await until('unwrapped again', async () => ((await scroller(page)).sideways > 1000 ? true : undefined));
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});

const XML_TYPED = '<?xml version="1.0"?><order id="7"><item sku="a>b">two  spaces</item><note><![CDATA[<raw>]]></note><empty/></order>';
const XML_BEAUTIFIED = ['<?xml version="1.0"?>', '<order id="7">', '  <item sku="a>b">two  spaces</item>', '  <note><![CDATA[<raw>]]></note>', '  <empty/>', '</order>'].join('\n');

test('Beautify XML: indents between tags only, names a malformed place and leaves it; the beautified body is sent', T, async () => {
  const { page, log } = await openApp(stack);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator(tid('method-select')).selectOption('POST');
  await page.locator(tid('url-input')).fill(`${stack.target.url}/echo`);
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('body-mode-select')).selectOption('raw');
  await page.locator(tid('raw-type-select')).selectOption('xml');
  const editor = page.locator(tid('body-input'));
  const text = async (): Promise<string> => editor.evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent ?? '').join('\n'));
  await editor.fill('<a><b>x</a>');
  await page.locator(tid('beautify-body')).click();
  assert.equal(await page.locator(tid('beautify-error')).textContent(), 'Not valid XML: </a> at line 1, column 8 where </b> was expected');
  assert.equal(await text(), '<a><b>x</a>', 'a malformed document is left as typed');
  await editor.fill(XML_TYPED);
  assert.equal(await page.locator(tid('beautify-error')).count(), 0, 'an edit clears the last verdict');
  await page.locator(tid('beautify-body')).click();
  await until('the beautified text', async () => ((await text()) === XML_BEAUTIFIED ? true : undefined));
  await screenshot(page, 'body-beautify-xml');
  await page.locator(tid('send-button')).click();
  await until('the echo', async () => ((await page.locator(tid('response-status')).textContent())?.includes('200') ? true : undefined), 30_000);
  await page.locator(tid('viewer-raw')).click();
  const raw = await page.locator(tid('raw-rows')).textContent();
  assert.ok(raw?.includes(JSON.stringify(XML_BEAUTIFIED).slice(1, -1)), 'the server received the beautified body');
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});
