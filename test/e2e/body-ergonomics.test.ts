// Body ergonomics end to end in Chromium (browser mode, real core, curl engine): the Pretty
// view's CodeMirror search (Ctrl+F, next/previous, the hit selected, marked and scrolled into
// view; its panel readable in dark) beside the Raw view's own search, and the body editor's
// JSON marks and Beautify. Needs `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, stackForFile, screenshot, startPageServer, until, tid } from './support.js';

const T = { timeout: 40_000 };
const stack = stackForFile();
let server: Awaited<ReturnType<typeof startPageServer>> | undefined;
/** 2 000 items (about 6 000 formatted lines), a needle in item 1 900 and item 20. */
const body = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: i === 1900 || i === 20 ? 'NeedleHere' : `item-${i}` })) });

before(async () => {
  server = await startPageServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body));
});
after(async () => void (await server?.close()));

/** WCAG contrast of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('Pretty view: Ctrl+F finds, next/previous move, the hit is in view and marked; Raw search still works', T, async () => {
  const { page, log } = await openApp(stack);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator(tid('url-input')).fill(`${server!.base}/data.json`);
  await page.locator(tid('send-button')).click();
  const editor = page.locator(tid('pretty-editor'));
  await editor.locator('.cm-line').nth(1).waitFor({ state: 'visible' });
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+f');
  const field = editor.locator('.cm-search input[name=search]');
  await field.waitFor({ state: 'visible' });
  await page.keyboard.type('NeedleHere'); // typed: the panel takes its query on keyup
  const current = editor.locator('.cm-searchMatch-selected');
  const place = async () =>
    current.evaluate((m) => {
      const box = m.closest('.cm-scroller')!.getBoundingClientRect();
      const b = m.getBoundingClientRect();
      const line = m.closest('.cm-line')!;
      return { text: m.textContent, inView: b.top >= box.top && b.bottom <= box.bottom, id: line.previousElementSibling?.textContent?.trim() };
    });
  // Next (Enter) reaches item 1 900, far down, within the two hits (where it starts depends
  // on where the click put the cursor).
  let far: Awaited<ReturnType<typeof place>> | undefined;
  for (let i = 0; i < 3 && far?.id !== '"id": 1900,'; i++) {
    await page.keyboard.press('Enter');
    far = await until('a hit', async () => ((await current.count()) === 1 ? place() : undefined));
  }
  assert.ok(far);
  assert.equal(far.text, 'NeedleHere');
  assert.equal(far.inView, true);
  assert.equal(far.id, '"id": 1900,');
  // Previous goes back to item 20, near the top of the document.
  await page.keyboard.press('Shift+Enter');
  const near = await until('the previous hit', async () => {
    const p = (await current.count()) === 1 ? await place() : undefined;
    return p?.id === '"id": 20,' ? p : undefined;
  });
  assert.equal(near.inView, true);
  assert.match((await editor.locator('.cm-content').textContent()) ?? '', /NeedleHere/);
  // The panel is readable in dark: the label and the field against their backgrounds.
  const colours = await editor.locator('.cm-panel.cm-search').evaluate((p) => {
    const input = p.querySelector('input[name=search]')!;
    return { panelFg: getComputedStyle(p).color, panelBg: getComputedStyle(p.parentElement!).backgroundColor, inFg: getComputedStyle(input).color, inBg: getComputedStyle(input).backgroundColor };
  });
  assert.ok(contrast(colours.panelFg, colours.panelBg) >= 4.5, JSON.stringify(colours));
  assert.ok(contrast(colours.inFg, colours.inBg) >= 4.5, JSON.stringify(colours));
  await screenshot(page, 'pretty-search-dark');
  // The Raw view's search is the core's, unchanged.
  await page.locator(tid('viewer-raw')).click();
  await page.locator(tid('body-search')).fill('NeedleHere');
  await page.locator(tid('body-search-count')).filter({ hasText: /^1 of 2$/ }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator(`${tid('body-viewer')} ${tid('search-hit')}`).first().textContent(), 'NeedleHere');
  assert.deepEqual(log.pageErrors, [], log.dump());
  assert.deepEqual(log.cspViolations(), [], log.dump());
  await page.close();
});

test('body editor: JSON that does not parse is marked; Beautify refuses it, then indents it', T, async () => {
  const { page, log } = await openApp(stack);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator(tid('method-select')).selectOption('POST');
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('body-mode-select')).selectOption('raw');
  await page.locator(tid('raw-type-select')).selectOption('json');
  const input = page.locator(tid('body-input'));
  await input.click();
  await page.keyboard.insertText('{"a": 1,, "b": [2]}');
  const mark = page.locator(`${tid('body-editor')} .cm-lintRange-error`);
  await mark.waitFor({ timeout: 5_000 });
  assert.equal(await mark.textContent(), ',');
  await mark.hover();
  await page.locator(`${tid('body-editor')} .cm-tooltip-lint`).filter({ hasText: /JSON/ }).waitFor({ timeout: 5_000 });
  await page.locator(tid('beautify-body')).click();
  assert.match((await page.locator(tid('beautify-error')).textContent()) ?? '', /Not valid JSON: .*position 8/);
  assert.equal(await input.textContent(), '{"a": 1,, "b": [2]}', 'the text is left as it was');
  await screenshot(page, 'body-editor-lint');
  // Fixed, the mark goes once typing pauses, and Beautify indents by two spaces.
  await input.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('{"a": 1, "b": [2]}');
  await until('the mark gone', async () => ((await mark.count()) === 0 ? true : undefined), 5_000);
  await page.locator(tid('beautify-body')).click();
  await until('the indented text', async () => ((await page.locator(`${tid('body-editor')} .cm-line`).count()) === 6 ? true : undefined), 5_000);
  const lines = await page.locator(`${tid('body-editor')} .cm-line`).allTextContents();
  assert.deepEqual(lines, ['{', '  "a": 1,', '  "b": [', '    2', '  ]', '}']);
  assert.equal(await page.locator(tid('beautify-error')).count(), 0);
  assert.deepEqual(log.pageErrors, [], log.dump());
  await page.close();
});
