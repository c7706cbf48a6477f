// What a caller asks an engine to do. Parsed once where it is built (the core's request
// runner, the CLI) and once where it crosses into the host (protocol.ts): either parse
// gives a ValidRequestSpec, the only kind the client and the engines take. The objects are
// strict: an unknown field is an error, never silently dropped. Bad input fails with a
// message that names the problem.
import { z } from 'zod';
import { urlProblem } from '../domain/url.js';
import { HttpVersionChoiceSchema, NoProxySchema, ProxyAuthSchemeSchema } from '../contract/request.js';
import { AuthSchemeSchema } from '../contract/auth.js';

// RFC 9110 token: methods and header names.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const MethodSchema = z.string().superRefine((m, ctx) => {
  if (m.length === 0) ctx.addIssue({ code: 'custom', message: 'the method is empty' });
  else if (/[\r\n]/.test(m)) ctx.addIssue({ code: 'custom', message: `the method ${JSON.stringify(m)} contains CR or LF` });
  else if (!TOKEN.test(m)) ctx.addIssue({ code: 'custom', message: `the method ${JSON.stringify(m)} is not a valid HTTP token` });
});

/**
 * [name, value]: an empty value removes the stack's own header of that name. A third
 * element 'empty' sends the header with an empty value instead (curl's -H "Name;").
 */
export const HeaderSchema = z.tuple([z.string(), z.string()]).rest(z.literal('empty')).superRefine(([name, value], ctx) => {
  if (/[\r\n]/.test(name) || /[\r\n\0]/.test(value)) {
    ctx.addIssue({ code: 'custom', message: `the header ${JSON.stringify(name)} contains CR, LF or NUL` });
  } else if (!TOKEN.test(name)) {
    ctx.addIssue({ code: 'custom', message: `the header name ${JSON.stringify(name)} is not a valid HTTP token` });
  }
});

/** The contract's one URL check, on the URL exactly as given (callers add a missing scheme). */
export const UrlSchema = z.string().superRefine((u, ctx) => {
  const problem = urlProblem(u);
  if (!problem) return;
  const message = problem.kind === 'BAD_URL' ? `the URL ${JSON.stringify(u)} is not valid: ${problem.message}` : problem.message;
  ctx.addIssue({ code: 'custom', message, params: { kind: problem.kind } });
});

export const BodySourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('memory'), base64: z.string() }),
  z.strictObject({ kind: z.literal('file'), path: z.string().min(1) }),
]);

export const BodySinkSchema = z.discriminatedUnion('kind', [
  /** Written directly and fsynced; atomic replacement of a target is the caller's job.
   * keepPartial: a failed request leaves the bytes that arrived (the app shows them) instead of no file. */
  z.strictObject({ kind: z.literal('file'), path: z.string().min(1), keepPartial: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('memory'), cap: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('discard') }),
]);

/** POSIX or Windows (drive or UNC) absolute paths: the host may run under either. */
const isAbsolutePath = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

const absolutePath = (what: string) =>
  z.string().superRefine((p, ctx) => {
    if (!isAbsolutePath(p)) ctx.addIssue({ code: 'custom', message: `the ${what} ${JSON.stringify(p)} is not an absolute path` });
  });

export const CLIENT_CERT_TYPES = ['PEM', 'P12'] as const;

/** curl's -E/--cert, --key, --cert-type, --pass: the certificate the client shows when the server asks. */
export const ClientCertSchema = z
  .strictObject({
    certPath: absolutePath('client certificate file'),
    /** PEM only (a P12 holds its key): absent, the key is read from the certificate file. */
    keyPath: absolutePath('client key file').optional(),
    type: z.enum(CLIENT_CERT_TYPES).default('PEM'),
    /** The P12's password or the PEM key's pass phrase. */
    password: z.string().optional(),
  })
  .refine((c) => !(c.type === 'P12' && c.keyPath), { message: 'a P12 client certificate holds its key: give no key file' });
export type ClientCert = z.infer<typeof ClientCertSchema>;

export const MAX_REDIRECTS = 2_147_483_647;

const Ms = z.number().int().positive().max(24 * 3600 * 1000);

