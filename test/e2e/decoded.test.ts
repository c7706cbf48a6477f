// Decoded bodies in Debian's Chromium against browser mode (real core, loopback server
// sending gzip and a corrupt gzip): the viewer opens on the decoded body with both sizes,
// "Wire bytes" switches to the bytes as received, Save writes the view shown, and a
// corrupt coding is a sentence above the wire bytes. Needs `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, screenshot, sendGet, stackForFile, tid, until } from './support.js';
import { startEncodedServer, type EncodedServer } from '../support/encoded-server.js';

const T = { timeout: 60_000 };
const stack = stackForFile();
let srv: EncodedServer;
before(async () => void (srv = await startEncodedServer()));
after(async () => void (await srv?.close()));

/** A file of the downloads folder with exactly these bytes, once Save has written it. */
function savedAs(bytes: Buffer): Promise<string> {
  const dir = path.join(stack.tmp, 'downloads');
  return until('a saved file with the expected bytes', () => {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    return names.map((n) => path.join(dir, n)).find((f) => fs.statSync(f).size === bytes.length && fs.readFileSync(f).equals(bytes));
  });
}

test('a gzip body shows decoded, toggles to its wire bytes, and saves either', T, async () => {
  const { page, log } = await openApp(stack);
  await sendGet(page, `${srv.url}/gzip`);
  await page.locator(tid('body-decoding')).waitFor({ state: 'visible', timeout: 30_000 });
  const wire = srv.routes.get('/gzip')!.wire;
  assert.match((await page.locator(tid('body-sizes')).textContent()) ?? '', /decoded · .* gzip$/);
  assert.equal(await page.locator(tid('body-view-decoded')).getAttribute('aria-pressed'), 'true');
  await until('the decoded text', async () => ((await page.locator(tid('response-body')).textContent()) ?? '').includes('decoded body, line after line') || undefined);
  await screenshot(page, 'decoded-01-decoded');
  await page.locator(tid('save-button')).click({ timeout: 5_000 });
  await savedAs(srv.original);
  await page.locator(tid('body-view-wire')).click({ timeout: 5_000 });
  assert.equal(await page.locator(tid('body-view-wire')).getAttribute('aria-pressed'), 'true');
  await until('the wire view', async () => (!((await page.locator(tid('response-body')).textContent()) ?? '').includes('decoded body, line after line') || undefined));
  assert.equal(await page.locator(tid('save-button')).textContent(), 'Save wire bytes…');
  await screenshot(page, 'decoded-02-wire');
  await page.locator(tid('save-button')).click({ timeout: 5_000 });
  await savedAs(wire);
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('a corrupt gzip is said in a sentence, with the wire bytes still shown', T, async () => {
  const { page, log } = await openApp(stack);
  await sendGet(page, `${srv.url}/corrupt-gzip`);
  const said = await page.locator(tid('decode-error')).textContent({ timeout: 30_000 });
  assert.match(said ?? '', /^Showing the wire bytes: the gzip coding is corrupt \(.+\), within its first \d+ bytes\.$/);
  await page.locator(tid('response-body')).waitFor({ state: 'visible', timeout: 5_000 });
  await screenshot(page, 'decoded-03-corrupt');
  assert.deepEqual(log.pageErrors, [], log.dump());
});
