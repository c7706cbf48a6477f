// One caught request, start to end (seed 004's flow): headers read, the body read one
// chunk at a time into its file, a rule chosen, the response written with completion
// events, then done with the session. A client that goes away mid-body is recorded as
// CLIENT_ABORTED and its partial body kept, marked partial.
import { performance } from 'node:perf_hooks';
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CatchRule, CaughtSummary } from '../../contract/catch.js';
import type { CatchLimits } from '../../contract/catch.js';
import { captureBody, declaredOverLimit } from './body-capture.js';
import { hostAllowed } from './host-check.js';
import { refuseBody, refuseHost } from './refusals.js';
import type { CaughtEntry, CaughtStore } from './caught-store.js';
import { respond } from './responders.js';
import { ResponseWriter } from './response-writer.js';
import { matchRule } from './rules.js';

/** A rule as the server runs it: a file rule's file resolved to a path. */
export interface ActiveRule {
  rule: CatchRule;
  filePath?: string;
}

export interface ConnectionInfo {
  /** Its number among the connections this server accepted (1, 2, …). */
  connection: number;
  acceptedAt: number;
  wallTime: number;
  remoteAddress: string;
  remotePort: number;
  requests: number;
  /** The connection's latest request: CONNECTION_CLOSED goes on its timeline. */
  last?: CaughtEntry;
}

function headerPairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

function begin(store: CaughtStore, conn: ConnectionInfo, req: IncomingMessage): CaughtEntry {
  const now = performance.now();
  const first = conn.requests++ === 0;
  const t0 = first ? conn.acceptedAt : now;
  const summary: CaughtSummary = {
    id: crypto.randomUUID(),
    connection: conn.connection,
    wallTime: first ? conn.wallTime : Date.now(),
    remote: `${conn.remoteAddress}:${conn.remotePort}`,
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    httpVersion: req.httpVersion,
    headers: headerPairs(req.rawHeaders),
    state: 'receiving',
    bodyBytes: 0,
    bodyComplete: false,
  };
  const entry = store.create(summary, t0);
  conn.last = entry;
  const where = { connection: conn.connection, remoteAddress: conn.remoteAddress, remotePort: conn.remotePort, wallTime: summary.wallTime };
  entry.rec.emit({ type: first ? 'CONNECTION_ACCEPTED' : 'CONNECTION_REUSED', ...where }, t0);
  entry.rec.emit({ type: 'REQUEST_HEADERS_READ', method: summary.method, path: summary.path, httpVersion: summary.httpVersion, headers: summary.headers }, now);
  return entry;
}

/** What a request is handled with: the server's store, its rules now, its limits. */
interface CatchContext {
  store: CaughtStore;
  rules: readonly ActiveRule[];
  limits: CatchLimits;
  /** Bound to a loopback address: only loopback Host names (and the allowed ones) are answered. */
  loopback: boolean;
}

export async function handleRequest(ctx: CatchContext, conn: ConnectionInfo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { store, limits } = ctx;
  const entry = begin(store, conn, req);
  const { summary, rec } = entry;
  if (!hostAllowed(req.headers.host, ctx.loopback, limits.allowHosts)) return refuseHost(entry, res, req.headers.host ?? '');
  const capture = { ...limits, room: () => limits.maxTotalBytes - store.totalBytes };
  const declared = declaredOverLimit(req.headers['content-length'], capture);
  const body = declared
    ? { bytes: 0, sha256: '', complete: false, stopped: declared }
    : await captureBody(req, entry.bodyFile, capture, (bytes, total) => {
        summary.bodyBytes = total;
        store.addBytes(bytes);
        rec.emit({ type: 'BODY_CHUNK_READ', bytes, total });
      });
  summary.bodyBytes = body.bytes;
  summary.bodySha256 = body.sha256 || undefined;
  summary.bodyComplete = body.complete;
  if (body.stopped) return refuseBody(entry, res, body.stopped);
  if (!body.complete) {
    if (body.error) rec.emit({ type: 'SERVER_ERROR', message: body.error });
    else rec.emit({ type: 'CLIENT_ABORTED', phase: 'body', bytes: body.bytes });
    summary.state = 'aborted';
    rec.emit({ type: 'SESSION_DONE', outcome: body.error ? 'error' : 'aborted', bytesRead: body.bytes, bytesWritten: 0 });
    res.destroy();
    return;
  }
  summary.state = 'responding';
  rec.emit({ type: 'BODY_READ_COMPLETE', total: body.bytes, sha256: body.sha256 });
  await answer(entry, ctx.rules, req, res);
}

async function answer(entry: CaughtEntry, rules: readonly ActiveRule[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { summary, rec } = entry;
  const index = matchRule(rules.map((r) => r.rule), summary.method, summary.path);
  const active = rules[index];
  const response = active?.rule.response ?? { kind: 'summary' as const };
  rec.emit({ type: 'RULE_MATCHED', rule: index, response: response.kind });
  const writer = new ResponseWriter(res, rec, active?.rule.throttleBytesPerSecond, summary.method.toUpperCase() === 'HEAD');
  summary.response = { rule: index, kind: response.kind, bytes: 0 };
  let outcome: 'complete' | 'aborted' | 'error' = 'complete';
  try {
    const delay = active?.rule.delayMs;
    if (delay) {
      rec.emit({ type: 'RESPONSE_DELAYED', ms: delay });
      await Promise.race([new Promise((r) => setTimeout(r, delay)), writer.closed]);
    }
    if (!writer.gone) {
      const sent = await respond({ writer, recorder: rec, summary, bodyFile: entry.bodyFile, filePath: active?.filePath, rangeHeader: req.headers.range, isGet: summary.method.toUpperCase() === 'GET' }, response);
      summary.response.preview = sent.preview;
    }
  } catch (e) {
    outcome = 'error';
    rec.emit({ type: 'SERVER_ERROR', message: (e as Error).message });
    res.destroy();
  }
  Object.assign(summary.response, { statusCode: writer.statusCode, headers: writer.headerPairs, bytes: writer.written });
  if (outcome === 'complete' && !writer.finished) {
    outcome = 'aborted';
    rec.emit({ type: 'CLIENT_ABORTED', phase: 'response', bytes: writer.written });
  }
  summary.state = outcome === 'aborted' ? 'aborted' : 'done';
  rec.emit({ type: 'SESSION_DONE', outcome, statusCode: writer.statusCode, bytesRead: summary.bodyBytes, bytesWritten: writer.written });
}
