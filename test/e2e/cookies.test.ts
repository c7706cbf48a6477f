// The Cookies view end to end in Chromium (browser mode, real core, the default workspace,
// the curl engine): a loopback server sets a cookie and the view shows it live; its value
// edited in the dialog is what the next request sends (the server records it); the
// composer's Send cookies switch off sends none; the response's Cookies section shows what
// was sent and set (stored or not); a cookie added with a wrong field is named before it is
// saved; delete, a domain's Clear and Clear all (each asked first). A malformed jar file
// found at first use is named at the top of the view and kept aside. Needs `npm run build`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { jarFileName } from '../../core/cookie-store.js';
import { startCookieServer, type CookieServer } from '../support/cookie-server.js';
import { openApp, screenshot, stackForFile, tid, until, showOptions } from './support.js';

const T = { timeout: 120_000 };
const stack = stackForFile();

/** Sends a GET of `path` and waits for its status line. */
async function send(page: Page, srv: CookieServer, path: string, count: number): Promise<void> {
  await page.locator(tid('url-input')).fill(`${srv.url}${path}`);
  await page.locator(tid('send-button')).click();
  await until(`${path} answered`, () => (srv.requests.length >= count ? true : undefined));
  await until('the status line', async () => ((await page.locator(tid('response-status')).textContent())?.startsWith('200') ? true : undefined));
}

const rowValue = (page: Page, name: string) => page.locator(`${tid('cookie-row')}[data-name="${name}"] ${tid('cookie-row-value')}`);

