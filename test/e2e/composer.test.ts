// The composer end to end in Debian's Chromium against browser mode (real core, curl
// engine): the query table ↔ URL, a raw JSON body under the CSP, a 100 MB file uploaded from
// the page in chunks, basic auth. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, type PageLog, tid } from './support.js';

const T = { timeout: 120_000 };

const stack = stackForFile();

const open = (): Promise<{ page: Page; log: PageLog }> => openApp(stack);

/** The stored response body of the history entry for `url`, once it finished. */
async function responseOf(url: string, ms = 60_000): Promise<Buffer> {
  const entry = await until(
    `the history entry of ${url}`,
    async () => (await stack.core.call('listHistory', { limit: 100, offset: 0 })).entries.find((e) => e.url === url && e.ok !== undefined),
    ms,
  );
  assert.equal(entry.ok, true, JSON.stringify(entry));
  const slice = await stack.core.call('readBodySlice', { id: entry.id, offset: 0, length: 4 * 1024 * 1024 });
  return Buffer.from(slice.base64, 'base64');
}

async function paramRows(page: Page): Promise<Array<[boolean, string, string]>> {
  return page.locator(`${tid('params-table')} ${tid('params-table-row')}`).evaluateAll((trs) =>
    trs.map((tr) => {
      const inputs = [...tr.querySelectorAll('input')] as HTMLInputElement[];
      return [inputs[0]!.checked, inputs[1]!.value, inputs[2]!.value] as [boolean, string, string];
    }),
  );
}

