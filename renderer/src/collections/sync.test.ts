import { describe, expect, it } from 'vitest';
import type { TreeItem, WorkspaceTree } from '../../../contract/workspace.js';
import { emptyDraft, type Draft } from '../composer/draft.js';
import type { Tab } from '../tabs/tabs-slice.js';
import { isDirty, stableJson, suggestedName } from './dirty.js';
import { ownRef, reconcileTabs, relinkTabs, takeForeignRefs } from './sync.js';
import { createAppStore } from '../app-store.js';
import { sendContextOf, variableLayersOf } from './collections-slice.js';

const draft = (url: string, patch: Partial<Draft> = {}): Draft => ({ ...emptyDraft('curl'), url, ...patch });
const saved = (path: string, version = 'v1') => ({ workspaceId: 'w1', path, version });

function tree(items: TreeItem[], environments: WorkspaceTree['environments'] = []): WorkspaceTree {
  return { info: { id: 'w1', name: 'W', location: '/tmp/w', readOnly: false }, variables: [], environments, folderVariables: {}, items, problems: [] };
}
const req = (path: string, version: string): TreeItem => ({ kind: 'request', path, name: path, method: 'GET', url: 'http://x/', version });

describe('isDirty', () => {
  const base = draft('http://x/a');
  it('is false without a link, and for the draft as loaded', () => {
    expect(isDirty({ draft: draft('http://x/b') })).toBe(false);
    expect(isDirty({ draft: base, baseline: base, saved: saved('a') })).toBe(false);
  });
  it('ignores what the request does not carry (blank header rows, a copy of the same draft)', () => {
    const copy = { ...base, headers: [...base.headers, { name: '', value: '', enabled: true }] };
    expect(isDirty({ draft: copy, baseline: base, saved: saved('a') })).toBe(false);
  });
  it('sees a changed URL, method, header or body', () => {
    const link = { baseline: base, saved: saved('a') };
    expect(isDirty({ ...link, draft: { ...base, url: 'http://x/b' } })).toBe(true);
    expect(isDirty({ ...link, draft: { ...base, method: 'POST' } })).toBe(true);
    expect(isDirty({ ...link, draft: { ...base, headers: [{ name: 'A', value: '1', enabled: true }] } })).toBe(true);
    expect(isDirty({ ...link, draft: { ...base, method: 'POST', body: 'x', bodyDraft: { ...base.bodyDraft, mode: 'raw' } } })).toBe(true);
  });
  it('compares drafts that do not convert (a bad URL) as they are', () => {
    const bad = draft('http://bad host/');
    expect(isDirty({ draft: { ...bad }, baseline: bad, saved: saved('a') })).toBe(false);
    expect(isDirty({ draft: { ...bad, url: 'http://bad  host/' }, baseline: bad, saved: saved('a') })).toBe(true);
  });
  it('suggests a name from the method and the last path segment, else the host', () => {
    expect(suggestedName({ method: 'post', url: 'https://api.example.org/v1/users?x=1#f' })).toBe('POST users');
    expect(suggestedName({ method: 'GET', url: 'example.org' })).toBe('GET example.org');
    expect(suggestedName({ method: 'GET', url: '{{host}}/login/' })).toBe('GET login');
    expect(suggestedName({ method: '', url: '' })).toBe('New request');
  });
  it('stableJson ignores key order', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(stableJson({ a: { c: [3, { e: 0, f: 1 }], d: 2 }, b: 1 }));
  });
});

