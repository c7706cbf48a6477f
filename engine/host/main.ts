// Engine host entry: loads one engine, connects back to its parent over loopback TCP,
// proves itself with the one-time token, then runs commands and streams events.
import fs from 'node:fs';
import net from 'node:net';
import { z } from 'zod';
import type { Engine } from '../engine.js';
import { policyFor } from '../client-policy.js';
import type { EngineErrorInfo, FinishedEvent } from '../../contract/events.js';
import { Batcher, EVENT_FLUSH_MS, flushesAtOnce } from '../batcher.js';
import { EngineNameSchema, HostCommandSchema, LineSplitter } from '../protocol.js';

const logPath = process.env.INETSCOPE_HOST_LOG;
function log(msg: string): void {
  // Never stderr: under Wine it is not a usable stream.
  if (logPath) fs.appendFileSync(logPath, `${new Date().toISOString()} [host ${process.pid}] ${msg}\n`);
}

process.on('uncaughtException', (e) => {
  log(`uncaught: ${e.stack ?? e}`);
  process.exit(70);
});

async function loadEngine(name: string): Promise<Engine> {
  const engine = EngineNameSchema.parse(name);
  if (engine === 'wininet') {
    const { WinInetEngine } = await import('../../native-bridge/wininet/engine.js');
    const gc = (globalThis as { gc?: () => void }).gc;
    const stress = process.env.INETSCOPE_GC_STRESS === '1';
    if (stress && !gc) throw new Error('INETSCOPE_GC_STRESS=1 needs --expose-gc');
    const maxHeld = process.env.INETSCOPE_WININET_MAX_HELD ? Number(process.env.INETSCOPE_WININET_MAX_HELD) : undefined;
    if (maxHeld !== undefined && !(Number.isInteger(maxHeld) && maxHeld > 0)) throw new Error('INETSCOPE_WININET_MAX_HELD must be a positive integer');
    return new WinInetEngine({ afterCall: stress && gc ? gc : undefined, log, maxHeld });
  }
  const { CurlEngine } = await import('../../native-bridge/curl/engine.js');
  const curl = await CurlEngine.create(log);
  log(`stack: ${curl.stack}`);
  return curl;
}

const POLICY_WORDS = (policy: string): string =>
  policy === 'insecure' ? 'ignores certificates' : policy === 'verify' ? 'verifies certificates' : 'trusts the CAs of one CA file';

function refusal(id: string, error: EngineErrorInfo): FinishedEvent {
  return { type: 'finished', id, seq: 0, hop: 0, t: 0, ok: false, bodyBytes: 0, uploadBytes: 0, error };
}

const SendIdSchema = z.object({ type: z.literal('send'), id: z.string().min(1).max(200) });
const sendId = (line: string): string | undefined => SendIdSchema.safeParse(JSON.parse(line)).data?.id;

/** Certificate decisions are cached per process: never mix policies (or CA files) in one host. */
function policyProblem(spec: Parameters<typeof policyFor>[0], policy: string): EngineErrorInfo | undefined {
  let wanted: string;
  try {
    wanted = policyFor(spec);
  } catch (e) {
    return { code: 'BAD_REQUEST', name: 'BAD_CA_FILE', message: (e as Error).message };
  }
  if (wanted === policy) return undefined;
  return { code: 'INTERNAL', name: 'HOST_POLICY', message: `this host ${POLICY_WORDS(policy)} and refuses a request that asks otherwise` };
}

async function main(): Promise<void> {
  const port = Number(process.env.INETSCOPE_HOST_PORT);
  const token = process.env.INETSCOPE_HOST_TOKEN ?? '';
  const engineName = process.env.INETSCOPE_ENGINE ?? '';
  const policy = process.env.INETSCOPE_HOST_POLICY ?? 'verify';
  const sock = net.connect({ host: '127.0.0.1', port });
  sock.setNoDelay(true);
  // NDJSON, gathered so that a request's events cost one write (one wake of the client) where they can.
  const batch = new Batcher<string>((lines) => sock.write(lines.join('\n') + '\n'), EVENT_FLUSH_MS);
  const out = { send: <T extends { type: string }>(msg: T) => batch.add(JSON.stringify(msg), flushesAtOnce(msg)), flush: () => batch.flush() };
  await new Promise<void>((resolve, reject) => sock.once('connect', resolve).once('error', reject));
  let engine: Engine;
  try {
    engine = await loadEngine(engineName);
  } catch (e) {
    log(`engine load failed: ${e instanceof Error ? e.stack : e}`);
    sock.end(JSON.stringify({ type: 'host-error', token, message: e instanceof Error ? e.message : String(e) }) + '\n');
    return;
  }
  out.send({ type: 'hello', token, engine: engine.name, pid: process.pid, runtime: `node ${process.version} ${process.platform}-${process.arch}, ${engine.stack}` });
  out.flush();
  log(`ready: ${engine.name}`);

  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log(`stopping: ${why}`);
    await engine.shutdown();
    out.flush();
    sock.end(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };

  const lines = new LineSplitter();
  sock.setEncoding('utf8');
  sock.on('data', (chunk: string) => {
    for (const line of lines.push(chunk)) {
      const parsed = HostCommandSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        log(`bad command: ${line.slice(0, 200)}`);
        // A send refused here still ends, so its caller does not wait for ever.
        const id = sendId(line);
        if (id) out.send(refusal(id, { code: 'BAD_REQUEST', name: 'BAD_COMMAND', message: z.prettifyError(parsed.error).slice(0, 500) }));
        continue;
      }
      const cmd = parsed.data;
      const problem = cmd.type === 'send' ? policyProblem(cmd.spec, policy) : undefined;
      if (cmd.type === 'send' && problem) out.send(refusal(cmd.id, problem));
      else if (cmd.type === 'send') engine.start(cmd.id, cmd.spec, (ev) => out.send(ev));
      else if (cmd.type === 'cancel') engine.cancel(cmd.id);
      else if (cmd.type === 'stats') out.send({ type: 'stats', rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
      else void stop('shutdown command');
    }
  });
  sock.on('close', () => void stop('parent connection closed'));
  sock.on('error', (e) => log(`socket: ${e.message}`));
}

main().catch((e) => {
  log(`fatal: ${e instanceof Error ? e.stack : e}`);
  process.exit(70);
});
