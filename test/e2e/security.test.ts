// Security probes in a real browser (Debian's Chromium on browser mode, docs/security.md):
// the token leaves the address bar, and a page script (what an XSS would run) cannot
// move the downloads folder. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, stackForFile, tid, until } from './support.js';

const T = { timeout: 60_000 };

const stack = stackForFile();

test('PROBE the token is taken out of the address bar at once; a reload still connects', T, async () => {
  const { page, log } = await openApp(stack);
  assert.ok(stack.web.url.includes('token='));
  const href = await page.evaluate(() => location.href);
  assert.ok(!href.includes(stack.web.token), `the token stays in the address bar: ${href}`);
  assert.ok(!href.includes('token='), href);
  await page.reload({ waitUntil: 'load', timeout: 15_000 });
  await until('the connection after a reload', async () =>
    (await page.locator(tid('connection-state')).getAttribute('data-state', { timeout: 5_000 })) === 'connected' ? true : undefined,
  );
  assert.ok(!(await page.evaluate(() => location.href)).includes('token='));
  assert.deepEqual(log.cspViolations(), [], log.dump());
  await page.close();
});

test('PROBE a page script cannot set the downloads folder; the settings show it read-only', T, async () => {
  const { page } = await openApp(stack);
  // What an injected script would do: open its own socket with the tab's token and ask
  // the core to save into an autostart folder.
  const answer = await page.evaluate(async (target) => {
    const token = sessionStorage.getItem('inetscope-token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/ws?token=${token}`);
    await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
    const reply = new Promise<string>((resolve) => (ws.onmessage = (ev) => resolve(String(ev.data))));
    ws.send(JSON.stringify({ kind: 'call', callId: 1, command: 'setSettings', input: { downloadsDir: target } }));
    const text = await reply;
    ws.close();
    return text;
  }, path.join(stack.tmp, '.config', 'autostart'));
  const result = JSON.parse(answer) as { ok: boolean; error?: { code: string } };
  assert.equal(result.ok, false, `the core took the page's downloads folder: ${answer}`);
  assert.equal(result.error?.code, 'BAD_INPUT');
  const settings = await stack.core.call('getSettings', {});
  assert.equal(settings.downloadsDir, path.join(stack.tmp, 'downloads'));

  await page.keyboard.press('Control+,');
  const field = page.locator(tid('settings-downloads'));
  await until('the downloads folder shown', async () => ((await field.inputValue()) === path.join(stack.tmp, 'downloads') ? true : undefined));
  assert.equal(await field.getAttribute('readonly'), '');
  await page.close();
});
