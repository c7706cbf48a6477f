// The app's core behind the UI↔core contract (contract/api.ts): every command is parsed
// with its zod schema here, whatever adapter (Electron IPC, browser WebSocket) carried it.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { COMMANDS, isCommandName, type CommandName, type CommandOutput, type ParsedInput, type Push } from '../contract/api.js';
import type { COOKIE_COMMANDS } from '../contract/cookie-commands.js';
import type { WORKSPACE_COMMANDS } from '../contract/workspace.js';
import { BodyStore } from './body-store.js';
import { filterJsonBody, readBody, searchBody } from './body-reads.js';
import { DecodedBodies } from './decoded-bodies.js';
import { CatchService } from './catch/catch-service.js';
import { CommandFailure, type AppHooks, type Log } from './command-failure.js';
import { CookieStore } from './cookie-store.js';
import { EngineSessions } from './engine-sessions.js';
import { exportCollection, exportEnvironment } from './export/export-service.js';
import { exportHar } from './har-export.js';
import { importHar } from './har-import.js';
import { importCollection, importEnvironment } from './import/import-service.js';
import { checkHistoryAssertions } from './history-assertions.js';
import { HistoryStore } from './history-store.js';
import { DisposableStore } from './lifecycle.js';
import { PushBatcher } from './push-batcher.js';
import { RequestRunner } from './request-runner.js';
import { saveBody } from './save-body.js';
import { ScriptService } from './scripts/script-service.js';
import { OAuthService } from './oauth/oauth-service.js';
import { OAuthTokens } from './oauth/oauth-tokens.js';
import { TokenCache } from './oauth/token-cache.js';
import { SessionStore } from './session-store.js';
import { SettingsStore, type FixedSettings } from './settings-store.js';
import { Uploads, type UploadLimits } from './uploads.js';
import type { VariableSource } from './variable-source.js';
import { WorkspaceService } from './workspace/workspace-service.js';
import { issueText } from '../contract/zod-issue.js';

export { CommandFailure, type AppHooks } from './command-failure.js';

/** `raw` is the input as received: zod's partial() still fills in defaults, so only raw's keys say what was given. */
type Handlers = { [C in CommandName]: (input: ParsedInput<C>, raw: unknown) => Promise<CommandOutput<C>> | CommandOutput<C> };

interface Parts {
  settings: SettingsStore;
  tabSession: SessionStore;
  history: HistoryStore;
  bodies: BodyStore;
  decoded: DecodedBodies;
  sessions: EngineSessions;
  batcher: PushBatcher;
  uploads: Uploads;
  runner: RequestRunner;
  catcher: CatchService;
  workspaces: WorkspaceService;
  cookies: CookieStore;
  scripts: ScriptService;
  oauth: OAuthService;
  hooks: AppHooks;
  shutdown: DisposableStore;
}

/** Tests reach the engine sessions (to kill a host) without widening AppCore's API. */
const sessionsOf = new WeakMap<AppCore, EngineSessions>();
export function engineSessionsOf(core: AppCore): EngineSessions {
  return sessionsOf.get(core)!;
}

/** The workspaces as the resolver's VariableSource (layersFor), for the core's own parts and tests. */
const workspacesOfCore = new WeakMap<AppCore, VariableSource>();
export function variableSourceOf(core: AppCore): VariableSource {
  return workspacesOfCore.get(core)!;
}

export interface CoreOptions {
  dataDir: string;
  hooks: AppHooks;
  log?: (m: string) => void;
  /** What the shell fixes at start (browser mode: the downloads folder); the UI sees it, cannot set it. */
  fixedSettings?: FixedSettings;
  /** Bounds on browser mode's staged uploads (defaults: core/uploads.ts). */
  uploadLimits?: Partial<UploadLimits>;
  /** Where sendRequest's context finds its variables; absent: the workspaces (tests give their own). */
  variables?: VariableSource;
  /** Folders opened as workspaces at start (browser mode's --workspace); each must exist. */
  workspaces?: string[];
}

export class AppCore {
  private readonly handlers: Handlers;
  private closed = false;

  private constructor(private readonly p: Parts) {
    this.handlers = handlersFor(p);
    sessionsOf.set(this, p.sessions);
    workspacesOfCore.set(this, p.workspaces);
  }

