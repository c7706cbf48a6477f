// End-to-end support: browser mode started in-process (the real AppCore with a temp data
// dir behind the real loopback server, serving the built renderer from dist/renderer), a
// loopback target server, and Debian's Chromium driven by playwright-core. Every wait is
// bounded; close() tears everything down in reverse order.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { AppCore } from '../../core/app-core.js';
import { createBrowserHooks } from '../../web/hooks.js';
import { startWebServer, type WebServer } from '../../web/server.js';
import { startTestServer, type TestServer } from '../support/servers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root, from dist/test/e2e/ (compiled) or test/e2e/ (sources). */
export const ROOT = path.resolve(here, here.split(path.sep).includes('dist') ? '../../..' : '../..');
export const STATIC_DIR = path.join(ROOT, 'dist', 'renderer');
/** Screenshots kept as CI artifacts (git-ignored). */
const ARTIFACTS = process.env.INETSCOPE_ARTIFACTS ?? path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.INETSCOPE_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** What the page said: console errors/warnings and uncaught exceptions. */
export class PageLog {
  readonly console: Array<{ type: string; text: string; url: string }> = [];
  readonly pageErrors: string[] = [];
  /** Responses with a status ≥ 400 and failed requests, as "STATUS URL". */
  readonly badResponses: string[] = [];

  attach(page: Page): void {
    page.on('console', (m: ConsoleMessage) => this.console.push({ type: m.type(), text: m.text(), url: m.location().url }));
    page.on('pageerror', (e: Error) => this.pageErrors.push(`${e.name}: ${e.message}`));
    page.on('response', (r) => void (r.status() >= 400 && this.badResponses.push(`${r.status()} ${r.url()}`)));
    page.on('requestfailed', (r) => void this.badResponses.push(`failed (${r.failure()?.errorText ?? '?'}) ${r.url()}`));
  }

  /** Console lines reporting a Content Security Policy violation. */
  cspViolations(): string[] {
    return this.console.filter((m) => /Content Security Policy|Content-Security-Policy/i.test(m.text)).map((m) => m.text);
  }

  /** Console errors, but for the 404 of the favicon Chromium asks for on its own (the page
   * names none); any other failed load counts. */
  errors(): string[] {
    return this.console
      .filter((m) => m.type === 'error' && !(/\/favicon\.ico$/.test(m.url) && /status of 404/.test(m.text)))
      .map((m) => `${m.text}${m.url ? ` (${m.url})` : ''}`);
  }

  dump(): string {
    return JSON.stringify({ console: this.console, pageErrors: this.pageErrors, badResponses: this.badResponses }, null, 2);
  }
}

