// A caught request the server answers without its rules: a Host it does not answer to, a
// body over a limit, or a client idle mid-body. Each is on the request's timeline, answered
// with a short text and the connection closed (the rest of the body is never read).
import type { ServerResponse } from 'node:http';
import type { CaptureStop } from './body-capture.js';
import type { CaughtEntry } from './caught-store.js';

function answerAndClose(entry: CaughtEntry, res: ServerResponse, statusCode: number, text: string): void {
  const body = `${text}\n`;
  const headers: Array<[string, string]> = [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(Buffer.byteLength(body))], ['Connection', 'close']];
  entry.summary.response = { rule: -1, kind: 'refused', statusCode, headers, bytes: Buffer.byteLength(body), preview: body };
  if (res.writable && !res.headersSent) {
    res.writeHead(statusCode, headers.flat());
    res.end(body, () => res.socket?.destroySoon());
  } else res.destroy();
}

export function refuseHost(entry: CaughtEntry, res: ServerResponse, host: string): void {
  const { summary: s, rec } = entry;
  rec.emit({ type: 'HOST_REFUSED', host });
  answerAndClose(entry, res, 403, `the catch server does not answer to the host ${JSON.stringify(host)} (allow it with --allow-host or in the Catch panel)`);
  s.state = 'done';
  rec.emit({ type: 'SESSION_DONE', outcome: 'refused', statusCode: 403, bytesRead: 0, bytesWritten: s.response?.bytes ?? 0 });
}

/** Reading stopped at a limit (413) or on an idle client (408): the partial body is kept. */
export function refuseBody(entry: CaughtEntry, res: ServerResponse, stop: CaptureStop): void {
  const { summary: s, rec } = entry;
  if (stop.kind === 'limit') {
    rec.emit({ type: 'LIMIT_EXCEEDED', limit: stop.limit, max: stop.max, bytes: s.bodyBytes });
    const what = stop.limit === 'body' ? 'a request body' : 'all caught bodies';
    answerAndClose(entry, res, 413, `the catch server takes at most ${stop.max} bytes for ${what}`);
  } else {
    rec.emit({ type: 'CLIENT_TIMEOUT', phase: 'body', idleMs: stop.idleMs, bytes: s.bodyBytes });
    answerAndClose(entry, res, 408, `no byte of the body for ${stop.idleMs} ms`);
  }
  s.state = stop.kind === 'limit' ? 'done' : 'aborted';
  const outcome = stop.kind === 'limit' ? 'refused' : 'aborted';
  rec.emit({ type: 'SESSION_DONE', outcome, statusCode: s.response?.statusCode, bytesRead: s.bodyBytes, bytesWritten: s.response?.bytes ?? 0 });
}
