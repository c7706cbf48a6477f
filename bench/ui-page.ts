// The in-page half of the UI benchmark (bench/ui.ts): probes installed in the page with
// page.evaluate, timing with the page's own clock (performance.now), so no round trip to
// the driver is counted.
import type { Page } from 'playwright-core';

export interface PaintProbe {
  /** ms from the Send click to the first frame showing the response status. */
  status: number;
  /** ms from the Send click to the first frame showing body text. */
  body: number;
}

/** Arms a probe on the next Send click: a MutationObserver notices when the status and the
 * first body text are in the DOM; the time taken is that of the next animation frame (the
 * frame that paints them). readPaintProbe waits for the result: NaN for what timed out. */
export async function armPaintProbe(page: Page, timeoutMs: number): Promise<void> {
  await page.evaluate((timeout) => {
    type Probe = { status: number; body: number };
    const w = window as unknown as { __paint?: Promise<Probe> };
    const button = document.querySelector('[data-testid="send-button"]');
    if (!button) throw new Error('no send button');
    const statusShown = (): boolean => /\b\d{3}\b/.test(document.querySelector('[data-testid="response-status"]')?.textContent ?? '');
    const bodyShown = (): boolean => {
      const el = document.querySelector('[data-testid="body-viewer"]') ?? document.querySelector('[data-testid="response-body"]');
      const text = (el as HTMLElement | null)?.innerText.trim() ?? '';
      return text !== '' && !/^(Loading…|The body shows once)/.test(text);
    };
    w.__paint = new Promise<Probe>((resolve) => {
      const probe: Probe = { status: NaN, body: NaN };
      let t0 = 0;
      const atNextFrame = (key: keyof Probe): void =>
        void requestAnimationFrame(() => {
          probe[key] = performance.now() - t0;
          if (!Number.isNaN(probe.status) && !Number.isNaN(probe.body)) done();
        });
      const seen = { status: false, body: false };
      const check = (): void => {
        if (!seen.status && statusShown()) {
          seen.status = true;
          atNextFrame('status');
        }
        if (!seen.body && bodyShown()) {
          seen.body = true;
          atNextFrame('body');
        }
      };
      const mo = new MutationObserver(check);
      const timer = setTimeout(() => done(), timeout);
      const done = (): void => {
        mo.disconnect();
        clearTimeout(timer);
        resolve(probe);
      };
      // Capture phase on the button: t0 is taken before the app's own click handler runs.
      button.addEventListener('click', () => {
        t0 = performance.now();
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
      }, { capture: true, once: true });
    });
  }, timeoutMs);
}

export function readPaintProbe(page: Page): Promise<PaintProbe> {
  return page.evaluate(() => (window as unknown as { __paint: Promise<PaintProbe> }).__paint);
}

/** Starts recording long tasks (PerformanceObserver 'longtask'); returns nothing. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: { max: number; count: number; obs?: PerformanceObserver } };
    w.__long?.obs?.disconnect();
    w.__long = { max: 0, count: 0 };
    w.__long.obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__long.max = Math.max(w.__long.max, e.duration);
        w.__long.count++;
      }
    });
    w.__long.obs.observe({ type: 'longtask' });
  });
}

export function readLongTasks(page: Page): Promise<{ max: number; count: number }> {
  return page.evaluate(() => {
    const l = (window as unknown as { __long: { max: number; count: number } }).__long;
    return { max: l.max, count: l.count };
  });
}

/** The body's scrolling element: the deepest element under the body pane that scrolls. */
async function markScroller(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="response-body"]');
    if (!root) return false;
    const all = [root, ...root.querySelectorAll('*')].filter((el) => {
      const o = getComputedStyle(el).overflowY;
      return (o === 'auto' || o === 'scroll') && el.scrollHeight > el.clientHeight + 4;
    });
    const el = all[all.length - 1];
    if (!el) return false;
    el.setAttribute('data-bench-scroller', '');
    return true;
  });
}

/** Scrolls the body with the wheel (steps × px), then jumps to the middle and the end. */
export async function scrollBody(page: Page, steps: number, px: number): Promise<boolean> {
  if (!(await markScroller(page))) return false;
  const scroller = page.locator('[data-bench-scroller]').last();
  await scroller.hover({ timeout: 5_000 });
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, px);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
  }
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  return true;
}