export interface E2eStack {
  tmp: string;
  core: AppCore;
  web: WebServer;
  target: TestServer;
  context: BrowserContext;
  /** Browser mode stopped and started again on the same data dir, port and token: a new core
   * (a restart of the app); open pages reconnect to it. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Bounded: a step of the teardown that hangs must not hang the suite. */
async function bounded<T>(what: string, p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      process.stderr.write(`e2e: ${what} did not finish within ${ms} ms\n`);
      resolve(undefined);
    }, ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function assertBuilt(): void {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) {
    throw new Error(`${STATIC_DIR}/index.html is missing: run \`npm run build\` before the end-to-end tests`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (Debian: apt-get install chromium)`);
}

/** `clipboard`: the page may read and write the real clipboard (copy tests). */
export async function startStack(opts: { clipboard?: boolean } = {}): Promise<E2eStack> {
  assertBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-e2e-'));
  const parts: Partial<Omit<E2eStack, 'close' | 'restart'>> = { tmp };
  const close = async (): Promise<void> => {
    // Closing the context closes every page opened in it.
    if (parts.context) await bounded('closing the browser', parts.context.close(), 10_000);
    if (parts.web) await bounded('closing the web server', parts.web.close(), 10_000);
    if (parts.core) await bounded('closing the core', parts.core.close(), 15_000);
    if (parts.target) await bounded('closing the target server', parts.target.close(), 5_000);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const startCore = async (): Promise<AppCore> => {
    const created: { core?: AppCore } = {};
    const hooks = createBrowserHooks({
      settings: async () => (created.core ? created.core.call('getSettings', {}) : {}),
      home: tmp,
    });
    // Saves stay in tmp: the downloads folder is fixed at start, as --downloads-dir does.
    const fixedSettings = () => ({ downloadsDir: path.join(tmp, 'downloads') });
    return (created.core = await AppCore.create({ dataDir: path.join(tmp, 'data'), hooks, log: () => {}, fixedSettings }));
  };
  const restart = async (): Promise<void> => {
    const { port, token } = parts.web!;
    await parts.web!.close();
    await parts.core!.close();
    parts.web = undefined;
    parts.core = await startCore();
    parts.web = await startWebServer({ core: parts.core, port, token, staticDir: STATIC_DIR });
  };
  try {
    parts.target = await startTestServer();
    parts.core = await startCore();
    // The engine the UI's requests use, whatever the platform's default.
    await parts.core.call('setSettings', { defaultEngine: 'curl' });
    parts.web = await startWebServer({ core: parts.core, staticDir: STATIC_DIR });
    parts.context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      timeout: 30_000,
    });
    parts.context.setDefaultTimeout(15_000);
    parts.context.setDefaultNavigationTimeout(15_000);
    if (opts.clipboard) await parts.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(parts.web.url).origin });
    const { target, context } = parts as Required<typeof parts>;
    // core and web are read live: restart() replaces them.
    return { tmp, target, context, get core() { return parts.core!; }, get web() { return parts.web!; }, restart, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The tabs a fresh page starts with are the stored session's (tabs survive a reload): a
 * test that wants one blank tab starts from none. Loading from here first makes this the
 * session's newest owner, so no page still open can save after the file is gone. */
export async function forgetTabSession(stack: E2eStack): Promise<void> {
  await stack.core.call('loadSession', {});
  fs.rmSync(path.join(stack.tmp, 'data', 'session.json'), { force: true });
}

/** A selector for a data-testid. */
export const tid = (id: string): string => `[data-testid="${id}"]`;

/** A fresh page on the app, its console recorded; returns once the composer is there and
 * the socket is up, so nothing is typed into a page that cannot send yet. It starts with
 * one blank tab unless `keepTabs` (then with the stored session's tabs). */
export async function openApp(stack: E2eStack, opts: { keepTabs?: boolean } = {}): Promise<{ page: Page; log: PageLog }> {
  if (!opts.keepTabs) await forgetTabSession(stack);
  const page = await stack.context.newPage();
  const log = new PageLog();
  log.attach(page);
  await page.goto(stack.web.url, { waitUntil: 'load', timeout: 15_000 });
  await page.locator(tid('send-button')).waitFor({ state: 'visible', timeout: 15_000 });
  await until('the connection to be up', async () =>
    (await page.locator(tid('connection-state')).getAttribute('data-state', { timeout: 5_000 })) === 'connected' ? true : undefined,
  );
  return { page, log };
}

/** The app with the history sidebar shown (it starts hidden; the choice is remembered). */
export async function openWithHistory(stack: E2eStack): Promise<{ page: Page; log: PageLog }> {
  const opened = await openApp(stack);
  if ((await opened.page.locator(tid('history')).count()) === 0) await opened.page.locator(tid('history-toggle')).click({ timeout: 5_000 });
  await opened.page.locator(tid('history')).waitFor({ state: 'visible', timeout: 5_000 });
  return opened;
}

/** Types `url` into the composer as a GET and clicks Send; does not wait for the answer. */
export async function sendGet(page: Page, url: string): Promise<void> {
  await page.locator(tid('method-select')).selectOption('GET', { timeout: 5_000 });
  await page.locator(tid('url-input')).fill(url, { timeout: 5_000 });
  await page.locator(tid('send-button')).click({ timeout: 5_000 });
}

/** The composer's Options tab (engine, HTTP version, certificates, proxy…) shown. */
export async function showOptions(page: Page): Promise<void> {
  await page.locator(tid('composer-tab-options')).click({ timeout: 15_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
  return file;
}

/** The pictures of the main views in docs/, made by the e2e run so they stay true. */
export const DOCS_SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

/** A PNG of the viewport (not the full page, to keep it small) as docs/screenshots/<name>.png. */
export async function docsScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  const file = path.join(DOCS_SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false, animations: 'disabled', caret: 'hide', timeout: 10_000 });
  return file;
}

/** Polls fn until it returns a value other than undefined, or fails after ms. */
export async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The stack of one test file: started before its tests, closed after them (read it in tests, not in the file's own hooks). */
export function stackForFile(opts: { clipboard?: boolean } = {}): E2eStack {
  let s: E2eStack | undefined;
  before(async () => void (s = await startStack(opts)));
  after(async () => void (await s?.close()));
  const get = (): E2eStack => {
    if (!s) throw new Error('the e2e stack is not started yet');
    return s;
  };
  return {
    get tmp() {
      return get().tmp;
    },
    get core() {
      return get().core;
    },
    get web() {
      return get().web;
    },
    get target() {
      return get().target;
    },
    get context() {
      return get().context;
    },
    restart: () => get().restart(),
    close: () => get().close(),
  };
}

/** A loopback HTTP server of a test file's own, with the origin its pages are served from. */
export async function startPageServer(handler: http.RequestListener): Promise<{ base: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends the active tab to `url` and waits for its status and its last event row. */
export async function sendAndWait(page: Page, url: string): Promise<void> {
  await page.locator(tid('url-input')).fill(url);
  await page.locator(tid('send-button')).click();
  await until('the response', async () => ((await page.locator(tid('response-status')).textContent()) || undefined));
  await page.locator(tid('event-row')).last().waitFor({ timeout: 10_000 });
}

/** The default layout: the stored one forgotten, the page loaded again. */
export async function freshLayout(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.removeItem('inetscope.layout'));
  await page.reload();
  await page.locator(tid('send-button')).waitFor();
  await until('the connection to be up', async () => ((await page.locator(tid('connection-state')).getAttribute('data-state')) === 'connected' ? true : undefined));
}
