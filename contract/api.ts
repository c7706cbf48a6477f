// The one API between the UI and the core: every command's input and output, and the
// events pushed to the UI. Every adapter (Electron IPC, browser-mode WebSocket) parses
// what it receives with these schemas. Imports nothing of the app.
import { z } from 'zod';
import { COOKIE_COMMANDS, CookiesPushSchema } from './cookie-commands.js';
import { ASSERTION_COMMANDS } from './assertions.js';
import { CatchEventSchema, CatchLimitsSchema, CatchRulesSchema, CatchStatusSchema, CaughtIdSchema, CaughtPushSchema, CaughtSummarySchema } from './catch.js';
import { InetEventSchema } from './events.js';
import { OAUTH_COMMANDS } from './oauth.js';
import { EXPORT_COMMANDS } from './export.js';
import { IMPORT_COMMANDS } from './import.js';
import { RequestDraftSchema, RequestIdSchema, SentRequestSchema } from './request.js';
import { SCRIPT_COMMANDS } from './script-commands.js';
import { SESSION_COMMANDS } from './tab-session.js';
import { SendContextSchema } from './variables.js';
import { WORKSPACE_COMMANDS, WorkspacePushSchema } from './workspace.js';

export { RequestIdSchema } from './request.js';

/** A bound on inline HAR bodies, so an export cannot be asked to build a file of unbounded size in memory. */
export const MAX_HAR_INLINE_BYTES = 256 * 1024 * 1024;

