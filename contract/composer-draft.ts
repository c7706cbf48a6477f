// The composer's draft: what a request tab holds while it is edited (rows, the body editor's
// state with its modes and file refs, auth, options). The page's types are inferred from
// these schemas; the core checks a draft with them where one crosses to it (the tab
// session). Distinct from contract/request.ts's RequestDraft, which is what a send carries.
// Strict objects, every string and list bounded, so a page cannot make the core keep
// unbounded data. Imports nothing of the app.
import { z } from 'zod';
import { OAuth2AuthSchema } from './oauth.js';
import { HttpVersionChoiceSchema, ProxyAuthSchemeSchema } from './request.js';

/** The raw body's text: as large as the composer's editor is asked to keep (16 MiB). */
export const MAX_DRAFT_BODY_CHARS = 16 * 1024 * 1024;
/** A URL, a header value, a row's text (the session as a whole is bounded too: contract/tab-session.ts). */
const MAX_TEXT = 1024 * 1024;
const MAX_ROWS = 10_000;

const Text = z.string().max(MAX_TEXT);
const rows = <T extends z.ZodType>(row: T) => z.array(row).max(MAX_ROWS);

export const EngineSchema = z.enum(['auto', 'curl', 'wininet']);
export type Engine = z.infer<typeof EngineSchema>;

/** A row of the composer's name/value tables (parameters, form fields, headers). */
export const KeyValueRowSchema = z.strictObject({ name: Text, value: Text, enabled: z.boolean() });
export type KeyValueRow = z.infer<typeof KeyValueRowSchema>;

/** A file chosen for upload: a core token (Electron's native picker, or an upload made just
 * before sending), or a File held by this page under `localId` until it is uploaded. With
 * neither, only its name is known: the user must choose it (again). */
export const FileRefSchema = z.strictObject({
  name: z.string().max(1000),
  size: z.number().int().min(0),
  fileToken: z.string().min(1).max(200).optional(),
  localId: z.string().min(1).max(200).optional(),
});
export type FileRef = z.infer<typeof FileRefSchema>;

export const MultipartRowSchema = z.strictObject({
  ...KeyValueRowSchema.shape,
  kind: z.enum(['text', 'file']),
  file: FileRefSchema.optional(),
});
export type MultipartRow = z.infer<typeof MultipartRowSchema>;

export const AuthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('basic'), user: Text, password: Text }),
  z.strictObject({ kind: z.literal('bearer'), token: Text }),
  /** Negotiated by the engine (contract/auth.ts): the request carries them as `auth`. */
  ...(['digest', 'ntlm', 'negotiate', 'any'] as const).map((kind) => z.strictObject({ kind: z.literal(kind), user: Text, password: Text })),
  /** Performed by the core (it becomes RequestDraft.auth, not a header the page writes). */
  OAuth2AuthSchema,
]);
export type Auth = z.infer<typeof AuthSchema>;

export const BodyModeSchema = z.enum(['none', 'raw', 'form', 'multipart', 'binary']);
export type BodyMode = z.infer<typeof BodyModeSchema>;
export const RawTypeSchema = z.enum(['json', 'xml', 'text']);
export type RawType = z.infer<typeof RawTypeSchema>;

/** The body editor's state: its mode, the raw type, form and multipart rows, the binary file. */
export const ComposerBodySchema = z.strictObject({
  mode: BodyModeSchema,
  rawType: RawTypeSchema,
  form: rows(KeyValueRowSchema),
  multipart: rows(MultipartRowSchema),
  binary: FileRefSchema.optional(),
});
export type ComposerBody = z.infer<typeof ComposerBodySchema>;

/** curl's -E/--cert, --key, --cert-type, --pass in the composer: files chosen like an upload. */
export const ComposerClientCertSchema = z.strictObject({
  cert: FileRefSchema,
  /** PEM only: the key, when it is not in the certificate file. */
  key: FileRefSchema.optional(),
  type: z.enum(['PEM', 'P12']),
  /** As typed: a {{secret}} variable reference keeps it out of the workspace's files. */
  password: z.string().max(1000),
});
export type ComposerClientCert = z.infer<typeof ComposerClientCertSchema>;

export const DraftOptionsSchema = z.strictObject({
  engine: EngineSchema,
  /** Seconds as typed; empty: no deadline. */
  timeoutS: z.string().max(100),
  followRedirects: z.boolean(),
  insecure: z.boolean(),
  /** Absent: the engine's default version. */
  httpVersion: HttpVersionChoiceSchema.optional(),
  /** curl's --cacert: a PEM file picked or uploaded like a body file (a pasted command's path
   * arrives as a name with no file: it must be chosen); absent: the system's CAs. */
  caFile: FileRefSchema.optional(),
  /** The client certificate (mTLS); absent: none (a workspace's certificate for the host may apply). */
  clientCert: ComposerClientCertSchema.optional(),
  /** host:port, empty: none. */
  proxy: Text,
  /** curl's --noproxy list as typed; empty or absent: none. */
  noProxy: Text.optional(),
  /** Proxy credentials (-U); an empty user: none. The password is kept like the Auth tab's. */
  proxyUser: Text.optional(),
  proxyPassword: Text.optional(),
  proxyScheme: ProxyAuthSchemeSchema.optional(),
  /** false: the workspace's cookies are not sent (absent, as in a session from before: sent). */
  sendCookies: z.boolean().optional(),
});
export type DraftOptions = z.infer<typeof DraftOptionsSchema>;

const Ms = z.number().int().positive().max(24 * 3600 * 1000);

/** The assertions editor's kinds: one per form an assertion takes (contract/assertions.ts). */
export const AssertionRowKindSchema = z.enum(['statusEquals', 'statusOneOf', 'headerPresent', 'headerEquals', 'jsonPathEquals', 'jsonPathExists', 'timeBelow']);
export type AssertionRowKind = z.infer<typeof AssertionRowKindSchema>;

/** An assertion as typed, valid or not yet: `target` is the status, the status list, the header
 * name, the JSON path or the ms; `value` what a header or a path equals. */
export const AssertionRowSchema = z.strictObject({ kind: AssertionRowKindSchema, target: Text, value: Text });
export type AssertionRow = z.infer<typeof AssertionRowSchema>;

export const ComposerDraftSchema = z.strictObject({
  method: z.string().max(200),
  url: Text,
  headers: rows(KeyValueRowSchema),
  /** The raw body's text (body mode 'raw'). */
  body: z.string().max(MAX_DRAFT_BODY_CHARS),
  /** Body mode, raw type, form and multipart rows, binary file. */
  bodyDraft: ComposerBodySchema,
  auth: AuthSchema,
  /** The query rows: the URL's parameters plus disabled and blank rows (not in the URL). */
  params: rows(KeyValueRowSchema),
  options: DraftOptionsSchema,
  /** Settings a request brought along (an imported curl command) that the composer has no field for. */
  carried: z.strictObject({ connectMs: Ms.optional(), receiveMs: Ms.optional(), maxRedirects: z.number().int().min(0).max(100).optional() }).optional(),
  /** The assertions saved with the request, as the editor holds them; absent: none. */
  assertions: z.array(AssertionRowSchema).max(100).optional(),
});
export type ComposerDraft = z.infer<typeof ComposerDraftSchema>;
