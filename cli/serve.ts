// `inetscope serve`: the catch server on its own. Prints "listening on URL" as its first
// line, a line per caught request on stderr, the server-side events as NDJSON with
// --events; runs until SIGINT/SIGTERM, then closes cleanly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CatchLimitsSchema, CatchRulesSchema, type CatchEvent, type CatchLimits, type CaughtSummary } from '../contract/catch.js';
import { CatchServer, CatchServerError, isLoopback } from '../core/catch/catch-server.js';
import { CaughtStore } from '../core/catch/caught-store.js';
import type { ActiveRule } from '../core/catch/request-handler.js';
import { UsageError } from './args.js';
import { parseServeArgs, type ServeOptions } from './serve-args.js';
import { SERVE_USAGE } from './usage.js';
import { issueText } from '../contract/zod-issue.js';

/** Rules from a JSON file; a file rule's path is relative to the rules file. */
function loadRules(file: string): ActiveRule[] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`serve: cannot read the rules in ${file}: ${(e as Error).message}`);
  }
  const r = CatchRulesSchema.safeParse(json);
  if (!r.success) {
    throw new UsageError(`serve: ${file}: ${issueText(r.error, '(rules)')}`);
  }
  return r.data.map((rule, i) => {
    if (rule.response.kind !== 'file') return { rule };
    if (rule.response.path === undefined) throw new UsageError(`serve: ${file}: rule ${i}: a rules file names the file by "path"`);
    return { rule, filePath: path.resolve(path.dirname(file), rule.response.path) };
  });
}

function eventsWriter(target: string | undefined): { write: (e: CatchEvent) => void; close: () => void } {
  if (target === undefined) return { write: () => {}, close: () => {} };
  const fd = target === '-' ? 1 : fs.openSync(target, 'w');
  return { write: (e) => fs.writeSync(fd, JSON.stringify(e) + '\n'), close: () => target !== '-' && fs.closeSync(fd) };
}

function requestLine(s: CaughtSummary): string {
  const r = s.response;
  const body = s.bodyComplete ? `${s.bodyBytes} bytes in` : `${s.bodyBytes} bytes in before the client went away (partial)`;
  return `${s.method} ${s.path} → ${r?.statusCode ?? '-'} (${body}, ${r?.bytes ?? 0} out)${s.state === 'aborted' ? ' aborted' : ''}`;
}

function serveLimits(opts: ServeOptions): CatchLimits {
  const r = CatchLimitsSchema.safeParse({ maxBodyBytes: opts.maxBody, maxTotalBytes: opts.maxTotal, idleTimeoutMs: opts.idleTimeout, allowHosts: opts.allowHost });
  if (!r.success) throw new UsageError(`serve: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
  return r.data;
}

async function runServe(opts: ServeOptions): Promise<number> {
  const rules = opts.rules ? loadRules(opts.rules) : [];
  const dir = opts.dir ? path.resolve(opts.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'inetscope-caught-'));
  const events = eventsWriter(opts.events);
  const store = new CaughtStore(dir, (e, s) => {
    events.write(e);
    if (e.type === 'SESSION_DONE') process.stderr.write(`${requestLine(s)}\n`);
  });
  let server: CatchServer;
  try {
    server = await CatchServer.start({ host: opts.host, port: opts.port, rules, limits: serveLimits(opts), store, log: (m) => process.stderr.write(`${m}\n`) });
  } catch (e) {
    events.close();
    if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  process.stdout.write(`listening on ${server.url}\n`);
  if (!isLoopback(opts.host)) process.stderr.write(`warning: listening on ${opts.host}: other machines can reach this server\n`);
  if (opts.dir) process.stderr.write(`caught bodies go to ${dir}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
  events.close();
  if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
  return 0;
}

export async function serveMain(argv: string[]): Promise<number> {
  try {
    const opts = parseServeArgs(argv);
    if (opts.help) return void process.stdout.write(SERVE_USAGE), 0;
    return await runServe(opts);
  } catch (e) {
    const message = e instanceof UsageError || e instanceof CatchServerError ? e.message : (e as Error).stack ?? String(e);
    process.stderr.write(`inetscope: ${message}\n`);
    return 2;
  }
}