  static async create(opts: CoreOptions): Promise<AppCore> {
    const log: Log = opts.log ?? ((m) => console.warn(`[inetscope core] ${m}`));
    await fs.mkdir(path.join(opts.dataDir, 'logs'), { recursive: true });
    const shutdown = new DisposableStore();
    try {
      // Made first so that it is closed last: what the closing parts push still leaves.
      const batcher = new PushBatcher(log);
      shutdown.add(() => batcher.flush());
      const settings = await SettingsStore.load(opts.dataDir, log, opts.fixedSettings);
      const tabSession = new SessionStore(opts.dataDir, log);
      shutdown.add(() => tabSession.idle());
      const history = await HistoryStore.load(opts.dataDir, log);
      shutdown.add(() => history.flushed());
      const bodies = await BodyStore.open(opts.dataDir, () => settings.get().bodyStoreLimitMiB * 1024 * 1024, log);
      await bodies.evict();
      const decoded = new DecodedBodies(bodies, history, () => settings.get().bodyStoreLimitMiB * 1024 * 1024);
      const uploads = new Uploads(opts.hooks, path.join(opts.dataDir, 'uploads'), opts.uploadLimits);
      await uploads.init();
      shutdown.add(() => uploads.close());
      const workspaces = await WorkspaceService.create({
        dataDir: opts.dataDir,
        log,
        push: (tree) => batcher.addWorkspace(tree),
        chooseFolder: opts.hooks.chooseWorkspaceFolder?.bind(opts.hooks),
        folders: opts.workspaces,
      });
      shutdown.add(() => workspaces.dispose());
      // Before the runner: closed after it, so what the last responses set is written.
      const cookies = new CookieStore({ dir: path.join(opts.dataDir, 'cookies'), log, changed: (id) => batcher.addCookies(id) });
      shutdown.add(() => cookies.close());
      const sessions = new EngineSessions({ logDir: path.join(opts.dataDir, 'logs'), log });
      const scripts = await ScriptService.create(opts.dataDir, log, workspaces);
      shutdown.add(() => scripts.dispose());
      const tokens = new OAuthTokens(new TokenCache(path.join(opts.dataDir, 'oauth'), log));
      const variables = opts.variables ?? workspaces;
      const runner = new RequestRunner({ sessions, bodies, history, uploads, settings, batcher, log, variables, cookies, scripts, oauth: tokens });
      const oauth = new OAuthService({ tokens, variables, transport: (d) => runner.exchange(d), ...(opts.hooks.openExternal ? { openExternal: opts.hooks.openExternal.bind(opts.hooks) } : {}) });
      // Records what finished: it runs after the hosts stopped (next line), which ends every request in flight.
      shutdown.add(() => runner.idle());
      shutdown.add(() => sessions.close());
      const catcher = await CatchService.create({ dir: path.join(opts.dataDir, 'caught'), batcher, uploads, hooks: opts.hooks, log });
      shutdown.add(() => catcher.close());
      return new AppCore({ settings, tabSession, history, bodies, decoded, sessions, batcher, uploads, runner, catcher, workspaces, cookies, scripts, oauth, hooks: opts.hooks, shutdown });
    } catch (e) {
      // What was made before the failure is closed again.
      await shutdown.dispose().catch(() => {});
      throw e;
    }
  }

  /** Parses `input` with COMMANDS[name].input, runs it, returns the output (checked against the output schema). */
  async call<C extends CommandName>(name: C, input: unknown): Promise<CommandOutput<C>> {
    if (!isCommandName(name)) throw new CommandFailure('UNKNOWN_COMMAND', `there is no command ${JSON.stringify(name)}`);
    if (this.closed) throw new CommandFailure('CLOSED', 'the app core is shutting down');
    const spec = COMMANDS[name] as { input: z.ZodType; output: z.ZodType };
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) throw new CommandFailure('BAD_INPUT', describeIssue(name, parsed.error));
    const handler = this.handlers[name] as (i: unknown, raw: unknown) => Promise<unknown> | unknown;
    const output = spec.output.safeParse(await handler(parsed.data, input));
    if (!output.success) throw new CommandFailure('INTERNAL', `${name} produced a bad output: ${describeIssue(name, output.error)}`);
    return output.data as CommandOutput<C>;
  }

  /** Event batches for the UI, about one per 16 ms. Returns an unsubscribe function. */
  onPush(listener: (push: Push) => void): () => void {
    return this.p.batcher.subscribe(listener);
  }

  /** The page that began these uploads disconnected: the unfinished ones are dropped (browser mode). */
  abandonUploads(tokens: Iterable<string>): Promise<void> {
    return this.p.uploads.abandon(tokens);
  }

  /** Closes the parts in reverse order of creation: the catch server, the engine hosts
   * (requests in flight end), then records what finished and pushes the rest. */
  async close(): Promise<void> {
    this.closed = true;
    await this.p.shutdown.dispose();
  }
}

