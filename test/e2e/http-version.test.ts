// The HTTP version select end to end in Chromium (browser mode, real core, curl engine,
// node:http2 over TLS): HTTP/2 asked for and shown beside the status, PROTOCOL_NEGOTIATED in
// the timeline; HTTP/1.1 asked for on the same server; WinInet's refusal named in the pane.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, screenshot, stackForFile, until, tid, showOptions } from './support.js';
import { startVersionServer, type VersionServer } from '../support/version-servers.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
let h2: VersionServer;

before(async () => void (h2 = await startVersionServer('h2-tls')));
after(async () => await h2?.close());

const text = async (page: Page, id: string) => (await page.locator(tid(id)).textContent().catch(() => '')) ?? '';

async function send(page: Page, path: string): Promise<void> {
  await page.locator(tid('url-input')).fill(`${h2.url}${path}`);
  await page.locator(tid('send-button')).click();
}

test('HTTP/2 asked for over TLS is shown as used; 1.1 asked for is sent as 1.1; WinInet under Wine refuses HTTP/2 by name', T, async () => {
  const { page, log } = await openApp(stack);
  await showOptions(page);
  await page.locator(tid('engine-select')).selectOption('curl');
  await page.getByLabel('Insecure (any certificate)').check();
  await page.locator(tid('http-version-select')).selectOption('2');
  await send(page, '/two');
  await until('HTTP/2 shown', async () => ((await text(page, 'response-version')) === 'HTTP/2' ? true : undefined), 30_000);
  const row = page.locator(`${tid('event-list')} ${tid('event-row')}[data-status="PROTOCOL_NEGOTIATED"]`);
  await row.first().waitFor({ state: 'attached', timeout: 10_000 });
  assert.match((await row.first().textContent()) ?? '', /protocol=HTTP\/2 requested=2/);
  await screenshot(page, 'http-version-h2');
  assert.equal(h2.seen.at(-1), '2.0');

  await page.locator(tid('http-version-select')).selectOption('1.1');
  await send(page, '/one');
  await until('HTTP/1.1 shown', async () => ((await text(page, 'response-version')) === 'HTTP/1.1' ? true : undefined), 30_000);
  assert.equal(h2.seen.at(-1), '1.1');

  await page.locator(tid('engine-select')).selectOption('wininet');
  await page.locator(tid('http-version-select')).selectOption('2');
  const before = h2.seen.length;
  await send(page, '/wine');
  await until('the refusal named', async () => ((await text(page, 'response-error')).includes('HTTP2_UNSUPPORTED') ? true : undefined), 60_000);
  assert.match(await text(page, 'response-error'), /under Wine/);
  await screenshot(page, 'http-version-wininet-refused');
  assert.equal(h2.seen.length, before);
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
