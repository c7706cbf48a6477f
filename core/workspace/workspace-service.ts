// The workspaces behind the workspace commands (contract/workspace.ts): the default one in
// the data dir, folders the shell chose (Electron's folder dialog, browser mode's
// --workspace), the recent list, a watcher per open workspace that pushes its tree when
// it changes, the trash behind delete/undo, and secrets kept out of the folders.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Scripts } from '../../contract/scripts.js';
import type { Environment, SendContext, Variable, VariableLayer } from '../../contract/variables.js';
import { WorkspaceFileSchema, type SavedRequest, type SecretRef, type WorkspaceInfo, type WorkspaceTree } from '../../contract/workspace.js';
import { writeFileAtomic } from '../atomic-file.js';
import { CommandFailure, type Log } from '../command-failure.js';
import { baseOf, exists, moveAcross } from './fs-ops.js';
import { WORKSPACE_FILE } from './item-names.js';
import { layersFor } from './layers.js';
import { hostClientCert } from './host-certs.js';
import type { ClientCert } from '../../engine/request-spec.js';
import type { VariableSource } from '../variable-source.js';
import { Registry, workspaceIdFor } from './registry.js';
import { scopeKey, SecretsStore, type SecretScope } from './secrets.js';
import { FolderWatcher } from './watcher.js';
import { WorkspaceStore } from './workspace-store.js';
import { toYaml } from './yaml-file.js';

export const DEFAULT_WORKSPACE_NAME = 'My workspace';
/** Deleted items older than this are emptied from the trash at start. */
const TRASH_KEPT_MS = 24 * 3600 * 1000;

export interface WorkspaceServiceOptions {
  dataDir: string;
  log: Log;
  /** Where a changed tree goes (the push batcher). */
  push(tree: WorkspaceTree): void;
  /** The shell's folder dialog; absent (browser mode): folders come only from the start. */
  chooseFolder?: (() => Promise<string | undefined>) | undefined;
  /** Folders the shell was started with (browser mode's --workspace): opened at start. */
  folders?: string[] | undefined;
}

interface Open {
  store: WorkspaceStore;
  watcher: FolderWatcher;
  /** The JSON of the tree last pushed (or read at open): an unchanged re-read pushes nothing. */
  lastTree: string;
  refreshing: Promise<void>;
}

interface SaveVariablesInput {
  id: string;
  folder?: string | undefined;
  variables: Variable[];
  environments?: Environment[] | undefined;
  carry?: Array<{ from: SecretRef; to: SecretRef }> | undefined;
  /** A folder's place among its siblings (an import sets it); absent: the file's own. */
  seq?: number | undefined;
  /** A folder's scripts (an import sets them); absent: the file's own. */
  scripts?: Scripts | undefined;
}

type SaveInput =
  | { id: string; path: string; baseVersion: string; overwrite: boolean; saved: SavedRequest }
  | { id: string; folder: string; saved: SavedRequest };

export class WorkspaceService implements VariableSource {
  private readonly open = new Map<string, Open>();
  private readonly trash = new Map<string, { workspaceId: string; path: string; dir: string }>();
  private defaultId = '';

  private constructor(
    private readonly opts: WorkspaceServiceOptions,
    private readonly registry: Registry,
    private readonly secrets: SecretsStore,
  ) {}

  static async create(opts: WorkspaceServiceOptions): Promise<WorkspaceService> {
    const registry = await Registry.load(opts.dataDir, opts.log);
    const service = new WorkspaceService(opts, registry, new SecretsStore(path.join(opts.dataDir, 'secrets'), opts.log));
    try {
      await service.start();
    } catch (e) {
      service.dispose();
      throw e;
    }
    return service;
  }

  private async start(): Promise<void> {
    await this.emptyOldTrash();
    const dir = path.join(this.opts.dataDir, 'workspaces', 'default');
    await fs.mkdir(dir, { recursive: true });
    if (!(await exists(path.join(dir, WORKSPACE_FILE)))) await writeFileAtomic(path.join(dir, WORKSPACE_FILE), toYaml(WorkspaceFileSchema.parse({ name: DEFAULT_WORKSPACE_NAME })));
    this.defaultId = (await this.openAt(dir)).id;
    for (const folder of this.opts.folders ?? []) await this.openAt(folder);
    for (const known of this.registry.all().filter((k) => k.open && !this.open.has(k.id))) {
      await this.openAt(known.location).catch((e: unknown) => {
        this.opts.log(`workspace ${known.location} did not open again: ${(e as Error).message}`);
        return this.registry.note({ ...known, open: false });
      });
    }
  }

  list(): { open: WorkspaceInfo[]; recent: WorkspaceInfo[] } {
    const open = [...this.open.values()].map((o) => o.store.info()).sort((a, b) => Number(b.id === this.defaultId) - Number(a.id === this.defaultId));
    const recent = this.registry
      .all()
      .filter((k) => !this.open.has(k.id))
      .map((k) => ({ id: k.id, name: k.name, location: k.location, readOnly: false }));
    return { open, recent };
  }