export const RequestSpecSchema = z.strictObject({
  url: UrlSchema,
  method: MethodSchema.default('GET'),
  headers: z.array(HeaderSchema).default([]),
  body: BodySourceSchema.optional(),
  sink: BodySinkSchema.default({ kind: 'discard' }),
  followRedirects: z.boolean().default(false),
  /** The caller follows redirects hop by hop (engine/hop-follower.ts): a redirect response ends
   * the request at its head, and its body goes to no sink (redirectEndsHop decides, for both engines). */
  callerFollows: z.boolean().default(false),
  /** Any count curl accepts; "no limit" is the largest (a C long on every platform). */
  maxRedirects: z.number().int().min(0).max(MAX_REDIRECTS).default(50),
  timeouts: z
    .strictObject({ connectMs: Ms.optional(), sendMs: Ms.optional(), receiveMs: Ms.optional(), totalMs: Ms.optional() })
    .default({}),
  /** Absent: the system's proxy (WinInet: the OS settings; libcurl: http_proxy and the other variables curl reads). */
  proxy: z.string().min(1).optional(),
  /** curl's --noproxy list ("*": no proxy at all). */
  noProxy: NoProxySchema.optional(),
  /** curl's -U and --proxy-basic/-digest/-ntlm/-anyauth. */
  proxyAuth: z
    .strictObject({ user: z.string().min(1).regex(/^[^\r\n\0]*$/), password: z.string().regex(/^[^\r\n\0]*$/).default(''), scheme: ProxyAuthSchemeSchema.default('basic') })
    .optional(),
  insecure: z.boolean().default(false),
  /** Absent: the engine's default (curl: HTTP/2 over TLS when offered, else 1.1; WinInet: 1.1). */
  httpVersion: HttpVersionChoiceSchema.optional(),
  /** Absolute path of a PEM file: the CAs the server certificate must come from (curl's --cacert). */
  caFile: z
    .string()
    .superRefine((p, ctx) => {
      if (!isAbsolutePath(p)) ctx.addIssue({ code: 'custom', message: `the CA file ${JSON.stringify(p)} is not an absolute path` });
    })
    .optional(),
  /** Server authentication the engine negotiates: each challenge it answers is an auth leg (a hop of its own). */
  auth: z.strictObject({ scheme: AuthSchemeSchema, user: z.string(), password: z.string() }).optional(),
  clientCert: ClientCertSchema.optional(),
})
  .refine((s) => !(s.insecure && s.caFile), { message: 'caFile and insecure exclude each other (insecure accepts any certificate)' })
  .refine((s) => !(s.followRedirects && s.callerFollows), { message: 'followRedirects and callerFollows exclude each other (either the engine or its caller follows)' })
  .brand<'ValidRequestSpec'>();

/** A parsed spec: the brand says it came out of RequestSpecSchema, so no caller can hand the client or an engine an unchecked one. */
export type ValidRequestSpec = z.infer<typeof RequestSpecSchema>;
export type RequestSpec = Omit<ValidRequestSpec, typeof z.core.$brand>;
export type RequestSpecInput = z.input<typeof RequestSpecSchema>;
export type BodySource = z.infer<typeof BodySourceSchema>;
export type BodySink = z.infer<typeof BodySinkSchema>;

export class BadRequestSpec extends Error {
  constructor(
    message: string,
    readonly kind: 'BAD_URL' | 'UNSUPPORTED_SCHEME' | 'BAD_REQUEST',
  ) {
    super(message);
  }
}

/** Parses a spec or throws BadRequestSpec naming the first problem. */
export function parseRequestSpec(input: unknown): ValidRequestSpec {
  const r = RequestSpecSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  // UrlSchema names its problem's kind in the issue's params.
  const given: unknown = issue?.code === 'custom' ? issue.params?.kind : undefined;
  const kind = given === 'BAD_URL' || given === 'UNSUPPORTED_SCHEME' ? given : 'BAD_REQUEST';
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new BadRequestSpec(issue?.code === 'custom' ? issue.message : `${where}${issue?.message}`, kind);
}
