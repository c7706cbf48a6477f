// The composer's raw body editor (CodeMirror 6 in a shadow root) end to end in Chromium
// against browser mode under the app's CSP (style-src 'self', no 'unsafe-inline'): typing,
// line breaks, deleting across lines, undo, highlighting, bracket matching and Ctrl+Enter
// report no CSP violation, and the typed body is what the server receives. Needs
// `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, type PageLog, tid } from './support.js';

const T = { timeout: 120_000 };

const stack = stackForFile();

declare global {
  interface Window {
    __csp?: string[];
  }
}

/** The app on a POST to `url` with a raw body of `type`, violations recorded from the start. */
async function open(url: string, type: 'json' | 'xml' | 'text'): Promise<{ page: Page; log: PageLog }> {
  const opened = await openApp(stack);
  const { page } = opened;
  // securitypolicyviolation is composed and bubbles: ones from the shadow root land here too.
  await page.evaluate(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp!.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
  });
  await page.locator(tid('method-select')).selectOption('POST');
  await page.locator(tid('url-input')).fill(url);
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('raw-type-select')).selectOption(type);
  await page.locator(tid('body-input')).waitFor({ state: 'visible' });
  return opened;
}

async function violations(page: Page, log: PageLog): Promise<string[]> {
  return [...((await page.evaluate(() => window.__csp ?? [])) as string[]), ...log.cspViolations()];
}

/** The echo route's answer, from the finished history entry for `url`. */
async function echoOf(url: string): Promise<{ body: string; headers: Record<string, string> }> {
  const entry = await until(
    `the history entry of ${url}`,
    async () => (await stack.core.call('listHistory', { limit: 100, offset: 0 })).entries.find((e) => e.url === url && e.ok !== undefined),
    60_000,
  );
  assert.equal(entry.ok, true, JSON.stringify(entry));
  const slice = await stack.core.call('readBodySlice', { id: entry.id, offset: 0, length: 1024 * 1024 });
  return JSON.parse(Buffer.from(slice.base64, 'base64').toString('utf8')) as { body: string; headers: Record<string, string> };
}

/** What the shadow root shows: the colour of a string value, gutters, matched brackets. */
async function editorDom(page: Page): Promise<{ stringColor: string; lineColor: string; lineNumbers: number; foldGutter: boolean; matching: number; styledSpans: number }> {
  return page.locator(tid('body-editor')).evaluate((host) => {
    const root = host.shadowRoot!;
    const line = root.querySelector('.cm-line')!;
    const str = [...root.querySelectorAll('.cm-line span')].find((s) => s.textContent === '"cm"' && s.className !== '');
    return {
      stringColor: str ? getComputedStyle(str).color : '',
      lineColor: getComputedStyle(line).color,
      lineNumbers: root.querySelectorAll('.cm-lineNumbers .cm-gutterElement').length,
      foldGutter: root.querySelector('.cm-foldGutter') !== null,
      matching: root.querySelectorAll('.cm-matchingBracket').length,
      // Spans Chromium's editing may add to keep a style; CodeMirror must redraw them away.
      styledSpans: root.querySelectorAll('.cm-content [style]:not(.cm-placeholder)').length,
    };
  });
}

test('typing JSON: highlighted, no CSP violation, Ctrl+Enter sends exactly the typed body', T, async () => {
  const url = `${stack.target.url}/echo`;
  const { page, log } = await open(url, 'json');
  const input = page.locator(tid('body-input'));
  assert.equal(await input.getAttribute('contenteditable'), 'true');
  await input.click();
  // Line breaks (CodeMirror indents the new lines), a join across lines with Backspace,
  // and an undone word.
  await page.keyboard.type('{');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"name": "cm",');
  await page.keyboard.press('Enter');
  await page.keyboard.type('x');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"list": [1, 2, {"ok": true}]');
  await page.waitForTimeout(600); // past the history's grouping delay
  await page.keyboard.type(' junk');
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('Enter');
  await page.keyboard.type('}');
  const typed = '{\n  "name": "cm",\n  "list": [1, 2, {"ok": true}]\n}';

  const dom = await until('the highlighted tokens', async () => {
    const d = await editorDom(page);
    return d.stringColor !== '' ? d : undefined;
  });
  assert.notEqual(dom.stringColor, dom.lineColor, 'string tokens are coloured');
  assert.equal(dom.lineNumbers >= 4, true, JSON.stringify(dom));
  assert.equal(dom.foldGutter, true);
  assert.equal(dom.matching, 2, 'the closing brace just typed and its opener are matched');
  assert.equal(dom.styledSpans, 0);
  await screenshot(page, 'e2e-editor-json');

  // The global shortcut, with the focus in the editor.
  assert.equal(await input.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el), true);
  await page.keyboard.press('ControlOrMeta+Enter');
  const echo = await echoOf(url);
  assert.equal(echo.body, typed);
  assert.equal(echo.headers['content-type'], 'application/json');
  // Enter with Ctrl did not also land in the document.
  assert.deepEqual(await input.locator('.cm-line').allTextContents(), typed.split('\n'));

  assert.deepEqual(await violations(page, log), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('fill replaces the body; XML highlights; switching types keeps the text', T, async () => {
  const url = `${stack.target.url}/echo?xml`;
  const { page, log } = await open(url, 'xml');
  const input = page.locator(tid('body-input'));
  await input.fill('<a x="1"><b>text</b></a>');
  await input.fill('<root attr="v"><item>1</item></root>');
  const tags = await until('highlighted XML', async () => {
    const n = await page.locator(tid('body-editor')).evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('.cm-line span')].filter((s) => s.className !== '' && /^(root|item|attr|"v")$/.test(s.textContent ?? '')).length,
    );
    return n >= 3 ? n : undefined;
  });
  assert.equal(tags >= 3, true);
  await page.locator(tid('raw-type-select')).selectOption('text');
  assert.equal(await page.locator(tid('body-input')).textContent(), '<root attr="v"><item>1</item></root>');
  await page.locator(tid('send-button')).click();
  const echo = await echoOf(url);
  assert.equal(echo.body, '<root attr="v"><item>1</item></root>');
  assert.deepEqual(await violations(page, log), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
