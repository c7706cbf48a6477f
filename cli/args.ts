// curl-compatible command-line parsing: curl's flag table and reader (domain/curl/flags.ts:
// bundled short flags -sSL, attached values -XPOST), --max-time=5 too, then a zod schema.
import { z } from 'zod';
import { AuthSchemeSchema, type AuthScheme } from '../contract/auth.js';
import { HttpVersionChoiceSchema, ProxyAuthSchemeSchema, type ProxyAuthScheme } from '../contract/request.js';
import { CURL_FLAGS, FlagError, readFlags, type FlagDef, type FlagHit, type FlagTable } from '../domain/curl/flags.js';
import { HTTP_VERSION_FLAGS, isHttpVersionFlag } from '../domain/http-version.js';

export class UsageError extends Error {}

/** The curl options the CLI implements (kinds and letters from curl's table), plus its own. */
const KEYS: Record<string, keyof RawOptions> = {
  request: 'method',
  header: 'headers',
  data: 'bodyParts',
  'data-ascii': 'bodyParts',
  'data-binary': 'bodyParts',
  'data-raw': 'bodyParts',
  'upload-file': 'uploadFile',
  output: 'output',
  include: 'include',
  head: 'head',
  location: 'location',
  'max-redirs': 'maxRedirs',
  proxy: 'proxy',
  noproxy: 'noProxy',
  'proxy-user': 'proxyUser',
  ...Object.fromEntries(Object.keys({ 'proxy-basic': 0, 'proxy-digest': 0, 'proxy-ntlm': 0, 'proxy-anyauth': 0 }).map((f) => [f, 'proxyScheme' as const])),
  insecure: 'insecure',
  cacert: 'cacert',
  'key-log': 'keyLog',
  cert: 'cert',
  key: 'key',
  'cert-type': 'certType',
  pass: 'pass',
  'max-time': 'maxTime',
  'connect-timeout': 'connectTimeout',
  ...Object.fromEntries(Object.keys(HTTP_VERSION_FLAGS).map((f) => [f, 'httpVersion' as const])),
  silent: 'silent',
  'show-error': 'showError',
  verbose: 'verbose',
  fail: 'fail',
  'user-agent': 'userAgent',
  user: 'user',
  ...Object.fromEntries(Object.keys({ basic: 1, digest: 1, ntlm: 1, negotiate: 1, anyauth: 1 }).map((f) => [f, 'authScheme' as const])),
  cookie: 'cookies',
  'cookie-jar': 'cookieJar',
  'junk-session-cookies': 'junkSessionCookies',
  compressed: 'compressed',
  url: 'urls',
  'write-out': 'writeOut',
  'trace-ascii': 'traceAscii',
  'trace-time': 'traceTime',
  engine: 'engine',
  timeline: 'timeline',
  events: 'events',
  har: 'har',
  replay: 'replay',
  help: 'help',
  version: 'version',
};

const OWN: Record<string, FlagDef> = { engine: { kind: 'value' }, timeline: { kind: 'bool' }, events: { kind: 'value' }, har: { kind: 'value' }, 'key-log': { kind: 'value' }, replay: { kind: 'value' }, 'trace-time': { kind: 'bool' } };
/** curl's --basic --digest --ntlm --negotiate --anyauth: the scheme -u's credentials are for (the last one wins, as in curl). */
const AUTH_FLAGS: Record<string, AuthScheme> = { basic: 'basic', digest: 'digest', ntlm: 'ntlm', negotiate: 'negotiate', anyauth: 'any' };
const LISTS = new Set<keyof RawOptions>(['headers', 'urls', 'cookies']);

const TABLE: FlagTable = {
  flags: Object.fromEntries(Object.keys(KEYS).map((long) => [long, OWN[long] ?? (CURL_FLAGS[long] as FlagDef)])),
  equalsValues: true,
};

