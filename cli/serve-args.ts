// `inetscope serve` flags, parsed with zod (the request mode keeps its curl-flag parser).
import { z } from 'zod';
import { UsageError } from './args.js';

const FLAGS: Record<string, 'host' | 'port' | 'events' | 'rules' | 'dir' | 'help'> = {
  '--host': 'host',
  '--port': 'port',
  '-p': 'port',
  '--events': 'events',
  '--rules': 'rules',
  '--dir': 'dir',
  '--help': 'help',
  '-h': 'help',
};

export const ServeOptionsSchema = z.object({
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
  help: z.boolean().default(false),
});
export type ServeOptions = z.infer<typeof ServeOptionsSchema>;

export function parseServeArgs(argv: string[]): ServeOptions {
  const raw: Record<string, string | boolean> = {};
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
    raw[key] = value;
  }
  const r = ServeOptionsSchema.safeParse(raw);
  if (!r.success) throw new UsageError(`serve: ${r.error.issues[0]?.message ?? 'invalid options'}`);
  return r.data;
}
