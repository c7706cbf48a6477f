// cURL and code export end to end in Debian's Chromium against browser mode (real core,
// curl engine, loopback echo server): a curl command pasted into the URL field becomes the
// request and the server receives what it says; Copy as cURL writes the command of the
// request to the real clipboard; the Code dialog shows a snippet under the CSP; the import
// dialog parses as you type. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { parseCurlCommand } from '../../domain/curl/command.js';
import { draftToCurl } from '../../domain/curl/serialize.js';
import { openApp, stackForFile, screenshot, until, type PageLog, tid } from './support.js';

const T = { timeout: 120_000 };

const stack = stackForFile({ clipboard: true });

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The history entry of the first request to `url` that finished. */
async function finishedEntry(url: string) {
  return until(`the history entry of ${url}`, async () => (await stack.core.call('listHistory', { limit: 100, offset: 0 })).entries.find((e) => e.url === url && e.ok !== undefined), 60_000);
}

async function echoOf(url: string): Promise<Echo> {
  const entry = await finishedEntry(url);
  assert.equal(entry.ok, true, JSON.stringify(entry));
  const slice = await stack.core.call('readBodySlice', { id: entry.id, offset: 0, length: 1024 * 1024 });
  return JSON.parse(Buffer.from(slice.base64, 'base64').toString('utf8')) as Echo;
}

/** Pastes through the real clipboard: the text is written to it, then Ctrl+V in the field. */
async function pasteInto(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(selector).focus();
  await page.keyboard.press('Control+V');
}

const clipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

function clean(log: PageLog): void {
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
  assert.deepEqual(log.errors(), [], log.dump());
}

test('a curl command pasted into the URL field is the request the server receives', T, async () => {
  const { page, log } = await openApp(stack);
  const url = `${stack.target.url}/echo?src=paste`;
  const cmd = `curl '${url}' \\\n  -X PUT \\\n  -u 'alice:s3cr3t' \\\n  -H 'X-Trace: 42' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{"msg":"it\\'s \\u00e9"}' \\\n  -sS --frobnicate`;
  await pasteInto(page, tid('url-input'), cmd);
  await page.locator(tid('curl-notice')).waitFor();
  assert.equal(await page.locator(tid('url-input')).inputValue(), url);
  assert.equal(await page.locator(tid('method-select')).inputValue(), 'PUT');
  assert.match(await page.locator(tid('curl-notice-title')).innerText(), /Imported from cURL: PUT /);
  assert.deepEqual(await page.locator(tid('curl-warning')).allInnerTexts(), ['Unknown option --frobnicate: ignored.']);
  await page.locator(tid('composer-tab-auth')).click();
  assert.equal(await page.locator(tid('auth-kind-select')).inputValue(), 'basic');
  assert.equal(await page.locator(tid('auth-user')).inputValue(), 'alice');
  await screenshot(page, 'curl-pasted');

  await page.locator(tid('send-button')).click();
  const got = await echoOf(url);
  assert.equal(got.method, 'PUT');
  assert.equal(got.url, '/echo?src=paste');
  assert.equal(got.headers['x-trace'], '42');
  assert.equal(got.headers['content-type'], 'application/json');
  assert.equal(got.headers.authorization, `Basic ${Buffer.from('alice:s3cr3t').toString('base64')}`);
  assert.equal(got.body, '{"msg":"it\'s é"}');

  await page.locator(tid('curl-notice-dismiss')).click();
  assert.equal(await page.locator(tid('curl-notice')).count(), 0);
  clean(log);
});

test('Copy as cURL gives the command of the request; the Code dialog shows a snippet', T, async () => {
  const { page, log } = await openApp(stack);
  const url = `${stack.target.url}/echo?src=copy`;
  await pasteInto(page, tid('url-input'), `curl -H 'Accept: application/json' --json '{"n":1}' -L '${url}'`);
  await page.locator(tid('curl-notice')).waitFor();
  await page.locator(tid('send-button')).click();
  const entry = await finishedEntry(url);
  const { request } = await stack.core.call('loadHistoryEntry', { id: entry.id });

  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator(tid('copy-curl')).click();
  const text = await until('the clipboard to hold the command', async () => ((await clipboard(page)) !== '' ? clipboard(page) : undefined));
  assert.equal(text, draftToCurl(request));
  const back = parseCurlCommand(text).draft;
  assert.equal(back.url, url);
  assert.equal(back.method, 'POST');
  assert.deepEqual(back.body, { kind: 'text', text: '{"n":1}' });

  await page.locator(tid('code-button')).click();
  await page.locator(tid('code-dialog')).waitFor();
  await page.locator(tid('code-language')).selectOption('python-requests');
  const snippet = page.locator(tid('code-snippet'));
  const code = await until('the Python snippet', async () => {
    const t = (await snippet.count()) > 0 ? await snippet.innerText() : '';
    return /requests\.post/.test(t) ? t : undefined;
  });
  assert.ok(code.includes(`${stack.target.url}/echo`), code);
  await page.locator(tid('code-language')).selectOption('go');
  await until('the Go snippet', async () => (/http\.NewRequest\("POST"/.test(await snippet.innerText()) ? true : undefined));
  await page.locator(tid('code-copy')).click();
  await until('the Go snippet on the clipboard', async () => (/package main/.test(await clipboard(page)) ? true : undefined));
  await screenshot(page, 'code-dialog');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(tid('code-dialog')).count(), 0);
  clean(log);
});

test('Import cURL… (Ctrl+Shift+I) parses as you type, names the problem, imports', T, async () => {
  const { page, log } = await openApp(stack);
  await page.keyboard.press('Control+Shift+I');
  const box = page.locator(tid('curl-import-text'));
  await box.waitFor();
  await box.fill(`curl -X DELETE 'http://127.0.0.1:1/items/7`);
  assert.match(await page.locator(tid('curl-import-error')).innerText(), /unterminated ' quote starting at column 16/);
  assert.equal(await page.locator(tid('curl-import-button')).isDisabled(), true);
  await box.fill(`curl -X DELETE 'http://127.0.0.1:1/items/7' -H 'X-A: 1'`);
  assert.equal(await page.locator(tid('curl-import-preview')).innerText(), 'DELETE http://127.0.0.1:1/items/7');
  await page.locator(tid('curl-import-button')).click();
  assert.equal(await page.locator(tid('curl-import-dialog')).count(), 0);
  assert.equal(await page.locator(tid('url-input')).inputValue(), 'http://127.0.0.1:1/items/7');
  assert.equal(await page.locator(tid('method-select')).inputValue(), 'DELETE');

  await page.locator(tid('import-curl')).click();
  await box.waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(tid('curl-import-dialog')).count(), 0);
  clean(log);
});
