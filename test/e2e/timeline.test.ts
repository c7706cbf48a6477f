// The timeline end to end in Debian's Chromium on browser mode (real core, curl engine):
// the waterfall grows live while the server delays its headers, a hovered bar tells exact
// durations, a large download's event list stays responsive and virtualized, and the
// timeline copies as the CLI's --timeline text. Needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openApp, stackForFile, screenshot, until, tid, sendGet } from './support.js';

const T = { timeout: 90_000 };
const row = (status: string): string => `${tid('event-list')} ${tid('event-row')}[data-status="${status}"]`;
const WAIT_BAR = `${tid('waterfall')} ${tid('wf-bar')}[data-phase="wait"]`;
/** `%10.3f ms  hop N  …`, as `inetscope --timeline` prints each event. */
const CLI_LINE = /^ *\d+\.\d{3} ms {2}hop \d+ {2}\S/;

// Copy writes to the real clipboard; without the grant the page shows its fallback box.
const stack = stackForFile({ clipboard: true });

async function open(): Promise<Page> {
  const { page } = await openApp(stack);
  return page;
}

/** Two samples of the running wait bar, 120 ms apart, taken in the page (no round trips). */
function sampleWaitBar(page: Page) {
  return page.evaluate(async (sel) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const running = `${sel}[data-running="true"]`;
    const start = performance.now();
    while (!document.querySelector(running)) {
      if (performance.now() - start > 10_000) return undefined;
      await frame();
    }
    const read = () => {
      const el = document.querySelector(running);
      return el ? { width: Number(el.getAttribute('width')), title: el.querySelector('title')?.textContent ?? '' } : undefined;
    };
    const first = read();
    await new Promise((r) => setTimeout(r, 120));
    return { first, second: read() };
  }, WAIT_BAR);
}

const durationOf = (text: string): number => Number(/duration (\d+\.\d{3}) ms/.exec(text)?.[1] ?? NaN);