test('the params table and the URL follow each other', T, async () => {
  const { page, log } = await open();
  const url = page.locator(tid('url-input'));
  await url.fill(`${stack.target.url}/echo?a=1&b=two%20words#frag`);
  await page.locator(tid('composer-tab-params')).click();
  assert.deepEqual(await paramRows(page), [[true, 'a', '1'], [true, 'b', 'two words']]);

  const rows = page.locator(`${tid('params-table')} ${tid('params-table-row')}`);
  await rows.nth(1).locator('input').nth(2).fill('2');
  assert.equal(await url.inputValue(), `${stack.target.url}/echo?a=1&b=2#frag`);
  await rows.nth(0).locator('input').nth(0).uncheck();
  assert.equal(await url.inputValue(), `${stack.target.url}/echo?b=2#frag`);
  await page.locator(tid('params-table-add')).click();
  await rows.nth(2).locator('input').nth(1).fill('c d');
  assert.equal(await url.inputValue(), `${stack.target.url}/echo?b=2&c%20d=#frag`);

  // Typing in the URL rewrites the enabled rows; the disabled row stays where it was.
  await url.fill(`${stack.target.url}/echo?x=9&y=`);
  assert.deepEqual(await paramRows(page), [[false, 'a', '1'], [true, 'x', '9'], [true, 'y', '']]);
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('a raw JSON body: no CSP violation, sent with its type', T, async () => {
  const { page, log } = await open();
  await page.locator(tid('method-select')).selectOption('POST');
  const url = `${stack.target.url}/echo`;
  await page.locator(tid('url-input')).fill(url);
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('raw-type-select')).selectOption('json');
  await page.locator(tid('body-input')).fill('{"a": 1}');
  await screenshot(page, 'e2e-composer-raw-json');
  await page.locator(tid('send-button')).click();
  const echo = JSON.parse((await responseOf(url)).toString('utf8')) as { body: string; headers: Record<string, string> };
  assert.equal(echo.body, '{"a": 1}');
  assert.equal(echo.headers['content-type'], 'application/json');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('a 100 MB file chosen in the page uploads in chunks with progress and arrives byte-exact', T, async () => {
  const file = path.join(stack.tmp, 'big.bin');
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < 100; i++) {
    const block = randomBytes(1_000_000);
    hash.update(block);
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
  const sha256 = hash.digest('hex');

  const { page, log } = await open();
  await page.locator(tid('method-select')).selectOption('PUT');
  const url = `${stack.target.url}/upload`;
  await page.locator(tid('url-input')).fill(url);
  await page.locator(tid('composer-tab-body')).click();
  await page.locator(tid('body-mode-select')).selectOption('binary');
  await page.locator(tid('binary-file-input')).setInputFiles(file);
  await page.locator(tid('send-button')).click();
  const progress = page.locator(tid('staging-progress'));
  await progress.filter({ hasText: /Uploading big\.bin: [\d.]+ of 100\.0 MB \(\d+%\)/ }).waitFor({ timeout: 30_000 });
  const r = JSON.parse((await responseOf(url, 90_000)).toString('utf8')) as { bytes: number; sha256: string };
  assert.equal(r.bytes, 100_000_000);
  assert.equal(r.sha256, sha256);
  assert.match((await progress.textContent()) ?? '', /Uploaded big\.bin/);
  // The staged copy is gone once the request is over.
  assert.deepEqual(fs.readdirSync(path.join(stack.tmp, 'data', 'uploads')), []);
  await screenshot(page, 'e2e-composer-upload');
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('basic auth from the auth tab arrives as an Authorization header', T, async () => {
  const { page, log } = await open();
  const url = `${stack.target.url}/headers`;
  await page.locator(tid('url-input')).fill(url);
  await page.locator(tid('composer-tab-auth')).click();
  await page.locator(tid('auth-kind-select')).selectOption('basic');
  await page.locator(tid('auth-user')).fill('alice');
  await page.locator(tid('auth-password')).fill('pässword');
  await page.locator(tid('send-button')).click();
  const got = JSON.parse((await responseOf(url)).toString('utf8')) as { headers: Record<string, string> };
  assert.equal(got.headers.authorization, `Basic ${Buffer.from('alice:pässword', 'utf8').toString('base64')}`);
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('{{variables}} in the URL are highlighted: a built-in defined, an undefined one red with its hover text, and the core refuses to send it', T, async () => {
  const { page, log } = await open();
  const url = page.locator(tid('url-input'));
  const typed = `${stack.target.url}/echo/{{$guid}}?key={{ apiKey }}`;
  await url.fill(typed);
  const tokens = page.locator(`.request-line ${tid('var-token')}`);
  await until('two highlighted variables', async () => ((await tokens.count()) === 2 ? true : undefined));
  assert.deepEqual(await tokens.evaluateAll((els) => els.map((e) => [e.textContent, e.className])), [
    ['{{$guid}}', 'var-defined'],
    ['{{ apiKey }}', 'var-undefined'],
  ]);
  // Red: the tint's red channel dominates.
  const [r, g, b] = (await tokens.nth(1).evaluate((e) => getComputedStyle(e).backgroundColor)).match(/[\d.]+/g)!.map(Number);
  assert.ok(r! > g! && r! > b!, `undefined is tinted red: ${String([r, g, b])}`);
  // Each reference lies under its own text: hovering it names it.
  const box = (await tokens.nth(1).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await until('the hover text of {{apiKey}}', async () => ((await url.getAttribute('title')) === '{{apiKey}}: undefined variable' ? true : undefined));
  const guid = (await tokens.nth(0).boundingBox())!;
  await page.mouse.move(guid.x + guid.width / 2, guid.y + guid.height / 2);
  await until('the hover text of {{$guid}}', async () => ((await url.getAttribute('title')) === '{{$guid}}: a new GUID at each use' ? true : undefined));
  assert.equal(await page.locator(tid('url-problem')).count(), 0, 'a template URL is not refused by the composer');
  // The query table highlights its values too.
  await page.locator(tid('composer-tab-params')).click();
  assert.equal(await page.locator(`${tid('params-table')} ${tid('var-token')}.var-undefined`).count(), 1);
  await screenshot(page, 'composer-variables');

  const seen = stack.target.requests.length;
  await page.locator(tid('send-button')).click();
  const error = page.locator(tid('request-error'));
  await error.waitFor({ state: 'visible', timeout: 10_000 });
  assert.match((await error.textContent()) ?? '', /\{\{apiKey\}\} is not defined, used in url/);
  assert.equal(stack.target.requests.length, seen, 'nothing reached the server');
  assert.equal(await url.inputValue(), typed, 'the draft keeps the template');
  await screenshot(page, 'composer-variables-refused');

  // A URL longer than the field: scrolled to its end, the highlight scrolls with the text.
  await url.fill(`${stack.target.url}/${'long/'.repeat(60)}{{tail}}`);
  await url.press('End');
  const tail = page.locator(`.request-line ${tid('var-token')}`);
  await until('the scrolled highlight', async () => {
    const [t, u] = [await tail.boundingBox(), await url.boundingBox()];
    return t && u && t.x > u.x && t.x + t.width <= u.x + u.width ? true : undefined;
  });
  const tb = (await tail.boundingBox())!;
  await page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2);
  await until('the hover text of {{tail}}', async () => ((await url.getAttribute('title')) === '{{tail}}: undefined variable' ? true : undefined));
  await screenshot(page, 'composer-variables-scrolled');
  assert.deepEqual(log.pageErrors, [], log.dump());
});
