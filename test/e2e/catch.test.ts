// The Catch panel end to end in Debian's Chromium against browser mode (real core, curl
// engine): start the catch server from the UI, a request caught live with its server-side
// timeline and the response sent, its body saved, a partial body marked, and Compose
// turning it into a request that the app sends (back to the catch server). Needs `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { openApp, stackForFile, screenshot, until, tid } from './support.js';

const T = { timeout: 120_000 };
const stack = stackForFile();

function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a request caught live, inspected, saved and composed into a new request', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('catch-toggle')).click();
  await page.locator(tid('catch-start')).click();
  const url = (await page.locator(tid('catch-url')).textContent({ timeout: 10_000 })) ?? '';
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);

  const body = JSON.stringify({ event: 'push', items: [1, 2, 3] });
  const sent = await post(`${url}hook?x=1`, body, { 'Content-Type': 'application/json', 'X-Sig': 'sig-123' });
  assert.equal(sent.status, 200);
  const summary = JSON.parse(sent.text);
  assert.equal(summary.bodySha256, createHash('sha256').update(body).digest('hex'));

  const item = page.locator(tid('caught-item')).first();
  await item.waitFor({ timeout: 10_000 });
  await until('the caught request to be done', async () => ((await item.getAttribute('data-state')) === 'done' ? true : undefined));
  await item.click();
  assert.equal(await page.locator(tid('caught-request-line')).textContent(), 'POST /hook?x=1 HTTP/1.1');
  assert.match((await page.locator(tid('caught-headers')).textContent()) ?? '', /X-Sigsig-123/);
  await page.locator(`${tid('caught-detail')} ${tid('viewer-raw')}`).click();
  await until('the body in the raw viewer', async () => ((await page.locator(`${tid('caught-detail')} .catch-body`).textContent())?.includes('"items"') ? true : undefined));
  const types = await page.locator(tid('catch-event-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
  for (const t of ['CONNECTION_ACCEPTED', 'REQUEST_HEADERS_READ', 'BODY_CHUNK_READ', 'BODY_READ_COMPLETE', 'RESPONSE_HEADERS_WRITTEN', 'BODY_WRITE_COMPLETED', 'SESSION_DONE']) {
    assert.ok(types.includes(t), `${t} in ${types.join(' ')}`);
  }
  assert.match((await page.locator(tid('caught-response-preview')).textContent()) ?? '', new RegExp(summary.bodySha256));
  assert.equal(await page.locator(tid('caught-response-status')).textContent(), '200');

  await page.locator(tid('caught-save')).click();
  const saved = (await page.locator(tid('caught-save-result')).textContent({ timeout: 10_000 })) ?? '';
  const savedPath = /to (.+)$/.exec(saved)?.[1];
  assert.ok(savedPath && fs.readFileSync(savedPath, 'utf8') === body, saved);
  assert.equal(path.dirname(savedPath), path.join(stack.tmp, 'downloads'));
  await screenshot(page, 'catch-panel');

  // Compose: a new tab with the caught request, sent back to the catch server by the app.
  await page.locator(tid('caught-compose')).click();
  await page.locator(tid('url-input')).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator(tid('url-input')).inputValue(), `${url}hook?x=1`);
  assert.equal(await page.locator(tid('method-select')).inputValue(), 'POST');
  await page.locator(tid('url-input')).fill(`${url}again`);
  await page.locator(tid('send-button')).click();
  const again = await until('the composed request to be caught', async () => {
    const list = await stack.core.call('listCaught', { limit: 10 });
    return list.requests.find((r) => r.path === '/again' && r.state === 'done');
  });
  assert.equal(again.method, 'POST');
  assert.equal(again.bodySha256, summary.bodySha256);
  assert.ok(again.headers.some(([k, v]) => k === 'X-Sig' && v === 'sig-123'));
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.errors(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('a client that disconnects mid-body shows as aborted, its body partial', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('catch-toggle')).click();
  const url = new URL((await page.locator(tid('catch-url')).textContent({ timeout: 10_000 })) ?? '');
  await new Promise<void>((resolve, reject) => {
    const s = net.connect(Number(url.port), '127.0.0.1', () => {
      s.write(`PUT /cut HTTP/1.1\r\nHost: ${url.host}\r\nContent-Length: 50000\r\n\r\n${'x'.repeat(1000)}`, () => setTimeout(() => (s.destroy(), resolve()), 200));
    });
    s.on('error', reject);
  });
  const item = page.locator(`${tid('caught-item')}[data-state="aborted"]`).first();
  await item.waitFor({ timeout: 10_000 });
  await item.click();
  await page.locator(tid('caught-partial')).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator(tid('caught-body-size')).textContent(), '1000 B');
  const types = await page.locator(tid('catch-event-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
  assert.ok(types.includes('CLIENT_ABORTED'), types.join(' '));
  // A rule from the editor: "+ Fixed" adds a template, Apply sends it; bad JSON is named.
  await page.locator(tid('catch-rules')).fill('[{"match": ');
  await page.locator(tid('catch-rules-apply')).click();
  assert.match((await page.locator(tid('catch-rules-note')).textContent()) ?? '', /not JSON/);
  await page.locator(tid('catch-rules')).fill('[]');
  await page.getByRole('button', { name: '+ Fixed' }).click();
  await page.locator(tid('catch-rules-apply')).click();
  await until('the rule to be set', async () => {
    const st = await stack.core.call('catchServerStatus', {});
    return st.running && st.rules.length === 1 ? true : undefined;
  });
  const fixed = await post(`${url.href}fixed`, '', {});
  assert.deepEqual([fixed.status, fixed.text], [200, '{"ok":true}']);
  await page.locator(tid('catch-stop')).click();
  await page.locator(tid('catch-start')).waitFor({ timeout: 10_000 });
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});

test('limits set in the panel: a body over the cap is answered 413, a foreign Host 403, an allowed one answered', T, async () => {
  const { page, log } = await openApp(stack);
  await page.locator(tid('catch-toggle')).click();
  const stop = page.locator(tid('catch-stop'));
  if (await stop.isVisible()) await stop.click();
  await page.locator(tid('catch-limits')).locator('summary').click();
  await page.locator(tid('catch-limit-maxBodyMB')).fill('0.001');
  await page.locator(tid('catch-limit-idleS')).fill('soon');
  await page.locator(tid('catch-start')).click();
  assert.match((await page.locator(tid('catch-error')).textContent()) ?? '', /Idle body timeout \(s\): a number/);
  await page.locator(tid('catch-limit-idleS')).fill('5');
  await page.locator(tid('catch-limit-allowHosts')).fill('tunnel.example');
  await page.locator(tid('catch-start')).click();
  const url = new URL((await page.locator(tid('catch-url')).textContent({ timeout: 10_000 })) ?? '');
  assert.match((await page.locator(tid('catch-limits-summary')).textContent()) ?? '', /body ≤ 1\.02 KiB, .*idle 5 s, .*hosts: loopback \+ tunnel\.example/);
  const big = await post(`${url.href}big`, 'x'.repeat(4096), {});
  assert.equal(big.status, 413);
  const foreign = await post(`${url.href}rebind`, '', { Host: `rebind.attacker.example:${url.port}` });
  assert.equal(foreign.status, 403);
  const allowed = await post(`${url.href}tunnel`, '', { Host: 'tunnel.example' });
  assert.equal(allowed.status, 200);
  const refused = page.locator(tid('caught-item')).filter({ hasText: '/big' }).first();
  await refused.click();
  await until('the limit event on the timeline', async () => {
    const types = await page.locator(tid('catch-event-row')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
    return types.includes('LIMIT_EXCEEDED') ? true : undefined;
  });
  assert.match((await page.locator(tid('caught-partial')).textContent()) ?? '', /over the size limit, not read further \(413\)/);
  await screenshot(page, 'catch-limits');
  await stop.click();
  assert.deepEqual(log.cspViolations(), [], log.dump());
  assert.deepEqual(log.pageErrors, [], log.dump());
});
