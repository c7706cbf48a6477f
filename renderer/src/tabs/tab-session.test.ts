import { describe, expect, it } from 'vitest';
import { ComposerDraftSchema } from '../../../contract/composer-draft.js';
import { TabSessionSchema } from '../../../contract/tab-session.js';
import { parseCurlCommand } from '../../../domain/curl/command.js';
import { CURL_CASES } from '../../../test/unit/curl-cases.js';
import { createAppStore } from '../app-store.js';
import { emptyDraft, type Draft } from '../composer/draft.js';
import { storedRequestToDraft } from '../history/stored-request.js';
import { importToDraft } from '../interop/request-to-draft.js';
import { forgetFiles, sessionOf, tabsOf } from './tab-session.js';

const ID = '22222222-2222-4222-8222-222222222222';

/** Drafts as the composer makes them: every body mode, files by token and page-held, auth, options. */
function composerDrafts(): Record<string, Draft> {
  const d = emptyDraft('curl');
  return {
    empty: emptyDraft(),
    json: { ...d, method: 'POST', url: 'http://127.0.0.1:8080/x?a=1', body: '{"a":1}', bodyDraft: { ...d.bodyDraft, rawType: 'json' }, params: [{ name: 'a', value: '1', enabled: true }] },
    form: { ...d, method: 'PUT', url: 'http://h/', bodyDraft: { ...d.bodyDraft, mode: 'form', form: [{ name: 'a', value: 'b c', enabled: true }, { name: 'off', value: '', enabled: false }] } },
    multipart: {
      ...d,
      method: 'POST',
      url: 'http://h/up',
      bodyDraft: {
        ...d.bodyDraft,
        mode: 'multipart',
        multipart: [
          { kind: 'text', name: 't', value: 'v', enabled: true },
          { kind: 'file', name: 'f', value: 'image/png', enabled: true, file: { name: 'a.png', size: 3, localId: 'file-1' } },
          { kind: 'file', name: 'g', value: '', enabled: true, file: { name: 'b.bin', size: 9, fileToken: 'tok-1' } },
        ],
      },
    },
    binary: { ...d, method: 'POST', url: 'http://h/', bodyDraft: { ...d.bodyDraft, mode: 'binary', binary: { name: 'x.bin', size: 5, fileToken: 'tok-2' } } },
    options: {
      ...d,
      url: 'https://h/',
      auth: { kind: 'bearer', token: 't' },
      options: { engine: 'wininet', timeoutS: '2.5', followRedirects: false, insecure: true, proxy: '127.0.0.1:3128', caFile: { name: 'ca.pem', size: 100, localId: 'file-2' } },
      carried: { connectMs: 1000, receiveMs: 2000, maxRedirects: 3 },
    },
    basic: { ...d, url: 'http://h/', auth: { kind: 'basic', user: 'ann', password: 'p:w' }, headers: [{ name: 'X-A', value: '1', enabled: false }] },
  };
}

describe('the composer draft schema', () => {
  it('accepts every draft the composer makes', () => {
    for (const [name, draft] of Object.entries(composerDrafts())) expect(ComposerDraftSchema.safeParse(draft).success, name).toBe(true);
  });

  it('accepts every pasted curl command, and every stored request brought back', () => {
    for (const c of CURL_CASES) {
      const imp = parseCurlCommand(c.cmd);
      const { draft } = importToDraft(imp, 'auto');
      expect(ComposerDraftSchema.safeParse(draft).error, c.name).toBeUndefined();
      expect(ComposerDraftSchema.safeParse(storedRequestToDraft(imp.draft).draft).error, c.name).toBeUndefined();
    }
  });

  it('refuses a field it does not know, at any depth', () => {
    const d = emptyDraft();
    const issue = (x: unknown) => ComposerDraftSchema.safeParse(x).error?.issues[0];
    expect(issue({ ...d, colour: 'red' })?.code).toBe('unrecognized_keys');
    expect(issue({ ...d, options: { ...d.options, caFilePath: '/etc/x' } })?.path).toEqual(['options']);
    expect(issue({ ...d, bodyDraft: { ...d.bodyDraft, binary: { name: 'a', size: 1, path: '/a' } } })?.path).toEqual(['bodyDraft', 'binary']);
    expect(issue({ ...d, auth: { kind: 'kerberos' } })?.path).toEqual(['auth', 'kind']);
  });
});

