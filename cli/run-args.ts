// `inetscope run` flags, parsed with zod like serve's (the request mode keeps curl's parser).
import { z } from 'zod';
import { VariableNameSchema } from '../contract/variables.js';
import { UsageError } from './args.js';

type Key = 'env' | 'envFile' | 'var' | 'folder' | 'engine' | 'bail' | 'reporter' | 'out' | 'insecure' | 'timeline' | 'trustScripts' | 'scriptTimeout' | 'help';

const FLAGS: Record<string, Key> = {
  '--env': 'env',
  '-e': 'env',
  '--env-file': 'envFile',
  '--var': 'var',
  '--folder': 'folder',
  '--engine': 'engine',
  '--bail': 'bail',
  '--reporter': 'reporter',
  '-r': 'reporter',
  '--out': 'out',
  '-k': 'insecure',
  '--insecure': 'insecure',
  '--timeline': 'timeline',
  '--trust-scripts': 'trustScripts',
  '--script-timeout': 'scriptTimeout',
  '--help': 'help',
  '-h': 'help',
};
const SWITCHES = new Set<Key>(['bail', 'insecure', 'timeline', 'trustScripts', 'help']);
const LISTS = new Set<Key>(['var', 'reporter']);

export const REPORTERS = ['cli', 'json', 'junit'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** --var NAME=VALUE: the first '=' splits; the name as `{{name}}` writes it. */
const VarSchema = z.string().transform((s, ctx) => {
  const eq = s.indexOf('=');
  const name = VariableNameSchema.safeParse(eq > 0 ? s.slice(0, eq) : '');
  if (eq <= 0 || !name.success) {
    ctx.addIssue({ code: 'custom', message: `--var needs NAME=VALUE with a variable name (a letter or _, then letters, digits, _ . -), got ${JSON.stringify(s)}` });
    return z.NEVER;
  }
  return { name: name.data, value: s.slice(eq + 1) };
});

const RunOptionsSchema = z
  .object({
    paths: z.array(z.string()).length(1, 'inetscope run takes one PATH: a workspace folder, a folder inside one, or a Postman collection file (see inetscope run --help)'),
    env: z.string().min(1, '--env needs an environment name').optional(),
    envFile: z.string().min(1, '--env-file needs a file').optional(),
    var: z.array(VarSchema).default([]),
    folder: z.string().min(1, '--folder needs a folder name or path').optional(),
    engine: z.enum(['wininet', 'curl', 'auto'], { message: '--engine must be wininet, curl or auto' }).default('auto'),
    bail: z.boolean().default(false),
    reporter: z.array(z.enum(REPORTERS, { message: '--reporter must be cli, json or junit' })).default([]),
    out: z.string().min(1, '--out needs a file name').optional(),
    insecure: z.boolean().default(false),
    timeline: z.boolean().default(false),
    /** Postman scripts run only when the user says so: a workspace from anyone must not run code by being run. */
    trustScripts: z.boolean().default(false),
    scriptTimeout: z.coerce.number({ message: '--script-timeout needs milliseconds' }).int('--script-timeout needs whole milliseconds').min(10, '--script-timeout is at least 10 ms').max(600_000, '--script-timeout is at most 600000 ms').default(5000),
    help: z.boolean().default(false),
  })
  .refine((o) => o.env === undefined || o.envFile === undefined, '--env and --env-file both choose the environment: give one of them');
export type RunOptions = Omit<z.infer<typeof RunOptionsSchema>, 'paths' | 'reporter' | 'help'> & { path: string; reporters: ReporterName[] };

/** No --reporter: cli. Each reporter once, in the order first given. */
function reportersOf(given: ReporterName[]): ReporterName[] {
  return given.length === 0 ? ['cli'] : [...new Set(given)];
}

export function parseRunArgs(argv: string[]): RunOptions | { help: true } {
  const raw: Record<string, string | boolean | string[]> = { paths: [], var: [], reporter: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      (raw.paths as string[]).push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = FLAGS[flag];
    if (!key) throw new UsageError(`run: unknown option ${arg} (see inetscope run --help)`);
    if (SWITCHES.has(key)) {
      if (eq > 0) throw new UsageError(`run: ${flag} takes no value`);
      raw[key] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`run: option ${flag} needs a value`);
    if (LISTS.has(key)) (raw[key] as string[]).push(value);
    else raw[key] = value;
  }
  if (raw.help === true) return { help: true };
  const r = RunOptionsSchema.safeParse(raw);
  if (!r.success) throw new UsageError(`run: ${r.error.issues[0]?.message ?? 'invalid options'}`);
  const { paths, reporter, help: _help, ...rest } = r.data;
  const reporters = reportersOf(reporter);
  checkOutputs(reporters, rest.out);
  return { ...rest, path: paths[0] as string, reporters };
}

/** The cli reporter writes to stdout; a file reporter to --out (with two, --out is a prefix:
 * PREFIX.json and PREFIX.xml), or to stdout when it is the only reporter. */
function checkOutputs(reporters: ReporterName[], out: string | undefined): void {
  const files = reporters.filter((r) => r !== 'cli');
  if (out === undefined && files.length > 0 && reporters.length > 1) {
    throw new UsageError(`run: --reporter ${files.join(', ')} with other reporters needs --out FILE (the ${reporters.includes('cli') ? 'cli reporter' : 'other report'} takes stdout)`);
  }
  if (out !== undefined && files.length === 0) throw new UsageError('run: --out names the json or junit report: add --reporter json or --reporter junit');
}

/** Where a file reporter writes: --out itself, PREFIX.json / PREFIX.xml with two, or stdout (undefined). */
export function outputFor(reporter: Exclude<ReporterName, 'cli'>, opts: Pick<RunOptions, 'reporters' | 'out'>): string | undefined {
  if (opts.out === undefined) return undefined;
  const files = opts.reporters.filter((r) => r !== 'cli');
  return files.length > 1 ? `${opts.out}.${reporter === 'junit' ? 'xml' : 'json'}` : opts.out;
}