function handlersFor(p: Parts): Handlers {
  return {
    sendRequest: ({ id, request, context, withoutScripts }) => p.runner.send(id, request, context, withoutScripts),
    cancelRequest: ({ id }) => p.runner.cancel(id),
    listHistory: ({ query, limit, offset }) => p.history.list(query, limit, offset),
    loadHistoryEntry: ({ id }) => p.history.get(id),
    describeBody: ({ id }) => p.decoded.describe(id),
    readBodySlice: ({ id, offset, length, view }) => (view === 'decoded' ? p.decoded.readSlice(id, offset, length) : readBody(p, id, offset, length)),
    searchBody: (input) => searchBody(p, input),
    filterJsonBody: (input) => filterJsonBody(p, input),
    saveBody: ({ id, view }) => saveBody(p, id, view),
    pickUploadFile: () => p.uploads.pick(),
    beginUpload: ({ size }) => p.uploads.begin(size),
    uploadChunk: ({ fileToken, offset, base64 }) => p.uploads.chunk(fileToken, offset, base64),
    endUpload: ({ fileToken }) => p.uploads.end(fileToken),
    exportHar: ({ ids, inlineBodyLimitBytes, includeSecrets }) => exportHar(p, ids, { limit: inlineBodyLimitBytes ?? p.settings.get().harInlineBodyLimitBytes, includeSecrets }),
    importHar: ({ fileToken }) => importHar(p, fileToken),
    startCatchServer: (input) => p.catcher.start(input),
    stopCatchServer: () => p.catcher.stop(),
    catchServerStatus: () => p.catcher.status(),
    setCatchRules: ({ rules }) => p.catcher.setRules(rules),
    listCaught: ({ limit }) => p.catcher.list(limit),
    getCaught: ({ id }) => p.catcher.get(id),
    readCaughtBodySlice: ({ id, offset, length }) => p.catcher.readSlice(id, offset, length),
    saveCaughtBody: ({ id }) => p.catcher.save(id),
    caughtBodyToken: ({ id }) => p.catcher.bodyToken(id),
    getSettings: () => p.settings.get(),
    setSettings: async (parsed, raw) => {
      const given = new Set(Object.keys(raw as object));
      const partial = Object.fromEntries(Object.entries(parsed).filter(([k]) => given.has(k)));
      const next = await p.settings.set(partial);
      await p.bodies.evict();
      return next;
    },
    loadSession: () => p.tabSession.load(),
    saveSession: ({ owner, session }) => p.tabSession.save(owner, session),
    ...workspaceHandlers(p.workspaces),
    importCollection: (input) => importCollection(p, input),
    importEnvironment: (input) => importEnvironment(p, input),
    exportCollection: (input) => exportCollection({ ...p, inlineLimit: () => p.settings.get().harInlineBodyLimitBytes }, input),
    exportEnvironment: (input) => exportEnvironment(p, input),
    workspaceTrust: ({ id, requestPath }) => p.scripts.trust(id, requestPath),
    setWorkspaceTrust: ({ id, trusted }) => p.scripts.setTrust(id, trusted),
    scriptReport: ({ id }) => p.scripts.report(id),
    checkAssertions: ({ id, assertions }) => checkHistoryAssertions(p, id, assertions),
    ...cookieHandlers(p),
    oauthTokenStatus: (t) => p.oauth.status(t),
    getOAuthToken: (t) => p.oauth.getNew(t),
    clearOAuthToken: (t) => p.oauth.clear(t),
    startOAuthAuthorization: (t) => p.oauth.start(t),
    finishOAuthAuthorization: ({ flowId }) => p.oauth.finish(flowId),
    cancelOAuthAuthorization: ({ flowId }) => p.oauth.cancel(flowId),
  };
}

/** A workspace's jar, once the workspace is open (its id is then known to be one). */
function cookieHandlers({ cookies, workspaces }: Parts): Pick<Handlers, keyof typeof COOKIE_COMMANDS> {
  const open = (id: string): string => {
    if (!workspaces.list().open.some((w) => w.id === id)) throw new CommandFailure('NOT_FOUND', `the workspace ${id} is not open`);
    return id;
  };
  return {
    listCookies: ({ id }) => cookies.list(open(id)),
    setCookie: ({ id, cookie, replaces }) => cookies.set(open(id), cookie, replaces),
    deleteCookie: ({ id, key }) => cookies.delete(open(id), key),
    clearCookies: ({ id, domain }) => cookies.clear(open(id), domain),
  };
}

function workspaceHandlers(w: WorkspaceService): Pick<Handlers, keyof typeof WORKSPACE_COMMANDS> {
  return {
    listWorkspaces: () => w.list(),
    openWorkspace: (input) => w.openWorkspace(input),
    closeWorkspace: ({ id }) => w.close(id),
    workspaceTree: ({ id }) => w.tree(id),
    loadSavedRequest: ({ id, path }) => w.load(id, path),
    saveRequest: (input) => w.save(input),
    createFolder: ({ id, parent, name }) => w.createFolder(id, parent, name),
    renameItem: ({ id, path, name }) => w.rename(id, path, name),
    duplicateItem: ({ id, path }) => w.duplicate(id, path),
    moveItem: ({ id, path, toFolder, seq }) => w.move(id, path, toFolder, seq),
    deleteItem: ({ id, path }) => w.deleteItem(id, path),
    undoDelete: ({ undoToken }) => w.undoDelete(undoToken),
    saveVariables: (input) => w.saveVariables(input),
    setSecret: (input) => w.setSecret(input),
  };
}

/** "sendRequest: request.url: Invalid input…": the field path first, so the UI can point at it. */
function describeIssue(name: string, error: z.ZodError): string {
  return `${name}: ${issueText(error, '(input)')}`;
}