test('cookies: set by a response, shown live, edited, sent, not sent when off, deleted and cleared', T, async () => {
  const srv = await startCookieServer();
  try {
    // Nothing asked for the default workspace's jar yet: a malformed file is found at first use.
    const id = (await stack.core.call('listWorkspaces', {})).open[0]!.id;
    const dir = path.join(stack.tmp, 'data', 'cookies');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, jarFileName(id)), '{"version": 1, "cookies": [{"name": 1}]}');
    const { page, log } = await openApp(stack);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.locator(tid('cookies-toggle')).click();
    await page.locator(tid('cookies-empty')).waitFor({ timeout: 5_000 });
    assert.match((await page.locator(tid('cookies-problem')).textContent()) ?? '', /is not a cookie jar: cookie 1: .*it was kept as .*\.bad-/);
    await screenshot(page, 'cookies-problem');
    assert.equal(fs.readdirSync(dir).filter((n) => n.includes('.bad-')).length, 1);

    // A response sets sid: the view lists it without being asked; the response says it was stored.
    await send(page, srv, '/set-cookie?sid=first', 1);
    await rowValue(page, 'sid').waitFor({ timeout: 5_000 });
    assert.equal(await rowValue(page, 'sid').textContent(), 'first');
    assert.equal(await page.locator(`${tid('cookie-domain')}[data-domain="127.0.0.1"] ${tid('cookie-domain-count')}`).textContent(), '1');
    // The response's Cookies tab (it stays chosen for the next responses).
    await page.locator(tid('response-tab-cookies')).click();
    const setRow = page.locator(`${tid('cookie-set-row')}[data-name="sid"]`);
    assert.equal(await setRow.locator(tid('cookie-set-outcome')).textContent(), 'stored');
    await screenshot(page, 'cookies-view');

    // Keyboard: Tab from the search reaches the row's Edit with a visible focus ring; Enter
    // opens the dialog, Escape closes it.
    await page.locator(tid('cookies-search')).focus();
    await until('Edit focused by Tab', async () => {
      await page.keyboard.press('Tab');
      return (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'cookie-edit' ? true : undefined;
    }, 5_000);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none');
    await page.keyboard.press('Enter');
    await page.locator(tid('cookie-dialog')).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    await page.locator(tid('cookie-dialog')).waitFor({ state: 'detached', timeout: 5_000 });

    // Edited in the dialog (keyboard: Enter submits): the next request sends the new value.
    await page.locator(`${tid('cookie-row')}[data-name="sid"] ${tid('cookie-edit')}`).click();
    const dialog = page.locator(tid('cookie-dialog'));
    await dialog.waitFor({ timeout: 5_000 });
    await dialog.locator(tid('cookie-value')).fill('edited');
    await screenshot(page, 'cookies-edit-dialog');
    await dialog.locator(tid('cookie-name')).press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    await until('the edited value', async () => ((await rowValue(page, 'sid').textContent()) === 'edited' ? true : undefined));
    await send(page, srv, '/echo', 2);
    assert.equal(srv.to('/echo').at(-1)?.cookie, 'sid=edited');
    assert.match((await page.locator(tid('cookies-sent')).textContent()) ?? '', /sidedited/);
    await screenshot(page, 'cookies-response-section');

    // The composer's switch off, kept across a reload (the tab session): nothing sent; back on: sent again.
    await showOptions(page);
    await page.locator(tid('send-cookies')).uncheck();
    const session = path.join(stack.tmp, 'data', 'session.json');
    await until('the session saved', () => (fs.existsSync(session) && fs.readFileSync(session, 'utf8').includes('"sendCookies":false') ? true : undefined));
    await page.reload({ waitUntil: 'load' });
    await showOptions(page);
    await page.locator(tid('send-cookies')).waitFor({ timeout: 15_000 });
    await until('connected again', async () => ((await page.locator(tid('connection-state')).getAttribute('data-state')) === 'connected' ? true : undefined));
    assert.equal(await page.locator(tid('send-cookies')).isChecked(), false);
    await rowValue(page, 'sid').waitFor({ timeout: 5_000 });
    await send(page, srv, '/echo', 3);
    assert.equal(srv.to('/echo').at(-1)?.cookie, undefined);
    await page.locator(tid('cookies-sent-none')).waitFor({ timeout: 5_000 });
    await page.locator(tid('send-cookies')).check();
    await send(page, srv, '/echo', 4);
    assert.equal(srv.to('/echo').at(-1)?.cookie, 'sid=edited');

    // Added by hand: a wrong name is named and Save waits; fixed, it is listed and sent.
    await page.locator(tid('cookie-add')).click();
    assert.equal(await dialog.locator(tid('cookie-domain')).inputValue(), '127.0.0.1', "the active tab's host");
    await dialog.locator(tid('cookie-name')).fill('a b');
    await dialog.locator('[role="alert"]', { hasText: 'A cookie name is a token' }).waitFor({ timeout: 5_000 });
    assert.equal(await dialog.locator(tid('cookie-save')).isDisabled(), true);
    await screenshot(page, 'cookies-dialog-error');
    await dialog.locator(tid('cookie-name')).fill('theme');
    await dialog.locator(tid('cookie-value')).fill('dark');
    await dialog.locator(tid('cookie-save')).click();
    await rowValue(page, 'theme').waitFor({ timeout: 5_000 });
    await send(page, srv, '/echo', 5);
    assert.match(srv.to('/echo').at(-1)?.cookie ?? '', /^(sid=edited; theme=dark|theme=dark; sid=edited)$/);

    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'cookies-view-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Delete one; a domain's Clear asks, Cancel keeps; Clear all asks and empties the jar.
    await page.locator(`${tid('cookie-row')}[data-name="theme"] ${tid('cookie-delete')}`).click();
    await rowValue(page, 'theme').waitFor({ state: 'detached', timeout: 5_000 });
    await page.locator(tid('cookie-domain-clear')).click();
    const confirm = page.locator(tid('cookie-clear-confirm'));
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await page.locator(tid('cookie-row')).count(), 1);
    await page.locator(tid('cookie-domain-clear')).click();
    await confirm.locator(tid('cookie-clear-yes')).click();
    await page.locator(tid('cookies-empty')).waitFor({ timeout: 5_000 });
    await send(page, srv, '/set-cookie?a=1&b=2', 6);
    await until('two cookies', async () => ((await page.locator(tid('cookie-row')).count()) === 2 ? true : undefined));
    await page.locator(tid('cookies-clear-all')).click();
    assert.match((await confirm.textContent()) ?? '', /2 cookies of this workspace will be deleted/);
    await screenshot(page, 'cookies-clear-all');
    await confirm.locator(tid('cookie-clear-yes')).click();
    await page.locator(tid('cookies-empty')).waitFor({ timeout: 5_000 });
    assert.deepEqual((await stack.core.call('listCookies', { id })).cookies, []);

    assert.deepEqual(log.errors(), [], log.dump());
    assert.deepEqual(log.cspViolations(), []);
  } finally {
    await srv.close();
  }
});