  async openWorkspace(input: { choose: 'dialog' } | { id: string }): Promise<{ opened: true; info: WorkspaceInfo } | { opened: false }> {
    if ('choose' in input) {
      if (!this.opts.chooseFolder) {
        throw new CommandFailure('NO_FOLDER_DIALOG', 'browser mode cannot show a folder dialog: start it with --workspace DIR (or INETSCOPE_WORKSPACES) to add a folder');
      }
      const folder = await this.opts.chooseFolder();
      return folder === undefined ? { opened: false } : { opened: true, info: await this.openAt(folder) };
    }
    const open = this.open.get(input.id);
    if (open) return { opened: true, info: open.store.info() };
    const known = this.registry.get(input.id);
    if (!known) throw new CommandFailure('NOT_FOUND', `no workspace with id ${input.id} is known: open its folder first`);
    return { opened: true, info: await this.openAt(known.location) };
  }

  async close(id: string): Promise<{ closed: boolean }> {
    if (id === this.defaultId) throw new CommandFailure('BAD_INPUT', 'the default workspace stays open');
    const o = this.open.get(id);
    if (!o) return { closed: false };
    o.watcher.close();
    this.open.delete(id);
    await this.registry.note({ ...o.store.info(), open: false });
    return { closed: true };
  }

  async tree(id: string): Promise<WorkspaceTree> {
    return this.entry(id).store.tree();
  }

  async load(id: string, rel: string): Promise<{ saved: SavedRequest; version: string }> {
    return this.entry(id).store.load(rel);
  }

  save(input: SaveInput): Promise<{ path: string; version: string }> {
    return this.changing(input.id, (s) => ('path' in input ? s.saveAt(input.path, input.baseVersion, input.overwrite, input.saved) : s.saveNew(input.folder, input.saved)));
  }

  createFolder(id: string, parent: string, name: string): Promise<{ path: string }> {
    return this.changing(id, (s) => s.createFolder(parent, name));
  }

  rename(id: string, rel: string, name: string): Promise<{ path: string }> {
    return this.changing(id, (s) => s.rename(rel, name));
  }

  duplicate(id: string, rel: string): Promise<{ path: string }> {
    return this.changing(id, (s) => s.duplicate(rel));
  }

  move(id: string, rel: string, toFolder: string, seq: number | undefined): Promise<{ path: string }> {
    return this.changing(id, (s) => s.move(rel, toFolder, seq));
  }

  /** Moves the item into <dataDir>/trash/<token>/ and returns the token undoDelete takes. */
  async deleteItem(id: string, rel: string): Promise<{ undoToken: string }> {
    const undoToken = crypto.randomBytes(12).toString('hex');
    const dir = path.join(this.opts.dataDir, 'trash', undoToken);
    await fs.mkdir(dir, { recursive: true });
    try {
      await this.changing(id, (s) => s.moveOut(rel, path.join(dir, baseOf(rel)), moveAcross));
    } catch (e) {
      await fs.rm(dir, { recursive: true, force: true });
      throw e;
    }
    this.trash.set(undoToken, { workspaceId: id, path: rel, dir });
    return { undoToken };
  }

  async undoDelete(token: string): Promise<{ path: string }> {
    const t = this.trash.get(token);
    if (!t) throw new CommandFailure('NOT_FOUND', 'nothing to undo for this token (a delete can be undone in the session it was made in)');
    const out = await this.changing(t.workspaceId, (s) => s.moveIn(t.path, path.join(t.dir, baseOf(t.path)), moveAcross));
    this.trash.delete(token);
    await fs.rm(t.dir, { recursive: true, force: true });
    return out;
  }

  /** Secrets' values go to the secrets file ('' keeps the stored one); the files get ''. */
  async saveVariables(input: SaveVariablesInput): Promise<WorkspaceTree> {
    const blank = (vs: Variable[]): Variable[] => vs.map((v) => (v.secret ? { ...v, value: '' } : v));
    const environments = input.environments?.map((e) => ({ ...e, variables: blank(e.variables) }));
    // Read before anything is written: a rename's old scope is pruned below.
    const carried = await this.carried(input);
    // The files first: a read-only or malformed one refuses before any secret changes.
    const before = await this.changing(input.id, (s) => s.writeVariables(input.folder, blank(input.variables), environments, input.seq, input.scripts));
    const own: SecretScope = { folder: input.folder };
    await this.keepSecrets(input.id, own, input.variables, carried.get(scopeKey(own)));
    for (const env of input.environments ?? []) await this.keepSecrets(input.id, { environment: env.name }, env.variables, carried.get(scopeKey({ environment: env.name })));
    const kept = new Set(input.environments?.map((e) => e.name));
    // A deleted (or renamed) environment's secrets go with it.
    if (input.environments) for (const name of before.filter((n) => !kept.has(n))) await this.secrets.update(input.id, { environment: name }, {}, new Set());
    return this.entry(input.id).store.tree();
  }

