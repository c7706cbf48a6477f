// Accessibility end to end in Chromium (browser mode, real core, curl engine): axe-core
// (@axe-core/playwright) over every main view and dialog — composer and response after a
// Send, the response's Headers, Cookies and Raw exchange tabs, the composer's Options tab,
// the Timeline as a response tab, the history, collections and cookies sidebars, the catch
// server, Manage environments, Settings, Import cURL, Export HAR, Export collection, Code…,
// the keyboard shortcuts (opened with Ctrl+/) and the TLS tab of an HTTPS exchange verified
// against its CA file — in the light and the dark theme: no serious or critical violation.
// Screenshots of the main view and the shortcut list go to the artifacts folder; each view
// with a `doc` name, at 1400×900, also goes to docs/screenshots/<doc>-<theme>.png (the
// pictures the docs show). Then the shortcut list from the keyboard: Ctrl+/, focus kept and
// drawn, Escape. Needs `npm run build`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { fillSaveAs } from './collections-support.js';
import { docsScreenshot, openApp, screenshot, stackForFile, tid, until } from './support.js';
import { selfSignedCert, startTestServer, type TestServer } from '../support/servers.js';

const T = { timeout: 180_000 };
const stack = stackForFile();
// An HTTPS target and its certificate as a CA file: the TLS tab shows a verified connection.
const tls = selfSignedCert();
let secure: TestServer;
let caPath: string;
before(async () => {
  secure = await startTestServer({ tls });
  caPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-e2e-a11y-')), 'server-ca.pem');
  fs.writeFileSync(caPath, tls.cert);
});
after(async () => {
  await secure?.close();
  if (caPath) fs.rmSync(path.dirname(caPath), { recursive: true, force: true });
});

interface View {
  name: string;
  /** The picture's name in docs/screenshots (with the theme after it), for a main view. */
  doc?: string;
  /** Shows the view; the selector is what must be visible before axe runs. */
  open(page: Page): Promise<void>;
  shown: string;
  /** Puts the page back as it was (a dialog closed, a sidebar hidden). */
  close(page: Page): Promise<void>;
}

const escape = async (page: Page): Promise<void> => page.keyboard.press('Escape');
const click = (id: string) => async (page: Page): Promise<void> => page.locator(tid(id)).click({ timeout: 5_000 });
const dialog = (name: string, open: View['open'], testId: string): View => ({ name, open, shown: tid(testId), close: escape });
const sidebar = (view: string, shown: string): View => ({ name: `${view} sidebar`, doc: view, open: click(`${view}-toggle`), shown, close: click(`${view}-toggle`) });
/** A response tab; closing goes back to Body (the tab chosen is remembered). */
const responseTab = (id: string): View => ({ name: `response ${id} tab`, doc: `response-${id}`, open: click(`response-tab-${id}`), shown: '#response-tab-panel', close: click('response-tab-body') });

/** The TLS tab of an HTTPS exchange verified against its CA file (sent last: it replaces the example). */
const TLS_VIEW: View = {
  name: 'response TLS tab',
  doc: 'response-tls',
  open: async (p) => {
    await click('composer-tab-options')(p);
    await p.locator(tid('ca-file')).setInputFiles(caPath);
    await p.locator(tid('url-input')).fill(`${secure.url.replace('localhost', '127.0.0.1')}/echo`);
    await click('send-button')(p);
    await until('verified against the CA file', async () => (((await p.locator(tid('tls-summary')).textContent()) ?? '').includes('verified (CA file)') ? true : undefined), 30_000);
    await click('response-tab-tls')(p);
  },
  shown: tid('tls-section'),
  close: click('response-tab-body'),
};

const VIEWS: View[] = [
  { name: 'composer and response', doc: 'composer', open: async () => {}, shown: tid('response-status'), close: async () => {} },
  responseTab('headers'),
  responseTab('cookies'),
  responseTab('raw'),
  { name: 'composer options tab', doc: 'composer-options', open: click('composer-tab-options'), shown: '#composer-tab-panel', close: click('composer-tab-body') },
  {
    name: 'timeline tab',
    doc: 'response-timeline',
    open: async (p) => {
      await click('timeline-place-toggle')(p);
      await click('response-tab-timeline')(p);
    },
    shown: '#response-tab-panel',
    close: async (p) => {
      await click('timeline-place-toggle')(p);
      await p.locator(tid('response-tab-timeline')).waitFor({ state: 'detached', timeout: 5_000 });
    },
  },
  sidebar('history', tid('history')),
  sidebar('collections', tid('sidebar')),
  sidebar('cookies', tid('sidebar')),
  { name: 'catch server', doc: 'catch', open: click('catch-toggle'), shown: tid('catch-panel'), close: click('catch-toggle') },
  { ...dialog('environments', (p) => p.keyboard.press('Control+Alt+e'), 'environments-dialog'), doc: 'environments' },
  dialog('settings', click('settings-open'), 'settings-dialog'),
  { ...dialog('import cURL', click('import-curl'), 'curl-import-dialog'), doc: 'import-curl' },
  dialog('code', click('code-button'), 'code-dialog'),
  { ...dialog('shortcuts', (p) => p.keyboard.press('Control+/'), 'shortcuts-dialog'), doc: 'shortcuts' },
  {
    name: 'export HAR',
    open: async (p) => {
      await click('history-toggle')(p);
      await click('export-har')(p);
    },
    shown: tid('har-export-dialog'),
    close: async (p) => {
      await escape(p);
      await click('history-toggle')(p);
    },
  },
  {
    name: 'export collection',
    open: async (p) => {
      await click('collections-toggle')(p);
      await click('workspace-name')(p);
      await click('workspace-export-postman')(p);
    },
    shown: tid('collection-export-dialog'),
    close: async (p) => {
      await escape(p);
      await click('collections-toggle')(p);
    },
  },
  TLS_VIEW,
];

