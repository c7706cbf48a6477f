// inetscope: curl's flags, a native engine underneath, and every status callback of it
// available as a live timeline (--timeline) or as NDJSON (--events).
import path from 'node:path';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { EngineClient, HostStartError } from '../engine/client.js';
import type { FinishedEvent, InetEvent } from '../contract/events.js';
import { resolveEngine } from '../engine/host-launch.js';
import { policyFor } from '../engine/client-policy.js';
import { BadRequestSpec, parseRequestSpec } from '../engine/request-spec.js';
import { WineSetupError } from '../engine/wine-runtime.js';
import { SaveTargetError } from '../core/save-target.js';
import { parseArgs, UsageError, type CliOptions } from './args.js';
import { BodyOutputError, openBodyOutput } from './body-output.js';
import { CliExchange, CliFailure } from './cli-exchange.js';
import { BadInput, buildRequest } from './build-request.js';
import { draftFromRequest } from './har-draft.js';
import { HarRecorder } from './har-output.js';
import { replayRequest } from './replay.js';
import { EXIT_INTERRUPTED, EXIT_USAGE, exitCodeFor, exitCodeForError } from './exit-codes.js';
import { runMain } from './run.js';
import { loadCliCookies } from './cookie-files.js';
import { sendFollowing } from '../engine/hop-follower.js';
import { serveMain } from './serve.js';
import { USAGE, VERSION } from './usage.js';
import { TraceOutput } from './trace-output.js';
import { performWriteOut, readWriteOut, WriteOutRecorder } from './write-out.js';

interface Reporter {
  error(code: number, message: string): void;
  line(text: string): void;
}

function reporter(opts: CliOptions): Reporter {
  const showErrors = !opts.silent || opts.showError;
  return {
    error: (code, message) => showErrors && process.stderr.write(`inetscope: (${code}) ${message}\n`),
    line: (text) => process.stderr.write(`${text}\n`),
  };
}

function openEventsSink(target: string | undefined): ((ev: InetEvent) => void) | undefined {
  if (target === undefined) return undefined;
  let fd: number;
  try {
    fd = target === '-' ? 1 : fs.openSync(target, 'w');
  } catch (e) {
    throw new CliFailure(`cannot write the events to ${target}: ${(e as Error).message}`, 23);
  }
  return (ev) => fs.writeSync(fd, JSON.stringify(ev) + '\n');
}

/** --key-log: the curl host's SSLKEYLOGFILE; WinInet (SChannel) writes no key log. */
function keyLogOption(opts: CliOptions): { keyLogFile?: string } {
  if (opts.keyLog === undefined) return {};
  if (resolveEngine(opts.engine) === 'wininet') throw new UsageError('--key-log: WinInet (SChannel) has no TLS key log; only the curl engine writes one');
  return { keyLogFile: path.resolve(opts.keyLog) };
}