describe('the tabs slice ↔ the session', () => {
  function storeWithTabs() {
    const store = createAppStore();
    const drafts = Object.values(composerDrafts());
    store.getState().updateDraft(store.getState().activeTab, () => drafts[0]!);
    for (const d of drafts.slice(1)) {
      const key = store.getState().newTab();
      store.getState().updateDraft(key, () => d);
    }
    const second = store.getState().tabs[1]!.key;
    store.getState().beginRequest(second, ID);
    store.getState().setActiveTab(second);
    return store;
  }

  it('round-trips: tabs, keys, drafts (files as names), the active tab and the last request', () => {
    const store = storeWithTabs();
    const session = TabSessionSchema.parse(JSON.parse(JSON.stringify(sessionOf(store.getState()))));
    expect(session.tabs).toHaveLength(store.getState().tabs.length);
    expect(session.tabs[1]).toMatchObject({ requestId: ID });
    expect(session.activeTab).toBe(store.getState().activeTab);
    // No token and no page-held file is kept.
    expect(JSON.stringify(session)).not.toMatch(/tok-|file-\d|localId|fileToken/);

    const fresh = createAppStore();
    const { tabs, activeTab, notes } = tabsOf(session);
    fresh.getState().restoreTabs(tabs, activeTab);
    const s = fresh.getState();
    expect(s.tabs.map((t) => t.key)).toEqual(store.getState().tabs.map((t) => t.key));
    expect(s.activeTab).toBe(store.getState().activeTab);
    expect(s.tabs.map((t) => t.draft)).toEqual(store.getState().tabs.map((t) => forgetFiles(t.draft).draft));
    expect(s.tabs.every((t) => t.inFlightId === undefined)).toBe(true);
    expect(sessionOf(s)).toEqual(session);
    expect(notes).toEqual([
      'Tab 4: choose part "f" (a.png), part "g" (b.bin) again.',
      'Tab 5: choose the binary body (x.bin) again.',
      'Tab 6: choose the CA file (ca.pem) again.',
    ]);
    // A new tab's key is not one of the restored ones.
    expect(s.tabs.map((t) => t.key)).not.toContain(fresh.getState().newTab());
  });

  it('restored tabs go after tabs already in use, under new keys', () => {
    const session = sessionOf(storeWithTabs().getState());
    const busy = createAppStore();
    busy.getState().updateDraft(busy.getState().activeTab, (d) => ({ ...d, url: 'http://typed/' }));
    const { tabs, activeTab } = tabsOf(session);
    busy.getState().restoreTabs(tabs, activeTab);
    const s = busy.getState();
    expect(s.tabs).toHaveLength(session.tabs.length + 1);
    expect(s.tabs[0]!.draft.url).toBe('http://typed/');
    expect(new Set(s.tabs.map((t) => t.key)).size).toBe(s.tabs.length);
    expect(s.tabs.find((t) => t.key === s.activeTab)?.requestId).toBe(ID);
  });

  it('a restored exchange shows only while its tab still shows that request', () => {
    const store = createAppStore();
    store.getState().restoreTabs([{ key: 'tab-40', draft: { ...emptyDraft(), url: 'http://h/x' }, requestId: ID }], 'tab-40');
    const started = { id: ID, seq: 0, hop: 0, t: 0, type: 'started', engine: 'curl', method: 'GET', url: 'http://h/x', wallTime: 1 } as const;
    store.getState().attachExchange('tab-40', ID, [started]);
    expect(store.getState().timeline[ID]).toHaveLength(1);
    store.getState().forgetRequest('tab-40', ID);
    expect(store.getState().tabs[0]!.requestId).toBeUndefined();
  });
});
