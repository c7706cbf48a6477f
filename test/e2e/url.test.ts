// The one URL check end to end in Chromium (browser mode, real core): the composer names
// what is wrong at the URL field before anything is sent, and the core refuses the same
// URL by itself (a page that skips the composer's check gets the same message).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { openApp, stackForFile, screenshot, until, tid } from './support.js';

const T = { timeout: 120_000 };

const stack = stackForFile();

test('a bad URL is named at the URL field and nothing is sent', T, async () => {
  const { page, log } = await open();
  const url = page.locator(tid('url-input'));
  await url.fill('htp//foo bar');
  await url.blur();
  const problem = page.locator(tid('url-problem'));
  await problem.waitFor();
  assert.equal(await problem.textContent(), '"htp//" is not a scheme: a scheme ends in "://" (e.g. http://).');
  assert.equal(await url.getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'url-problem-scheme');

  await url.fill('http://exa mple.com/');
  await page.locator(tid('send-button')).click();
  await page.locator(tid('url-problem')).filter({ hasText: 'The host "exa mple.com" contains a space.' }).waitFor();
  // Said once, at the field, not again under the request.
  assert.equal(await page.locator(tid('request-error')).count(), 0);
  await screenshot(page, 'url-problem-host');
  const entries = (await stack.core.call('listHistory', { limit: 10, offset: 0 })).entries;
  assert.deepEqual(entries, [], 'nothing was sent');

  // A good URL without a scheme: http:// as curl; the message goes away.
  await url.fill(`${stack.target.url.replace(/^http:\/\//, '')}/bytes/5`);
  assert.equal(await page.locator(tid('url-problem')).count(), 0);
  await page.locator(tid('send-button')).click();
  await page.locator(tid('response-status')).filter({ hasText: '200' }).waitFor();
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('the core refuses a bad URL by itself, with the same message', T, async () => {
  const call = (url: string) => stack.core.call('sendRequest', { id: randomUUID(), request: { url } });
  /** A BAD_REQUEST whose message is the URL check's, as the composer shows it. */
  const refused = (message: RegExp) => (e: unknown) => (e as { code?: string }).code === 'BAD_REQUEST' && message.test((e as Error).message);
  await assert.rejects(call('htp//foo bar'), refused(/^"htp\/\/" is not a scheme: a scheme ends in ":\/\/"/));
  await assert.rejects(call('http://exa mple.com/'), refused(/^the host "exa mple\.com" contains a space/));
  await assert.rejects(call('http://127.0.0.1:99999/'), refused(/^the port 99999 is out of range/));
  await assert.rejects(call('ftp://127.0.0.1/'), refused(/^the URL scheme "ftp" is not supported/));
  // No scheme: the core adds http:// as the composer does.
  const id = randomUUID();
  await stack.core.call('sendRequest', { id, request: { url: `${stack.target.url.replace(/^http:\/\//, '')}/bytes/3` } });
  const entry = await until('the history entry', async () => (await stack.core.call('listHistory', { limit: 10, offset: 0 })).entries.find((e) => e.id === id && e.ok !== undefined));
  assert.equal(entry.url, `${stack.target.url}/bytes/3`);
  assert.equal(entry.ok, true);
});

const open = () => openApp(stack);