  async setSecret(input: { id: string; name: string; value: string } & SecretScope): Promise<{ set: true }> {
    this.entry(input.id);
    await this.secrets.update(input.id, input, { [input.name]: input.value });
    return { set: true };
  }

  /** The stored values of one scope's secrets (an export that was asked to include them). */
  async secretValues(id: string, scope: SecretScope): Promise<Record<string, string>> {
    this.entry(id);
    return this.secrets.get(id, scope);
  }

  async layersFor(ctx: SendContext): Promise<VariableLayer[]> {
    const { store } = this.entry(ctx.workspaceId);
    return layersFor(store.root, store.id, store.info().name, this.secrets, ctx);
  }

  async clientCertFor(ctx: SendContext, url: string): Promise<ClientCert | undefined> {
    const { store } = this.entry(ctx.workspaceId);
    return hostClientCert(store.root, await this.layersFor(ctx), url);
  }

  /** The folder of an open workspace (the script service reads its scripts there); undefined if it is not open. */
  rootOf(id: string): string | undefined {
    return this.open.get(id)?.store.root;
  }

  /** Stops every watcher (AppCore's close). The open list stays as it is for the next start. */
  dispose(): void {
    for (const o of this.open.values()) o.watcher.close();
    this.open.clear();
  }

  private async keepSecrets(id: string, scope: SecretScope, variables: Variable[], carried: Record<string, string> = {}): Promise<void> {
    const secret = variables.filter((v) => v.secret);
    const names = new Set(secret.map((v) => v.name));
    const typed = Object.fromEntries(secret.filter((v) => v.value !== '').map((v) => [v.name, v.value]));
    const values = { ...Object.fromEntries(Object.entries(carried).filter(([name]) => names.has(name))), ...typed };
    await this.secrets.update(id, scope, values, names);
  }

  /** The stored values `carry` moves, by the scope key they go to (a typed value wins over them). */
  private async carried(input: SaveVariablesInput): Promise<Map<string, Record<string, string>>> {
    const out = new Map<string, Record<string, string>>();
    const scopeOf = (ref: SecretRef): SecretScope => (ref.environment !== undefined ? { environment: ref.environment } : { folder: input.folder });
    for (const { from, to } of input.carry ?? []) {
      const value = (await this.secrets.get(input.id, scopeOf(from)))[from.name];
      if (value === undefined) continue;
      const key = scopeKey(scopeOf(to));
      out.set(key, { ...out.get(key), [to.name]: value });
    }
    return out;
  }

  private async openAt(folder: string): Promise<WorkspaceInfo> {
    const st = await fs.stat(folder).catch(() => undefined);
    if (!st) throw new CommandFailure('NOT_FOUND', `the folder ${folder} does not exist`);
    if (!st.isDirectory()) throw new CommandFailure('BAD_INPUT', `${folder} is not a folder`);
    const root = await fs.realpath(folder);
    const id = workspaceIdFor(root);
    const already = this.open.get(id);
    if (already) return already.store.info();
    const readOnly = await fs.access(root, fs.constants.W_OK).then(() => false, () => true);
    const store = new WorkspaceStore(id, root, readOnly);
    const lastTree = JSON.stringify(await store.tree());
    const o: Open = { store, lastTree, refreshing: Promise.resolve(), watcher: new FolderWatcher(root, () => this.refresh(o), this.opts.log) };
    this.open.set(id, o);
    await this.registry.note({ id, location: root, name: store.info().name, open: true });
    return store.info();
  }

  /** A write through the store, then a re-read once things are quiet (one push for it and its own watch events). */
  private async changing<T>(id: string, op: (s: WorkspaceStore) => Promise<T>): Promise<T> {
    const o = this.entry(id);
    try {
      return await op(o.store);
    } finally {
      o.watcher.poke();
    }
  }

  private refresh(o: Open): void {
    o.refreshing = o.refreshing.then(async () => {
      if (this.open.get(o.store.id) !== o) return;
      try {
        const tree = await o.store.tree();
        const json = JSON.stringify(tree);
        if (json === o.lastTree) return;
        o.lastTree = json;
        this.opts.push(tree);
      } catch (e) {
        this.opts.log(`workspace ${o.store.root} could not be read again: ${(e as Error).message}`);
      }
    });
  }

  private entry(id: string): Open {
    const o = this.open.get(id);
    if (!o) throw new CommandFailure('NOT_FOUND', `the workspace ${id} is not open`);
    return o;
  }

  private async emptyOldTrash(): Promise<void> {
    const dir = path.join(this.opts.dataDir, 'trash');
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const st = await fs.stat(path.join(dir, name)).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs > TRASH_KEPT_MS) await fs.rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
}
