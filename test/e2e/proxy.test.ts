// The composer's proxy settings end to end in Chromium (browser mode, real core, curl
// engine): a proxy with credentials through tinyproxy's BasicAuth, the route in the response
// summary and PROXY_CHOSEN in the timeline; no credentials named as proxy authentication;
// the no-proxy list going direct; the history keeps no proxy password.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, screenshot, stackForFile, until, tid, showOptions } from './support.js';
import { startTestServer, startTinyproxy, type TestProxy, type TestServer } from '../support/servers.js';

const T = { timeout: 120_000 };
const stack = stackForFile();
let origin: TestServer;
let proxy: TestProxy;

before(async () => void ([origin, proxy] = await Promise.all([startTestServer(), startTinyproxy({ basicAuth: { user: 'pu', password: 'pp' } })])));
after(async () => await Promise.all([origin?.close(), proxy?.close()]));

/** What `read` gives, or `gone` for a file or folder Chromium removed after the listing (its cache churns). */
function ifThere<T>(read: () => T, gone: T): T {
  try {
    return read();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return gone;
    throw e;
  }
}

const filesUnder = (dir: string): string[] =>
  ifThere(() => fs.readdirSync(dir, { withFileTypes: true }), []).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : d.isFile() ? [path.join(dir, d.name)] : []));

const readIfThere = (f: string): string => ifThere(() => fs.readFileSync(f, 'latin1'), '');

const text = async (page: Page, id: string) => (await page.locator(tid(id)).textContent().catch(() => '')) ?? '';

async function send(page: Page, path: string): Promise<void> {
  await page.locator(tid('url-input')).fill(`${origin.url}${path}`);
  await page.locator(tid('send-button')).click();
}

test('proxy, credentials and no-proxy list from the composer; the route in the summary', T, async () => {
  const { page, log } = await openApp(stack);
  await showOptions(page);
  await page.locator(tid('engine-select')).selectOption('curl');
  await page.getByLabel('Proxy', { exact: true }).fill(proxy.url);
  await send(page, '/bytes/3');
  await until('the 407 named', async () => ((await text(page, 'response-error')).includes('proxy authentication required') ? true : undefined), 30_000);
  await screenshot(page, 'proxy-407');

  await page.locator(tid('proxy-user')).fill('pu');
  await page.locator(tid('proxy-password')).fill('pp');
  await send(page, '/headers');
  await until('a 200 through the proxy', async () => ((await text(page, 'response-status')) === '200 OK' ? true : undefined), 30_000);
  assert.equal(await text(page, 'response-route'), `via proxy ${proxy.url}`);
  const row = page.locator(`${tid('event-list')} ${tid('event-row')}[data-status="PROXY_CHOSEN"]`);
  await row.first().waitFor({ state: 'attached', timeout: 10_000 });
  assert.match((await row.first().textContent()) ?? '', /reason=configured/);
  assert.ok(origin.requests.some((r) => r.url === '/headers' && r.headers.via), 'tinyproxy forwarded it');
  await screenshot(page, 'proxy-via');

  await page.locator(tid('no-proxy')).fill('127.0.0.1');
  await send(page, '/bytes/4');
  await until('bypassed', async () => ((await text(page, 'response-route')) === 'direct (proxy bypassed)' && (await text(page, 'response-status')) === '200 OK' ? true : undefined), 30_000);
  await screenshot(page, 'proxy-bypassed');

  // History is on disk in the data dir: no file there (nor in the browser's profile) holds the proxy password.
  await until('history written', () => (filesUnder(stack.tmp).some((f) => readIfThere(f).includes('"proxyAuth"')) ? true : undefined));
  for (const f of filesUnder(stack.tmp)) assert.doesNotMatch(readIfThere(f), /"password":"pp"/, f);
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
