// The HTML preview end to end in Chromium (browser mode, real core, curl engine), probed
// from outside: the page's own <style> and style attributes render, its <script> does not
// run, a link click (or a form's submit) navigates neither the frame nor the app, and an
// image, a stylesheet, a meta refresh or a nested frame never reaches a loopback server.
// Needs `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot, stackForFile, startPageServer, until, tid } from './support.js';

const T = { timeout: 120_000 };

const stack = stackForFile();
let server: Awaited<ReturnType<typeof startPageServer>> | undefined;
let base = '';
/** Every path the loopback server was asked for, but the page itself. */
const seen: string[] = [];

const page = (origin: string) => `<!doctype html><html><head><title>inner</title>
<style>h1 { color: rgb(1, 2, 3); } .box { margin-left: 37px; background: url(${origin}/from-css.png); }</style>
<link rel="stylesheet" href="${origin}/sheet.css"><meta http-equiv="refresh" content="0;url=${origin}/refreshed"></head>
<body><h1>Styled</h1><p class="box" style="padding-top: 11px">box</p>
<a id="abs" href="${origin}/followed">absolute link</a> <a id="rel" href="/relative">relative link</a> <a id="frag" href="#x">fragment</a>
<img id="pic" src="${origin}/pixel.png" alt="pixel"><img id="self" src="/self.png" alt="self">
<iframe id="nested" src="${origin}/nested"></iframe>
<form action="${origin}/submitted" method="post"><button id="submit">submit</button></form>
<script>document.body.setAttribute('data-ran', 'yes'); parent.postMessage('script ran', '*');</script>
</body></html>`;

before(async () => {
  server = await startPageServer((req, res) => {
    if (req.url === '/styled.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(base));
    seen.push(req.url ?? '');
    res.writeHead(404).end();
  });
  base = server.base;
});

after(async () => {
  await server?.close();
});

test('the HTML preview renders its own styles, runs no script, follows no link, loads nothing', T, async () => {
  const { page: app, log } = await openApp(stack);
  await app.evaluate(() => {
    const w = window as unknown as { __messages: unknown[] };
    w.__messages = [];
    window.addEventListener('message', (e) => w.__messages.push(e.data));
  });
  await app.locator(tid('url-input')).fill(`${base}/styled.html`);
  await app.locator(tid('send-button')).click();
  await app.locator(tid('viewer-html')).click();
  const frame = app.frameLocator(tid('html-preview'));
  const h1 = frame.locator('h1');
  // Styled: the page's <style> and style attribute, read back as computed styles.
  await until('the styled heading', async () => ((await h1.evaluate((e) => getComputedStyle(e).color, undefined, { timeout: 5_000 })) === 'rgb(1, 2, 3)' ? true : undefined));
  const box = frame.locator('.box');
  assert.equal(await box.evaluate((e) => getComputedStyle(e).marginLeft), '37px');
  assert.equal(await box.evaluate((e) => getComputedStyle(e).paddingTop), '11px');
  // Sandboxed, scripts not allowed.
  const sandbox = (await app.locator(tid('html-preview')).getAttribute('sandbox')) ?? '';
  assert.ok(!sandbox.split(/\s+/).includes('allow-scripts'), `sandbox="${sandbox}"`);
  assert.equal(await frame.locator('body').getAttribute('data-ran'), null, 'the script did not run');
  // Links: a click changes nothing.
  const appUrl = app.url();
  for (const id of ['abs', 'rel', 'frag', 'submit']) {
    await frame.locator(`#${id}`).click();
    await app.waitForTimeout(300);
    assert.equal(await h1.textContent(), 'Styled', `the frame stays after a click on #${id}`);
    assert.equal(app.url(), appUrl);
  }
  assert.match((await frame.locator('#abs').getAttribute('title')) ?? '', /followed/, 'the link target is shown on hover');
  await screenshot(app, 'preview-styled');
  await app.waitForTimeout(300);
  assert.deepEqual(seen, [], 'the loopback server saw no request from the preview');
  assert.deepEqual(await app.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages), []);
  assert.equal(await app.title(), 'InetScope');
  assert.deepEqual(log.pageErrors, [], log.dump());
});