export const SettingsSchema = z.object({
  defaultEngine: z.enum(['auto', 'wininet', 'curl']).default('auto'),
  /** Browser mode saves only into this folder. It is fixed where the server starts (a flag,
   * the environment or the settings file) and shown to the page, which cannot change it:
   * setSettings refuses it, so a page script cannot aim saves at an autostart folder. */
  downloadsDir: z.string().optional(),
  /** Stored response bodies are evicted oldest first above this size. */
  bodyStoreLimitMiB: z.number().int().min(16).max(1024 * 1024).default(4096),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** HAR export: response bodies up to this size go inline (content.text), larger ones are left out. */
  harInlineBodyLimitBytes: z.number().int().min(0).max(MAX_HAR_INLINE_BYTES).default(1024 * 1024),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const HistorySummarySchema = z.object({
  id: RequestIdSchema,
  method: z.string(),
  url: z.string(),
  engine: z.string(),
  startedAt: z.number(),
  statusCode: z.number().int().optional(),
  ok: z.boolean().optional(),
  /** A failed exchange's error code (contract/events.ts ERROR_CODES: CANCELLED, TIMEOUT…). */
  error: z.string().optional(),
  bodyBytes: z.number().optional(),
  /** ms from start to finished. */
  durationMs: z.number().optional(),
  /** 'sent' by this app, or 'har' (imported from a HAR file, e.g. Chrome's). */
  source: z.enum(['sent', 'har']).default('sent'),
  /** An imported entry whose HAR left the response body out: why (the HAR's own words where it gives them). */
  bodyOmitted: z.string().optional(),
  /** The saved request it was sent from (a chained variable reads its latest response). */
  saved: z.object({ workspaceId: z.string().max(200), path: z.string().max(4096) }).optional(),
  /** An OAuth 2.0 token request, made for the request `for` (absent: "Get new token"). */
  tokenRequest: z.object({ for: RequestIdSchema.optional() }).optional(),
});

const empty = z.object({}).strict();
/** Which bytes of a response body: as received (wire) or with its Content-Encoding undone. */
const BodyViewSchema = z.enum(['wire', 'decoded']).default('wire');

/** filterJsonBody parses bodies up to this size (the whole body is held while it runs). */
export const MAX_JSON_FILTER_BYTES = 256 * 1024 * 1024;

/** One uploadChunk carries at most 1 MiB (its base64 text at most 4/3 of that). */
export const MAX_CHUNK_BYTES = 1024 * 1024;
const MAX_CHUNK_BASE64 = Math.ceil(MAX_CHUNK_BYTES / 3) * 4;
/** An upload's declared size is bounded so a page cannot reserve unbounded disk. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024 * 1024;

/** Every command: name → input and output schemas. */
export const COMMANDS = {
  // Strict: a field the core does not know (an old `caFile` path among them) is refused, never silently dropped.
  /** engineStarting: the engine whose host is still starting (the request waits for it: seconds under Wine).
   * `{{variables}}` in the request resolve against the context's scopes (none: built-ins only).
   * A saved request with scripts in an untrusted workspace is refused SCRIPTS_NOT_TRUSTED
   * unless `withoutScripts` (contract/scripts.ts). */
  sendRequest: {
    input: z.object({ id: RequestIdSchema, request: SentRequestSchema, context: SendContextSchema.optional(), withoutScripts: z.boolean().optional() }).strict(),
    output: z.object({ accepted: z.literal(true), engineStarting: z.string().optional() }),
  },
  cancelRequest: { input: z.object({ id: RequestIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  listHistory: {
    input: z.object({ query: z.string().max(500).optional(), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }),
    output: z.object({ entries: z.array(HistorySummarySchema), total: z.number().int() }),
  },
  loadHistoryEntry: {
    input: z.object({ id: RequestIdSchema }),
    output: z.object({ summary: HistorySummarySchema, request: RequestDraftSchema, events: z.array(InetEventSchema) }),
  },
  /** A body's sizes as sent on the wire and as meant (its Content-Encoding undone, made on first ask). */
  describeBody: {
    input: z.object({ id: RequestIdSchema }),
    output: z.object({ wireBytes: z.number().int(), coding: z.string().optional(), decodedBytes: z.number().int().optional(), decodeError: z.string().optional() }),
  },
  readBodySlice: {
    input: z.object({ id: RequestIdSchema, offset: z.number().int().min(0), length: z.number().int().min(1).max(4 * 1024 * 1024), view: BodyViewSchema }),
    output: z.object({ offset: z.number().int(), base64: z.string(), total: z.number().int(), complete: z.boolean() }),
  },
  /** The first match of `query` (text, ASCII letters folded unless `caseSensitive`; or `hex`
   * bytes) starting at or after `from` (forward), or before it (backward), scanned in the core
   * over the stored file for at most `budgetMs`. No `offset` and `complete` false: the time ran
   * out at `resumeAt`, ask again from there; `complete` true: no match in that direction. */
  searchBody: {
    input: z
      .object({
        id: RequestIdSchema,
        view: BodyViewSchema,
        query: z.string().min(1).max(1000),
        encoding: z.enum(['text', 'hex']).default('text'),
        caseSensitive: z.boolean().default(false),
        from: z.number().int().min(0),
        direction: z.enum(['forward', 'backward']).default('forward'),
        budgetMs: z.number().int().min(10).max(5000).default(1000),
      })
      .strict(),
    output: z.object({ offset: z.number().int().optional(), length: z.number().int(), resumeAt: z.number().int(), total: z.number().int(), complete: z.boolean() }),
  },
  /** The matches of a JSONPath over a JSON body, evaluated in the core (script evaluation
   * off), as pretty JSON text (an array of the matches); a body over MAX_JSON_FILTER_BYTES,
   * not JSON, or a path that cannot be evaluated is refused, saying which. */
  filterJsonBody: {
    input: z.object({ id: RequestIdSchema, view: BodyViewSchema, path: z.string().min(1).max(2000) }).strict(),
    output: z.object({ text: z.string(), matches: z.number().int() }),
  },
  saveBody: {
    input: z.object({ id: RequestIdSchema, view: BodyViewSchema }),
    output: z.union([z.object({ saved: z.literal(true), path: z.string(), bytes: z.number().int() }), z.object({ saved: z.literal(false) })]),
  },
  pickUploadFile: {
    input: empty,
    output: z.union([z.object({ picked: z.literal(true), fileToken: z.string(), name: z.string(), size: z.number().int() }), z.object({ picked: z.literal(false) })]),
  },
  /** Browser mode's file upload (a page cannot name a path): begin, chunks in order, end. */
  beginUpload: {
    input: z.object({ name: z.string().max(1000), size: z.number().int().min(0).max(MAX_UPLOAD_BYTES) }).strict(),
    output: z.object({ fileToken: z.string() }),
  },
  uploadChunk: {
    input: z.object({ fileToken: z.string().min(1), offset: z.number().int().min(0), base64: z.string().max(MAX_CHUNK_BASE64) }).strict(),
    output: z.object({ received: z.number().int() }),
  },
  endUpload: { input: z.object({ fileToken: z.string().min(1) }).strict(), output: z.object({ size: z.number().int() }) },
  /** HAR 1.2 of the given history entries (none: the whole history), one entry per redirect
   * hop, timings derived from the native events, saved through the shell's save dialog
   * (browser mode: the downloads folder). A secret variable's value in a request is written
   * as {{name}} unless includeSecrets. */
  exportHar: {
    input: z
      .object({
        ids: z.array(RequestIdSchema).max(100_000).optional(),
        inlineBodyLimitBytes: z.number().int().min(0).max(MAX_HAR_INLINE_BYTES).optional(),
        includeSecrets: z.boolean().default(false),
      })
      .strict(),
    output: z.union([z.object({ saved: z.literal(true), path: z.string(), entries: z.number().int(), bytes: z.number().int() }), z.object({ saved: z.literal(false) })]),
  },
  /** A HAR file the user picked (pickUploadFile) or uploaded (beginUpload…endUpload) becomes
   * history entries (source 'har'): shown in the same panes, re-sendable. */
  importHar: {
    input: z.object({ fileToken: z.string().min(1) }).strict(),
    output: z.object({ ids: z.array(RequestIdSchema), skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })) }),
  },
  /** The catch server (contract/catch.ts): a listener for requests that arrive. Loopback
   * unless `host` names another address; a free port unless `port` is given. */
  startCatchServer: {
    input: z
      .object({ host: z.string().min(1).max(255).optional(), port: z.number().int().min(0).max(65535).optional(), rules: CatchRulesSchema.optional(), limits: CatchLimitsSchema.optional() })
      .strict(),
    output: CatchStatusSchema,
  },
  stopCatchServer: { input: empty, output: CatchStatusSchema },
  catchServerStatus: { input: empty, output: CatchStatusSchema },
  setCatchRules: { input: z.object({ rules: CatchRulesSchema }).strict(), output: CatchStatusSchema },
  listCaught: {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.object({ requests: z.array(CaughtSummarySchema), total: z.number().int() }),
  },
  getCaught: { input: z.object({ id: CaughtIdSchema }).strict(), output: z.object({ summary: CaughtSummarySchema, events: z.array(CatchEventSchema) }) },
  readCaughtBodySlice: {
    input: z.object({ id: CaughtIdSchema, offset: z.number().int().min(0), length: z.number().int().min(1).max(4 * 1024 * 1024) }).strict(),
    output: z.object({ offset: z.number().int(), base64: z.string(), total: z.number().int(), complete: z.boolean() }),
  },
  saveCaughtBody: {
    input: z.object({ id: CaughtIdSchema }).strict(),
    output: z.union([z.object({ saved: z.literal(true), path: z.string(), bytes: z.number().int() }), z.object({ saved: z.literal(false) })]),
  },
  /** A token for the caught body as an upload source, so a composed request can send it again. */
  caughtBodyToken: { input: z.object({ id: CaughtIdSchema }).strict(), output: z.object({ fileToken: z.string(), size: z.number().int() }) },
  getSettings: { input: empty, output: SettingsSchema },
  setSettings: { input: SettingsSchema.omit({ downloadsDir: true }).partial().strict(), output: SettingsSchema },
  /** The request tabs that survive a reload and a restart (contract/tab-session.ts). */
  ...SESSION_COMMANDS,
  ...WORKSPACE_COMMANDS,
  /** Postman collections and environments into a workspace (contract/import.ts). */
  ...IMPORT_COMMANDS,
  /** A workspace or folder as a Postman collection or HAR, an environment for Postman (contract/export.ts). */
  ...EXPORT_COMMANDS,
  /** A workspace's cookie jar (contract/cookie-commands.ts). */
  ...COOKIE_COMMANDS,
  /** Workspace trust for scripts and a send's script report (contract/script-commands.ts). */
  ...SCRIPT_COMMANDS,
  /** A request's assertions on an exchange of the history (contract/assertions.ts). */
  ...ASSERTION_COMMANDS,
  /** OAuth 2.0 tokens: get, show, clear; the code grant's browser round trip (contract/oauth.ts). */
  ...OAUTH_COMMANDS,
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandInput<C extends CommandName> = z.input<(typeof COMMANDS)[C]['input']>;
export type ParsedInput<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['input']>;
export type CommandOutput<C extends CommandName> = z.infer<(typeof COMMANDS)[C]['output']>;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** A command failure as the UI sees it: a stable code and a message that names the problem. */
export const CommandErrorSchema = z.object({ code: z.string(), message: z.string() });

/** Pushed to the UI, batched (about one batch per frame): events of many requests, the catch server's, a workspace's new tree, or word that its cookies changed. */
export const EventsPushSchema = z.object({ kind: z.literal('events'), events: z.array(InetEventSchema) });
export const PushSchema = z.discriminatedUnion('kind', [EventsPushSchema, CaughtPushSchema, WorkspacePushSchema, CookiesPushSchema]);
export type Push = z.infer<typeof PushSchema>;
export type EventsPush = z.infer<typeof EventsPushSchema>;

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}