async function run(opts: CliOptions, rep: Reporter): Promise<number> {
  const request = opts.replay ? replayRequest(opts) : buildRequest(opts);
  if (opts.events === '-' && (opts.output === undefined || opts.output === '-')) {
    throw new UsageError('--events - writes the events to stdout: send the body elsewhere with -o FILE');
  }
  // The one parse of the user's request; only the sink (the CLI's own file) is set after it.
  const spec = parseRequestSpec(request);
  const har = opts.har ? new HarRecorder(opts.har, draftFromRequest(request, opts.engine)) : undefined;
  const cookies = loadCliCookies(opts, (m) => rep.line(`inetscope: warning: ${m}`));
  const writeOut = opts.writeOut === undefined ? undefined : { tokens: readWriteOut(opts.writeOut), recorder: new WriteOutRecorder() };
  const writeEvent = openEventsSink(opts.events);
  const trace = opts.traceAscii === undefined ? undefined : new TraceOutput(opts.traceAscii, opts.traceTime, () => x.output.sinkPath);
  const x = new CliExchange(opts, rep, writeEvent, (onError) => openBodyOutput(opts.output, opts.include || opts.head, opts.compressed, process.stdout, onError));
  const output = x.output;
  let client: EngineClient | undefined;
  let finished: FinishedEvent;
  const id = crypto.randomUUID();
  let cancel: () => void = () => void client?.cancel(id);
  const onSigint = () => cancel();
  process.on('SIGINT', onSigint);
  let cookieSave: Error | undefined;
  try {
    client = await EngineClient.start({ engine: resolveEngine(opts.engine), startWith: policyFor(spec), ...keyLogOption(opts) });
    const c = client;
    if (opts.verbose) rep.line(`* engine host: ${await c.runtime()}`);
    const sinkSpec = { ...spec, sink: { kind: 'file' as const, path: output.sinkPath } };
    const onEvent = (ev: InetEvent) => (har?.onEvent(ev), writeOut?.recorder.onEvent(ev), trace?.onEvent(ev), x.onEvent(ev));
    // With a cookie file the jar sits between redirect hops: InetScope follows them.
    const chain = cookies.jar ? sendFollowing(c, id, sinkSpec, { jar: cookies.jar }, onEvent) : undefined;
    cancel = chain ? () => chain.cancel() : () => void c.cancel(id);
    x.cancel = cancel;
    finished = await (chain ? chain.finished : c.send(id, sinkSpec, onEvent));
    har?.captureBody(output.sinkPath, finished.bodyBytes);
    // What arrived before an engine error still goes to stdout (curl does the same); a
    // local stop (--fail, a closed pipe) writes nothing more.
    await output.finish(x.failure ? 'discard' : finished.ok ? 'complete' : 'partial', finished.bodyBytes);
  } catch (e) {
    await output.finish('discard', 0).catch(() => {});
    await har?.write().catch((h: Error) => rep.error(23, h.message));
    throw e instanceof BodyOutputError ? new CliFailure(e.message, e.exitCode) : e;
  } finally {
    process.off('SIGINT', onSigint);
    await client?.close();
    // -c: written after a failure too, as curl does.
    await cookies.save().catch((e: Error) => (cookieSave = e));
    trace?.close();
    // -w: after the transfer, a failed one too (curl prints http_code 000 then).
    if (writeOut) await performWriteOut(writeOut.recorder.render(writeOut.tokens), (m) => rep.line(`inetscope: warning: ${m}`));
  }
  if (cookieSave) throw new CliFailure(`cannot write the cookie file ${opts.cookieJar}: ${cookieSave.message}`, 23);
  // A HAR that cannot be written is exit 23, unless the exchange has its own failure to report.
  await har?.write().catch((h: Error) => {
    if (x.failure || !finished.ok) rep.error(23, h.message);
    else throw h;
  });
  if (x.failure) throw x.failure;
  if (!finished.ok && finished.error) {
    const interrupted = finished.error.code === 'CANCELLED';
    throw new CliFailure(finished.error.message, interrupted ? EXIT_INTERRUPTED : exitCodeForError(finished.error));
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'serve') return serveMain(argv.slice(1));
  if (argv[0] === 'run') return runMain(argv.slice(1));
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`inetscope: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (opts.help) return void process.stdout.write(USAGE), 0;
  if (opts.version) return void process.stdout.write(`inetscope ${VERSION}\n`), 0;
  const rep = reporter(opts);
  try {
    return await run(opts, rep);
  } catch (e) {
    const [code, message] = classify(e);
    rep.error(code, message);
    return code;
  }
}

function classify(e: unknown): [number, string] {
  if (e instanceof CliFailure || e instanceof BadInput) return [e.exitCode, e.message];
  if (e instanceof UsageError) return [EXIT_USAGE, e.message];
  if (e instanceof BadRequestSpec) return [exitCodeFor(e.kind), e.message];
  if (e instanceof SaveTargetError) return [23, e.message];
  if (e instanceof WineSetupError || e instanceof HostStartError) return [2, e.message];
  return [2, e instanceof Error ? (e.stack ?? e.message) : String(e)];
}