interface RawOptions {
  method?: string;
  headers: string[];
  bodyParts: Array<{ flag: string; value: string }>;
  uploadFile?: string;
  output?: string;
  include?: boolean;
  head?: boolean;
  location?: boolean;
  maxRedirs?: string;
  proxy?: string;
  noProxy?: string;
  proxyUser?: string;
  proxyScheme?: string;
  insecure?: boolean;
  cacert?: string;
  keyLog?: string;
  cert?: string;
  key?: string;
  certType?: string;
  pass?: string;
  maxTime?: string;
  connectTimeout?: string;
  httpVersion?: string;
  silent?: boolean;
  showError?: boolean;
  verbose?: boolean;
  fail?: boolean;
  userAgent?: string;
  user?: string;
  authScheme?: AuthScheme;
  cookies: string[];
  cookieJar?: string;
  junkSessionCookies?: boolean;
  compressed?: boolean;
  urls: string[];
  writeOut?: string;
  traceAscii?: string;
  traceTime?: boolean;
  engine?: string;
  timeline?: boolean;
  events?: string;
  har?: string;
  replay?: string;
  help?: boolean;
  version?: boolean;
}

const seconds = (flag: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `${flag} needs a positive number of seconds, got ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      return Math.max(1, Math.round(n * 1000));
    });

const CliOptionsSchema = z.object({
  method: z.string().optional(),
  headers: z.array(z.string()),
  /** -d/--data-binary/--data-raw in the order given; curl joins them with '&'. */
  bodyParts: z.array(z.object({ flag: z.enum(['data', 'data-ascii', 'data-binary', 'data-raw']), value: z.string() })),
  uploadFile: z.string().optional(),
  output: z.string().optional(),
  include: z.boolean().default(false),
  head: z.boolean().default(false),
  location: z.boolean().default(false),
  /** curl's --max-redirs: a whole number, -1 for no limit (undefined). */
  maxRedirs: z
    .string()
    .regex(/^(\d+|-1)$/, '--max-redirs needs a whole number (or -1 for no limit)')
    .transform(Number)
    .optional(),
  proxy: z.string().optional(),
  /** curl's --noproxy: hosts (comma-separated) that skip the proxy; "*" for all. */
  noProxy: z.string().optional(),
  /** curl's -U USER[:PASSWORD]. */
  proxyUser: z.string().min(1, '--proxy-user needs USER[:PASSWORD]').optional(),
  /** --proxy-basic … --proxy-anyauth: the last one given wins, as in curl (default basic). */
  proxyScheme: ProxyAuthSchemeSchema.default('basic'),
  insecure: z.boolean().default(false),
  /** curl's --cacert: the CAs (PEM) the server certificate must come from. */
  cacert: z.string().min(1, '--cacert needs a file name').optional(),
  /** The TLS key log file (SSLKEYLOGFILE for the curl host): NSS key log format, for Wireshark. */
  keyLog: z.string().min(1, '--key-log needs a file name').optional(),
  /** curl's -E/--cert FILE[:PASSWORD], --key, --cert-type, --pass: the client certificate (build-request.ts splits -E). */
  cert: z.string().min(1, '--cert needs a file name').optional(),
  key: z.string().min(1, '--key needs a file name').optional(),
  certType: z
    .string()
    .transform((t) => t.toUpperCase())
    .pipe(z.enum(['PEM', 'P12'], { message: '--cert-type must be PEM or P12 (DER and ENG are not supported)' }))
    .optional(),
  pass: z.string().optional(),
  maxTime: seconds('--max-time'),
  connectTimeout: seconds('--connect-timeout'),
  /** --http1.0 … --http3: the last one given wins, as in curl. */
  httpVersion: HttpVersionChoiceSchema.optional(),
  silent: z.boolean().default(false),
  showError: z.boolean().default(false),
  verbose: z.boolean().default(false),
  fail: z.boolean().default(false),
  userAgent: z.string().optional(),
  user: z.string().optional(),
  /** --basic … --anyauth; absent with -u: Basic, sent as a header as curl sends it. */
  authScheme: AuthSchemeSchema.optional(),
  /** -b: NAME=VALUE strings (a Cookie header) or cookie files to read (Netscape format). */
  cookies: z.array(z.string()),
  /** -c: the file the cookies are written to at the end (Netscape format). */
  cookieJar: z.string().min(1, '--cookie-jar needs a file name').optional(),
  /** -j: leave out the session cookies of the files -b reads. */
  junkSessionCookies: z.boolean().default(false),
  /** Ask for curl's encodings and write the body decoded. */
  compressed: z.boolean().default(false),
  urls: z.array(z.string()),
  /** -w: curl's write-out template, or @FILE / @- to read it from. */
  writeOut: z.string().optional(),
  /** --trace-ascii FILE or - (stdout): curl's trace text from the events. */
  traceAscii: z.string().min(1, '--trace-ascii needs a file name or -').optional(),
  traceTime: z.boolean().default(false),
  engine: z.enum(['wininet', 'curl', 'auto'], { message: '--engine must be wininet, curl or auto' }).default('auto'),
  timeline: z.boolean().default(false),
  events: z.string().optional(),
  /** Write the exchange as HAR 1.2 to this file (atomically). */
  har: z.string().min(1, '--har needs a file name').optional(),
  /** FILE[#index]: send the request of a saved HAR entry. */
  replay: z.string().min(1, '--replay needs a HAR file').optional(),
  help: z.boolean().default(false),
  version: z.boolean().default(false),
});
export type CliOptions = z.infer<typeof CliOptionsSchema>;

const PROXY_SCHEME_FLAGS: Record<string, ProxyAuthScheme> = { 'proxy-basic': 'basic', 'proxy-digest': 'digest', 'proxy-ntlm': 'ntlm', 'proxy-anyauth': 'any' };

function assign(raw: RawOptions, long: string, value: string | undefined): void {
  const key = KEYS[long] as keyof RawOptions;
  const rec = raw as unknown as Record<string, unknown>;
  if (isHttpVersionFlag(long)) raw.httpVersion = HTTP_VERSION_FLAGS[long];
  else if (AUTH_FLAGS[long]) raw.authScheme = value === undefined ? AUTH_FLAGS[long] : raw.authScheme;
  else if (long in PROXY_SCHEME_FLAGS) raw.proxyScheme = PROXY_SCHEME_FLAGS[long];
  else if (value === undefined) rec[key] = true;
  else if (key === 'bodyParts') raw.bodyParts.push({ flag: long, value });
  else if (LISTS.has(key)) (rec[key] as string[]).push(value);
  // One URL, several -o: curl uses the first and leaves the rest unused.
  else if (key === 'output' && raw.output !== undefined) return;
  else rec[key] = value;
}

/** A curl option the CLI does not implement is named as such, not as unknown. */
function unknownMessage(written: string): string {
  const long = written.startsWith('--') ? written.slice(2) : Object.entries(CURL_FLAGS).find(([, d]) => d.short === written.slice(1))?.[0];
  return long && CURL_FLAGS[long] ? `curl's option ${written} is not supported by inetscope` : `unknown option ${written}`;
}

export function parseArgs(argv: string[]): CliOptions {
  const raw: RawOptions = { headers: [], bodyParts: [], urls: [], cookies: [] };
  let hits: FlagHit[];
  try {
    hits = readFlags(argv, TABLE);
  } catch (e) {
    if (e instanceof FlagError) throw new UsageError(e.unknown ? `${unknownMessage(e.unknown)} (see inetscope --help)` : e.message);
    throw e;
  }
  for (const hit of hits) {
    if (hit.kind === 'positional') raw.urls.push(hit.value);
    else if (hit.kind === 'flag' && hit.negated) (raw as unknown as Record<string, unknown>)[KEYS[hit.long] as string] = false;
    else if (hit.kind === 'flag') assign(raw, hit.long, hit.value);
  }
  const r = CliOptionsSchema.safeParse(raw);
  if (!r.success) throw new UsageError(r.error.issues[0]?.message ?? 'invalid options');
  return r.data;
}