describe('reconcileTabs', () => {
  const clean: Tab = { key: 't1', draft: draft('http://x/a'), saved: saved('a'), title: 'a' };
  clean.baseline = clean.draft;
  const dirty: Tab = { ...clean, key: 't2', saved: saved('b'), draft: draft('http://x/changed') };
  const free: Tab = { key: 't3', draft: draft('http://x/c') };

  it('reloads a clean tab whose file changed, marks a dirty one, leaves the rest', () => {
    const r = reconcileTabs([clean, dirty, free], tree([req('a', 'v2'), req('b', 'v2')]));
    expect(r.reload).toEqual(['t1']);
    expect(r.tabs.map((t) => t.diskChanged)).toEqual([undefined, true, undefined]);
  });
  it('changes nothing where the versions are the same, and clears the mark once they are', () => {
    const tabs = [clean, dirty, free];
    const same = reconcileTabs(tabs, tree([req('a', 'v1'), req('b', 'v1')]));
    expect(same.tabs).toBe(tabs);
    expect(same.reload).toEqual([]);
    const marked = reconcileTabs(tabs, tree([req('b', 'v2')])).tabs;
    expect(reconcileTabs(marked, tree([req('b', 'v1')])).tabs[1]?.diskChanged).toBeUndefined();
  });
  it('leaves tabs being saved, of another workspace, or whose file is gone', () => {
    expect(reconcileTabs([dirty], tree([req('b', 'v2')]), { saving: new Set(['t2']) }).tabs[0]?.diskChanged).toBeUndefined();
    expect(reconcileTabs([{ ...dirty, saved: { ...saved('b'), workspaceId: 'w2' } }], tree([req('b', 'v2')])).tabs[0]?.diskChanged).toBeUndefined();
    expect(reconcileTabs([clean], tree([])).reload).toEqual([]);
  });
  it('adopts the versions of a change the app made, without reloading or marking', () => {
    const r = reconcileTabs([clean, dirty], tree([req('a', 'v2'), req('b', 'v3')]), { adopt: true });
    expect(r.reload).toEqual([]);
    expect(r.tabs.map((t) => [t.saved?.version, t.diskChanged])).toEqual([
      ['v2', undefined],
      ['v3', undefined],
    ]);
  });
  it('relinks tabs under a renamed or moved item', () => {
    const tabs = relinkTabs([{ ...clean, saved: saved('f/a') }, { ...clean, saved: saved('f2/a') }, free], 'w1', 'f', 'g');
    expect(tabs.map((t) => t.saved?.path)).toEqual(['g/a', 'f2/a', undefined]);
  });
});

describe('takeForeignRefs', () => {
  it('tells links made elsewhere (restored tabs) once, and never the ones made here', () => {
    const mine: Tab = { key: 'a', draft: draft('http://x/'), saved: ownRef(saved('a')) };
    const restored: Tab = { key: 'b', draft: draft('http://x/'), saved: saved('b') };
    expect(takeForeignRefs([mine])).toBe(false);
    expect(takeForeignRefs([mine, restored])).toBe(true);
    expect(takeForeignRefs([mine, restored])).toBe(false);
    expect(takeForeignRefs(relinkTabs([mine], 'w1', 'a', 'c'))).toBe(false);
  });
});

describe('the collections slice', () => {
  it('applies a tree, remembers the environment per workspace, and names the send context', () => {
    const store = createAppStore();
    const key = store.getState().activeTab;
    expect(sendContextOf(store.getState(), store.getState().tabs[0] as Tab)).toBeUndefined();
    store.getState().setWorkspaces({ open: [tree([]).info], recent: [] });
    store.getState().applyTree(tree([req('f/a', 'v1')], [{ name: 'dev', variables: [] }]));
    store.getState().linkTab(key, saved('f/a'), 'a', draft('http://x/a'), true);
    store.getState().setEnvironment('w1', 'dev');
    const tab = store.getState().tabs[0] as Tab;
    expect(tab.title).toBe('a');
    expect(tab.baseline).toBe(tab.draft);
    expect(sendContextOf(store.getState(), tab)).toEqual({ workspaceId: 'w1', requestPath: 'f/a', environment: 'dev', overrides: [] });
    expect(sendContextOf(store.getState(), { saved: undefined })).toEqual({ workspaceId: 'w1', environment: 'dev', overrides: [] });
    // An environment the workspace no longer has is not sent.
    store.getState().applyTree(tree([req('f/a', 'v1')]));
    expect(sendContextOf(store.getState(), tab)).toEqual({ workspaceId: 'w1', requestPath: 'f/a', overrides: [] });
  });
});

describe('variableLayersOf', () => {
  it('lists the workspace, the folders down to the request, then the environment, without disabled variables', () => {
    const store = createAppStore();
    const v = (name: string, value: string, enabled = true) => ({ name, value, secret: false, enabled });
    const t: WorkspaceTree = {
      ...tree([req('a/b/r', 'v1')], [{ name: 'dev', variables: [v('host', 'dev.local')] }]),
      variables: [v('host', 'ws'), v('off', 'x', false)],
      folderVariables: { a: [v('token', 'fa')], 'a/b': [v('token', 'fb')], c: [v('other', 'c')] },
    };
    store.getState().setWorkspaces({ open: [t.info], recent: [] });
    store.getState().applyTree(t);
    store.getState().setEnvironment('w1', 'dev');
    const layers = variableLayersOf(store.getState(), { saved: saved('a/b/r') });
    expect(layers.map((l) => [l.kind, l.label, l.variables.map((x) => `${x.name}=${x.value}`)])).toEqual([
      ['workspace', 'W', ['host=ws']],
      ['folder', 'a', ['token=fa']],
      ['folder', 'a/b', ['token=fb']],
      ['environment', 'dev', ['host=dev.local']],
    ]);
    expect(variableLayersOf(store.getState(), { saved: undefined }).map((l) => l.kind)).toEqual(['workspace', 'environment']);
  });
});
