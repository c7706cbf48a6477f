// inetscope: curl's flags, a native engine underneath, and every status callback of it
// available as a live timeline (--timeline) or as NDJSON (--events).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { EngineClient, HostStartError } from '../native-bridge/client.js';
import type { FinishedEvent, InetEvent } from '../native-bridge/events.js';
import { resolveEngine } from '../native-bridge/host-launch.js';
import { BadRequestSpec, parseRequestSpec } from '../native-bridge/request-spec.js';
import { WineSetupError } from '../native-bridge/wine-runtime.js';
import { SaveTargetError } from '../core/save-target.js';
import { parseArgs, UsageError, type CliOptions } from './args.js';
import { openBodyOutput, type BodyOutput } from './body-output.js';
import { BadInput, buildRequest } from './build-request.js';
import { EXIT_HTTP_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, exitCodeFor } from './exit-codes.js';
import { formatTimelineLine } from './timeline-format.js';
import { USAGE, VERSION } from './usage.js';

class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

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

function verboseLines(ev: InetEvent, rep: Reporter): void {
  if (ev.type === 'headers') {
    for (const l of (ev.requestHeaders ?? '').split('\r\n').filter(Boolean)) rep.line(`> ${l}`);
    for (const l of ev.rawHeaders.split('\r\n').filter(Boolean)) rep.line(`< ${l}`);
  } else if (ev.type === 'native' || ev.type === 'started') {
    rep.line(`* ${formatTimelineLine(ev).trim()}`);
  }
}

async function run(opts: CliOptions, rep: Reporter): Promise<number> {
  const request = buildRequest(opts);
  if (opts.events === '-' && (opts.output === undefined || opts.output === '-')) {
    throw new UsageError('--events - writes the events to stdout: send the body elsewhere with -o FILE');
  }
  parseRequestSpec({ ...request, sink: { kind: 'discard' } });
  const writeEvent = openEventsSink(opts.events);
  const output: BodyOutput = openBodyOutput(opts.output, process.stdout);
  let client: EngineClient | undefined;
  let finished: FinishedEvent | undefined;
  let httpFailure: number | undefined;
  const id = crypto.randomUUID();
  const onSigint = () => client?.cancel(id);
  process.on('SIGINT', onSigint);
  try {
    client = await EngineClient.start({ engine: resolveEngine(opts.engine), startWith: opts.insecure ? 'insecure' : 'verify' });
    const c = client;
    finished = await c.send(id, { ...request, sink: { kind: 'file', path: output.sinkPath } }, (ev) => {
      writeEvent?.(ev);
      if (opts.timeline) rep.line(formatTimelineLine(ev));
      if (opts.verbose) verboseLines(ev, rep);
      if (ev.type === 'headers') {
        if (opts.fail && ev.statusCode >= 400) {
          httpFailure = ev.statusCode;
          c.cancel(id);
        } else if (opts.include || opts.head) output.writeHeaders(ev.rawHeaders);
      } else if (ev.type === 'body') output.progress(ev.bytes);
    });
    await output.finish(finished.ok, finished.bodyBytes);
  } catch (e) {
    await output.finish(false, 0).catch(() => {});
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    await client?.close();
  }
  if (httpFailure !== undefined) throw new CliFailure(`the requested URL returned error: ${httpFailure}`, EXIT_HTTP_ERROR);
  if (!finished.ok && finished.error) {
    const interrupted = finished.error.code === 'CANCELLED';
    throw new CliFailure(finished.error.message, interrupted ? EXIT_INTERRUPTED : exitCodeFor(finished.error.code));
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
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
