// `inetscope serve` flags, parsed with zod (the request mode keeps its curl-flag parser).
import { z } from 'zod';
import { UsageError } from './args.js';

type Key = 'host' | 'port' | 'events' | 'rules' | 'dir' | 'help' | 'maxBody' | 'maxTotal' | 'idleTimeout' | 'allowHost';

const FLAGS: Record<string, Key> = {
  '--host': 'host',
  '--port': 'port',
  '-p': 'port',
  '--events': 'events',
  '--rules': 'rules',
  '--dir': 'dir',
  '--max-body': 'maxBody',
  '--max-total': 'maxTotal',
  '--idle-timeout': 'idleTimeout',
  '--allow-host': 'allowHost',
  '--help': 'help',
  '-h': 'help',
};

const ServeOptionsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z
    .string()
    .regex(/^\d+$/, '--port needs a port number (0-65535)')
    .transform(Number)
    .refine((n) => n <= 65535, '--port needs a port number (0-65535)')
    .default(0),
  events: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
  dir: z.string().min(1).optional(),
  maxBody: bytes('--max-body').optional(),
  maxTotal: bytes('--max-total').optional(),
  idleTimeout: z
    .string()
    .regex(/^\d+(\.\d+)?$/, '--idle-timeout needs seconds (e.g. 30 or 0.5)')
    .transform((s) => Math.round(Number(s) * 1000))
    .refine((ms) => ms >= 100 && ms <= 3_600_000, '--idle-timeout is between 0.1 and 3600 seconds')
    .optional(),
  allowHost: z.array(z.string().min(1)).default([]),
  help: z.boolean().default(false),
});
export type ServeOptions = z.infer<typeof ServeOptionsSchema>;

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A byte count as curl writes one: 500, 64k, 10M, 2G. */
function bytes(flag: string) {
  return z
    .string()
    .regex(/^\d{1,15}[kKmMgG]?$/, `${flag} needs a size in bytes (e.g. 500, 64k, 10M, 2G)`)
    .transform((s) => Number(s.replace(/[kmg]$/i, '')) * (UNITS[s.slice(-1).toLowerCase()] ?? 1));
}

export function parseServeArgs(argv: string[]): ServeOptions {
  const raw: Record<string, string | boolean | string[]> = {};
  const allowHost: string[] = [];
  raw.allowHost = allowHost;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const key = FLAGS[flag];
    if (!key) throw new UsageError(`serve: unknown option ${arg} (see inetscope serve --help)`);
    if (key === 'help') {
      raw.help = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`serve: option ${flag} needs a value`);
    if (key === 'allowHost') allowHost.push(value);
    else raw[key] = value;
  }
  const r = ServeOptionsSchema.safeParse(raw);
  if (!r.success) throw new UsageError(`serve: ${r.error.issues[0]?.message ?? 'invalid options'}`);
  return r.data;
}