test('the wait bar grows while the server delays its headers; the final waterfall; hover shows durations', T, async () => {
  const page = await open();
  await sendGet(page, `${stack.target.url}/delay/300`);
  const s = await sampleWaitBar(page);
  assert.ok(s?.first && s.second, `no running wait bar sampled twice: ${JSON.stringify(s)}`);
  assert.ok(s.second.width > s.first.width, `wait bar did not grow: ${JSON.stringify(s)}`);
  assert.ok(durationOf(s.second.title) > durationOf(s.first.title) + 50, JSON.stringify(s));
  await screenshot(page, 'e2e-timeline-01-waiting');

  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 15_000 });
  await until('the waterfall to stop running', async () =>
    (await page.locator(tid('waterfall')).getAttribute('data-running')) === 'false' ? true : undefined,
  );
  const phases = await page.locator(`${tid('waterfall')} ${tid('wf-bar')}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')));
  for (const p of ['connect', 'send', 'wait', 'receive']) assert.ok(phases.includes(p), `phase ${p} missing: ${phases.join(' ')}`);
  assert.match((await page.locator(`${tid('waterfall')} ${tid('wf-hop')}`).first().textContent()) ?? '', /^hop 0 · 200 · http:/);

  await page.locator(WAIT_BAR).hover({ timeout: 5_000 });
  const tip = page.locator(tid('wf-tooltip'));
  await tip.waitFor({ state: 'visible', timeout: 5_000 });
  const text = (await tip.textContent()) ?? '';
  assert.match(text, /^hop 0 wait: start \d+\.\d{3} ms, duration \d+\.\d{3} ms$/);
  assert.ok(durationOf(text) >= 250, text);
  await screenshot(page, 'e2e-timeline-02-hover');
});

/** Records the longest task and the most event rows in the DOM, from now on. The observer
 * is proven first on a deliberate 80 ms task, so "no long task" cannot mean "not observed". */
function watchPage(page: Page) {
  return page.evaluate(async () => {
    const w = window as unknown as { __tl: { longest: number; maxRows: number } };
    w.__tl = { longest: 0, maxRows: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tl.longest = Math.max(w.__tl.longest, e.duration);
    }).observe({ type: 'longtask' });
    setTimeout(() => {
      const end = performance.now() + 80;
      while (performance.now() < end);
    }, 0);
    const until = performance.now() + 3000;
    while (w.__tl.longest < 80 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    if (w.__tl.longest < 80) throw new Error('the longtask observer saw no deliberate long task');
    w.__tl.longest = 0;
    const count = () => {
      w.__tl.maxRows = Math.max(w.__tl.maxRows, document.querySelectorAll('[data-testid="event-list"] [data-testid="event-row"]').length);
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
}

test('a 20 MB download: the event list stays responsive and virtualized, and follows the end', T, async () => {
  const page = await open();
  await watchPage(page);
  await sendGet(page, `${stack.target.url}/bytes/20000000`);
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 60_000 });
  // A few frames after the end, so the last renders are measured too.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  const count = Number(await page.locator(tid('event-count')).textContent());
  const stats = await page.evaluate(() => (window as unknown as { __tl: { longest: number; maxRows: number } }).__tl);
  await screenshot(page, 'e2e-timeline-03-download');
  process.stdout.write(`# 20 MB download: ${count} events, at most ${stats.maxRows} rows in the DOM, longest task ${stats.longest} ms\n`);
  assert.ok(count > 1000, `only ${count} events`);
  assert.equal(await page.locator(tid('event-list')).getAttribute('data-virtual'), 'true');
  assert.ok(stats.maxRows <= 200, `${stats.maxRows} rows in the DOM`);
  // The longest task is printed, not asserted: speed is measured by bench:ui, and a timed
  // bound here only measures how loaded the machine is. The DOM bound above is the proof.

  // Scrolled up, the list stays where the user put it, showing the rows there.
  const list = page.locator(tid('event-list'));
  await list.evaluate((el) => (el.scrollTop = 18 * 1000));
  await until('row 1000 to be rendered', async () => ((await page.locator(`${tid('event-row')}[data-seq="1000"]`).count()) > 0 ? true : undefined), 5_000);
  assert.ok((await list.evaluate((el) => el.scrollTop)) > 0);
});

test('copy as text gives the CLI --timeline lines; copy as JSON the raw events', T, async () => {
  const page = await open();
  await sendGet(page, `${stack.target.url}/bytes/1000`);
  await page.locator(row('finished')).first().waitFor({ state: 'attached', timeout: 15_000 });
  const copied = async (button: string): Promise<string> => {
    await page.evaluate(() => navigator.clipboard?.writeText('').catch(() => {}));
    await page.locator(tid(button)).click({ timeout: 5_000 });
    await page.locator(tid('copy-status')).waitFor({ state: 'visible', timeout: 5_000 });
    if ((await page.locator(tid('copy-fallback')).count()) > 0) return page.locator(tid('copy-fallback')).inputValue();
    return until('the clipboard to be written', async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      return text !== '' ? text : undefined;
    }, 5_000);
  };
  const lines = (await copied('copy-timeline-text')).trimEnd().split('\n');
  for (const line of lines) assert.match(line, CLI_LINE);
  assert.match(lines[0] ?? '', /hop 0 {2}started GET http:\/\/.*\/bytes\/1000 \[curl\]$/);
  assert.ok(lines.some((l) => /REQUEST_SENT \(31\) {2}bytes=\d+$/.test(l)), lines.join('\n'));
  assert.match(lines[lines.length - 1] ?? '', /finished ok 200, 1000 body bytes$/);
  const events = JSON.parse(await copied('copy-timeline-json')) as Array<{ seq: number; type: string }>;
  assert.equal(events.length, lines.length);
  assert.deepEqual(events.map((e) => e.seq), events.map((_, i) => i));
  assert.equal(events[events.length - 1]?.type, 'finished');
});
