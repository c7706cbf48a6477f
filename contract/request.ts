// A request as the page composes it and the core receives it (sendRequest), history keeps
// it and a workspace saves it (with {{variables}} unresolved). Imports nothing of the app.
import { z } from 'zod';
import { AuthDraftSchema } from './auth.js';

/** A request's id, minted by the page that sends it. */
export const RequestIdSchema = z.string().uuid();

export const HeaderRowSchema = z.object({ name: z.string(), value: z.string(), enabled: z.boolean().default(true) });

/** Header-safe text: a CR or LF would let a value start a new header line or part. */
const HeaderText = z.string().regex(/^[^\r\n]*$/, 'must not contain CR or LF');

export const FormFieldSchema = z.object({ name: z.string(), value: z.string(), enabled: z.boolean().default(true) });

export const MultipartPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: z.string().min(1), value: z.string() }),
  z.object({
    kind: z.literal('file'),
    name: z.string().min(1),
    fileToken: z.string().min(1),
    filename: z.string(),
    contentType: HeaderText.min(1).optional(),
  }),
]);
export type MultipartPart = z.infer<typeof MultipartPartSchema>;

export const BodyDraftSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('base64'), base64: z.string() }),
  /** A file the user picked (pickUploadFile) or uploaded (beginUpload…endUpload): the UI holds a token, never a path. */
  z.object({ kind: z.literal('file'), fileToken: z.string().min(1) }),
  /** Sent as application/x-www-form-urlencoded (the type is added unless a header names one). */
  z.object({ kind: z.literal('form'), fields: z.array(FormFieldSchema) }),
  /** Built by the core into a temp file with a random boundary; sent as multipart/form-data. */
  z.object({ kind: z.literal('multipart'), parts: z.array(MultipartPartSchema).min(1) }),
]);

const Ms = z.number().int().positive().max(24 * 3600 * 1000);

/** The HTTP version asked for, as curl's --http1.0 --http1.1 --http2 --http2-prior-knowledge --http3. */
export const HTTP_VERSIONS = ['1.0', '1.1', '2', '2-prior-knowledge', '3'] as const;
export const HttpVersionChoiceSchema = z.enum(HTTP_VERSIONS);
export type HttpVersionChoice = z.infer<typeof HttpVersionChoiceSchema>;

export const RequestDraftSchema = z.object({
  url: z.string().min(1),
  method: z.string().min(1).default('GET'),
  headers: z.array(HeaderRowSchema).default([]),
  body: BodyDraftSchema.default({ kind: 'none' }),
  engine: z.enum(['auto', 'wininet', 'curl']).default('auto'),
  /** Absent: the engine's own default (engine/request-spec.ts); each adapter (the composer,
   * a pasted curl command) states its own defaults and sends them. */
  followRedirects: z.boolean().optional(),
  maxRedirects: z.number().int().min(0).max(100).optional(),
  timeouts: z.object({ connectMs: Ms.optional(), receiveMs: Ms.optional(), totalMs: Ms.optional() }).default({}),
  proxy: z.string().min(1).optional(),
  insecure: z.boolean().default(false),
  /** Absent: the engine's default (curl: HTTP/2 over TLS where the server offers it, else 1.1; WinInet: 1.1). */
  httpVersion: HttpVersionChoiceSchema.optional(),
  /** false: the workspace's cookie jar adds no Cookie header (what responses set is still stored). */
  sendCookies: z.boolean().optional(),
  /**
   * curl's --cacert: a PEM file with the CAs the server certificate must come from, named
   * like every file the page supplies: the token of a picked or uploaded file (the page
   * never names a path, so it cannot probe the disk with the CA file's errors).
   */
  caFileToken: z.string().min(1).optional(),
  /** The CA file as the user knows it (a picked file's name, a pasted command's path), to show
   * and to export; without a token it is not chosen in this session and the core refuses to send. */
  caFileName: z.string().min(1).max(1000).optional(),
  /** Authentication the core performs before the request is built (contract/auth.ts). */
  auth: AuthDraftSchema.optional(),
});
export type RequestDraft = z.infer<typeof RequestDraftSchema>;
/** A request as sendRequest's parse produced it (strict: an unknown field is refused): only
 * that parse makes one, so the core's send cannot be handed an unchecked draft. */
export const SentRequestSchema = RequestDraftSchema.strict().brand<'SentRequest'>();
export type SentRequest = z.infer<typeof SentRequestSchema>;
