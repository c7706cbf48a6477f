// The collections' part of the page state: the open and recent workspaces, the one the
// sidebar shows, each workspace's tree (replaced by every push), the environment chosen per
// workspace (remembered in localStorage), and the tabs' links to saved requests.
// sendContextOf tells a send which workspace, folder and environment resolve its {{…}}.
import type { StateCreator } from 'zustand/vanilla';
import type { SavedRef, WorkspaceInfo, WorkspaceTree } from '../../../contract/workspace.js';
import type { SendContext, Variable, VariableLayer } from '../../../contract/variables.js';
import type { AppState } from '../app-store.js';
import type { Draft } from '../composer/draft.js';
import { mapTab, type Tab } from '../tabs/tabs-slice.js';
import { parentOf } from './tree-model.js';
import { ownRef, reconcileTabs, relinkTabs, type ReconcileOptions } from './sync.js';

const ENV_KEY = 'inetscope.collections.environments';
const SHOWN_KEY = 'inetscope.collections.workspace';

export interface CollectionsSlice {
  workspaces: { open: WorkspaceInfo[]; recent: WorkspaceInfo[] };
  /** The workspace the sidebar shows (and new requests are saved into). */
  workspaceId?: string;
  trees: Record<string, WorkspaceTree>;
  /** The environment chosen per workspace id (absent: no environment). */
  environments: Record<string, string>;
  setWorkspaces(list: { open: WorkspaceInfo[]; recent: WorkspaceInfo[] }): void;
  showWorkspace(id: string): void;
  setEnvironment(workspaceId: string, name: string | undefined): void;
  /** A new tree; returns the clean tabs whose saved request changed, to be loaded again. */
  applyTree(tree: WorkspaceTree, options?: ReconcileOptions): string[];
  /** The tab now edits `saved` (loaded or just saved): `baseline` is what it holds there;
   * `load` also makes it the tab's draft (a save keeps what was typed since). */
  linkTab(key: string, saved: SavedRef, title: string, baseline: Draft, load: boolean): void;
  relink(workspaceId: string, from: string, to: string): void;
}

function readJson<T>(key: string, fallback: T): T {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage refused (a private window): the choice lasts for this page only.
  }
}

function storedEnvironments(): Record<string, string> {
  const v = readJson<unknown>(ENV_KEY, {});
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The workspace to show: the one shown last if it is still open, else the first (the default). */
function pickShown(open: readonly WorkspaceInfo[], current: string | undefined): string | undefined {
  const remembered = current ?? readJson<string | undefined>(SHOWN_KEY, undefined);
  return open.some((w) => w.id === remembered) ? remembered : open[0]?.id;
}

export const createCollectionsSlice: StateCreator<AppState, [], [], CollectionsSlice> = (set, get) => ({
  workspaces: { open: [], recent: [] },
  trees: {},
  environments: storedEnvironments(),
  setWorkspaces: (workspaces) => set((s) => ({ workspaces, workspaceId: pickShown(workspaces.open, s.workspaceId) })),
  showWorkspace(id) {
    writeJson(SHOWN_KEY, id);
    set({ workspaceId: id });
  },
  setEnvironment(workspaceId, name) {
    const environments = { ...get().environments };
    if (name === undefined) delete environments[workspaceId];
    else environments[workspaceId] = name;
    writeJson(ENV_KEY, environments);
    set({ environments });
  },
  applyTree(tree, options) {
    const { tabs, reload } = reconcileTabs(get().tabs, tree, options);
    set((s) => ({ trees: { ...s.trees, [tree.info.id]: tree }, tabs }));
    return reload;
  },
  linkTab: (key, saved, title, baseline, load) =>
    set((s) => ({ tabs: mapTab(s.tabs, key, (t) => ({ ...t, draft: load ? baseline : t.draft, saved: ownRef(saved), baseline, title, diskChanged: undefined })) })),
  relink: (workspaceId, from, to) => set((s) => ({ tabs: relinkTabs(s.tabs, workspaceId, from, to) })),
});

/** The environment chosen for a workspace, if that workspace still has it. */
export function environmentOf(s: Pick<AppState, 'environments' | 'trees'>, workspaceId: string): string | undefined {
  const name = s.environments[workspaceId];
  const tree = s.trees[workspaceId];
  return name !== undefined && (!tree || tree.environments.some((e) => e.name === name)) ? name : undefined;
}

/** What a send of `tab` resolves against: its saved request's workspace and folder, else the
 * workspace shown; the environment chosen there. Undefined while no workspace is known. */
export function sendContextOf(s: Pick<AppState, 'workspaceId' | 'environments' | 'trees'>, tab: Pick<Tab, 'saved'>): SendContext | undefined {
  const workspaceId = tab.saved?.workspaceId ?? s.workspaceId;
  if (workspaceId === undefined) return undefined;
  const environment = environmentOf(s, workspaceId);
  return { workspaceId, ...(tab.saved ? { requestPath: tab.saved.path } : {}), ...(environment ? { environment } : {}), overrides: [] };
}

const enabled = (vars: readonly Variable[]): Variable[] => vars.filter((v) => v.enabled);

/** The scopes the page knows for a tab's {{…}} (the composer's highlighting), outermost first:
 * the workspace, each folder from the root down to the saved request's, the environment
 * chosen. Secrets' values are '' here (the core alone holds them); run overrides are the core's. */
export function variableLayersOf(s: Pick<AppState, 'workspaceId' | 'environments' | 'trees'>, tab: Pick<Tab, 'saved'>): VariableLayer[] {
  const ctx = sendContextOf(s, tab);
  const tree = ctx && s.trees[ctx.workspaceId];
  if (!ctx || !tree) return [];
  const layers: VariableLayer[] = [{ kind: 'workspace', label: tree.info.name, variables: enabled(tree.variables) }];
  const folders: string[] = [];
  for (let p = ctx.requestPath ? parentOf(ctx.requestPath) : ''; p !== ''; p = parentOf(p)) folders.unshift(p);
  for (const folder of folders) {
    const vars = tree.folderVariables[folder];
    if (vars?.length) layers.push({ kind: 'folder', label: folder, variables: enabled(vars) });
  }
  const env = ctx.environment !== undefined ? tree.environments.find((e) => e.name === ctx.environment) : undefined;
  if (env) layers.push({ kind: 'environment', label: env.name, variables: enabled(env.variables) });
  return layers;
}