const EXAMPLE_BODY = '{"name": "Ada Lovelace", "roles": ["admin", "author"], "active": true}';

/** The request the pictures show (a JSON POST with a few headers), imported as cURL, saved in
 * the workspace (so the collections view has a tree) and sent, its body tab shown. */
async function sendExample(page: Page, url: string, name: string): Promise<void> {
  await click('import-curl')(page);
  const curl = `curl -X POST '${url}?team=docs' -H 'Accept: application/json' -H 'Content-Type: application/json' -H 'X-Request-Id: 7f3a' -b 'session=5b1e' --data '${EXAMPLE_BODY}'`;
  await page.locator(tid('curl-import-text')).fill(curl);
  await click('curl-import-button')(page);
  await page.locator(tid('curl-import-dialog')).waitFor({ state: 'detached', timeout: 5_000 });
  await page.keyboard.press('Control+s');
  await fillSaveAs(page, name);
  await click('composer-tab-body')(page);
  await click('send-button')(page);
}

/** The serious and critical violations under `scope` (the whole page if none), keyed by rule and node. */
async function violations(page: Page, scope: string | undefined, onlyColour: boolean): Promise<Map<string, string>> {
  let axe = new AxeBuilder({ page });
  if (scope) axe = axe.include(scope);
  // The theme changes colours only: the dark run checks contrast, the light run everything.
  if (onlyColour) axe = axe.withRules(['color-contrast']);
  const r = await axe.analyze();
  const found = new Map<string, string>();
  for (const v of r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
    for (const n of v.nodes) found.set(`${v.id} at ${n.target.join(' ')}`, `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`);
  }
  return found;
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation in any main view or dialog, ${theme} theme`, T, async () => {
    const { page, log } = await openApp(stack);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.emulateMedia({ colorScheme: theme });
    // The stack is the file's: each theme saves its own request (a name taken keeps Save As open).
    await sendExample(page, `${stack.target.url}/echo`, theme === 'light' ? 'Create user' : 'Create admin');
    await page.locator(`${tid('event-row')}[data-status="finished"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
    // A node seen in several views is said once, with the first view it was seen in.
    const found = new Map<string, string>();
    for (const v of VIEWS) {
      await v.open(page);
      await page.locator(v.shown).first().waitFor({ state: 'visible', timeout: 5_000 });
      // The first view is the whole page; after it, only what each view adds.
      const scope = v === VIEWS[0] ? undefined : v.shown;
      for (const [key, line] of await violations(page, scope, theme === 'dark')) if (!found.has(key)) found.set(key, `${v.name}: ${line}`);
      // One picture per theme of the main view and of the shortcut list: each costs seconds here.
      if (v.doc) await docsScreenshot(page, `${v.doc}-${theme}`);
      if (v === VIEWS[0] || v.name === 'shortcuts') await screenshot(page, `a11y-${theme}-${v.name.replace(/\W+/g, '-')}`);
      await v.close(page);
      await page.locator('[aria-modal="true"]').waitFor({ state: 'detached', timeout: 5_000 });
    }
    assert.deepEqual([...found.values()], [], `axe found:\n${[...found.values()].join('\n')}`);
    assert.deepEqual(log.errors(), [], log.dump());
    await page.close();
  });
}

test('Ctrl+/ opens the shortcut list from the keyboard, its focus visible; Escape closes it; the "?" button opens it too', T, async () => {
  const { page } = await openApp(stack);
  await page.locator(tid('url-input')).focus();
  await page.keyboard.press('Control+/');
  const box = page.locator(tid('shortcuts-dialog'));
  await box.waitFor({ state: 'visible', timeout: 5_000 });
  assert.ok((await box.locator(tid('shortcut-row')).count()) >= 12, 'every shortcut is listed');
  assert.match((await box.textContent()) ?? '', /Ctrl\+Enter.*Send the request/);
  // Keyboard focus is in the dialog and drawn (the :focus-visible outline).
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { inDialog: !!el?.closest('[data-testid="shortcuts-dialog"]'), outline: el ? getComputedStyle(el).outlineStyle : 'none' };
  });
  assert.deepEqual(focus, { inDialog: true, outline: 'solid' });
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached', timeout: 5_000 });
  await page.locator(tid('shortcuts-open')).click();
  await box.waitFor({ state: 'visible', timeout: 5_000 });
  await page.close();
});
