// curl-compatible command-line parsing: a flag table, bundled short flags (-sSL),
// attached values (-XPOST, --max-time=5), then a zod schema for the result.
import { z } from 'zod';

export class UsageError extends Error {}

type Kind = 'bool' | 'value' | 'list';

interface FlagDef {
  key: keyof RawOptions;
  kind: Kind;
  short?: string;
}

const FLAGS: Record<string, FlagDef> = {
  request: { key: 'method', kind: 'value', short: 'X' },
  header: { key: 'headers', kind: 'list', short: 'H' },
  data: { key: 'bodyParts', kind: 'list', short: 'd' },
  'data-ascii': { key: 'bodyParts', kind: 'list' },
  'data-binary': { key: 'bodyParts', kind: 'list' },
  'data-raw': { key: 'bodyParts', kind: 'list' },
  'upload-file': { key: 'uploadFile', kind: 'value', short: 'T' },
  output: { key: 'output', kind: 'value', short: 'o' },
  include: { key: 'include', kind: 'bool', short: 'i' },
  head: { key: 'head', kind: 'bool', short: 'I' },
  location: { key: 'location', kind: 'bool', short: 'L' },
  'max-redirs': { key: 'maxRedirs', kind: 'value' },
  proxy: { key: 'proxy', kind: 'value', short: 'x' },
  insecure: { key: 'insecure', kind: 'bool', short: 'k' },
  'max-time': { key: 'maxTime', kind: 'value', short: 'm' },
  'connect-timeout': { key: 'connectTimeout', kind: 'value' },
  silent: { key: 'silent', kind: 'bool', short: 's' },
  'show-error': { key: 'showError', kind: 'bool', short: 'S' },
  verbose: { key: 'verbose', kind: 'bool', short: 'v' },
  fail: { key: 'fail', kind: 'bool', short: 'f' },
  'user-agent': { key: 'userAgent', kind: 'value', short: 'A' },
  user: { key: 'user', kind: 'value', short: 'u' },
  url: { key: 'urls', kind: 'list' },
  engine: { key: 'engine', kind: 'value' },
  timeline: { key: 'timeline', kind: 'bool' },
  events: { key: 'events', kind: 'value' },
  har: { key: 'har', kind: 'value' },
  replay: { key: 'replay', kind: 'value' },
  help: { key: 'help', kind: 'bool', short: 'h' },
  version: { key: 'version', kind: 'bool', short: 'V' },
};

const SHORT: Record<string, string> = Object.fromEntries(
  Object.entries(FLAGS).flatMap(([long, def]) => (def.short ? [[def.short, long]] : [])),
);

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
  insecure?: boolean;
  maxTime?: string;
  connectTimeout?: string;
  silent?: boolean;
  showError?: boolean;
  verbose?: boolean;
  fail?: boolean;
  userAgent?: string;
  user?: string;
  urls: string[];
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

export const CliOptionsSchema = z.object({
  method: z.string().optional(),
  headers: z.array(z.string()),
  /** -d/--data-binary/--data-raw in the order given; curl joins them with '&'. */
  bodyParts: z.array(z.object({ flag: z.enum(['data', 'data-ascii', 'data-binary', 'data-raw']), value: z.string() })),
  uploadFile: z.string().optional(),
  output: z.string().optional(),
  include: z.boolean().default(false),
  head: z.boolean().default(false),
  location: z.boolean().default(false),
  maxRedirs: z
    .string()
    .regex(/^\d+$/, '--max-redirs needs a whole number')
    .transform(Number)
    .optional(),
  proxy: z.string().optional(),
  insecure: z.boolean().default(false),
  maxTime: seconds('--max-time'),
  connectTimeout: seconds('--connect-timeout'),
  silent: z.boolean().default(false),
  showError: z.boolean().default(false),
  verbose: z.boolean().default(false),
  fail: z.boolean().default(false),
  userAgent: z.string().optional(),
  user: z.string().optional(),
  urls: z.array(z.string()),
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

function assign(raw: RawOptions, long: string, value: string | undefined): void {
  const def = FLAGS[long];
  if (!def) throw new UsageError(`unknown option --${long} (see inetscope --help)`);
  const rec = raw as unknown as Record<string, unknown>;
  if (def.kind === 'bool') rec[def.key] = true;
  else if (value === undefined) throw new UsageError(`option --${long} needs a value`);
  else if (def.key === 'bodyParts') raw.bodyParts.push({ flag: long, value });
  else if (def.kind === 'list') (rec[def.key] as string[]).push(value);
  else rec[def.key] = value;
}

export function parseArgs(argv: string[]): CliOptions {
  const raw: RawOptions = { headers: [], bodyParts: [], urls: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      raw.urls.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const long = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const def = FLAGS[long];
      const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
      assign(raw, long, def && def.kind !== 'bool' && inline === undefined ? argv[++i] : inline);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const long = SHORT[arg[j] as string];
        if (!long) throw new UsageError(`unknown option -${arg[j]} (see inetscope --help)`);
        if (FLAGS[long]?.kind === 'bool') {
          assign(raw, long, undefined);
          continue;
        }
        const rest = arg.slice(j + 1);
        assign(raw, long, rest.length > 0 ? rest : argv[++i]);
        break;
      }
    } else {
      raw.urls.push(arg);
    }
  }
  const r = CliOptionsSchema.safeParse(raw);
  if (!r.success) throw new UsageError(r.error.issues[0]?.message ?? 'invalid options');
  return r.data;
}
