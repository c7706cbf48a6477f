// One WinInet request: the state machine of seed 002, driven by REQUEST_COMPLETE and
// correct whether a call completes at once or returns ERROR_IO_PENDING (seed 001).
import { BodyReceiver, redirectEndsHop } from '../../engine/body-receiver.js';
import { loadCaFile } from '../../engine/ca-file.js';
import { STATUS, type EngineErrorInfo, type StatusInfo } from '../../contract/events.js';
import { EventStamper } from '../../engine/event-stamper.js';
import type { EmitFn } from '../../engine/engine.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { api, ERROR_IO_PENDING, koffi } from './api.js';
import { CaTrust } from './ca-trust.js';
import { ClientCertContext } from './client-cert.js';
import { classifyWinInetError, ERROR_INTERNET_INTERNAL_ERROR, errorInfo } from './errors.js';
import { HandleCloser } from './handle-closer.js';
import { headProblem } from './head-check.js';
import { setProxyCredentials } from './proxy-session.js';
import { proxyRefusal, type ProxyChoice } from '../../domain/proxy.js';
import { NativeBuffers, READ_SIZE, readScratch } from './native-buffers.js';
import { openHandles, type RequestHandles } from './open-handles.js';
import { AuthLegs } from './auth-legs.js';
import { bodyProblem, droppedAtClose, queryResponseHead, querySentHead, type ResponseHead } from './query.js';
import { HopReport } from './hop-report.js';
import { ReadAccounting } from './read-accounting.js';
import { ABANDON_GRACE_MS, CLOSE_GRACE_MS, PENDING, SYNC_BURST } from './request-limits.js';
import type { AsyncResult } from './status-info.js';
import { queryDataCompletion } from './decode.js';
import type { RequestOwner, State } from './request-types.js';
import { openUpload, UploadCursor } from './upload-cursor.js';
import { isUploadState, UploadSteps } from './upload-steps.js';

export class WinInetRequest {
  readonly ev: EventStamper;
  private state: State;
  private handles: RequestHandles = { connect: null, request: null };
  private usage = 0;
  private closing = false;
  private pending: string | null = null;
  private pendingSince = 0;
  private lastCall = '';
  private mem = new NativeBuffers();
  private body: BodyReceiver;
  private head?: ResponseHead;
  private upload = new UploadCursor(undefined, this.mem);
  private readonly uploadSteps: UploadSteps;
  private reads = new ReadAccounting(READ_SIZE);
  /** When data last arrived (RESPONSE_RECEIVED) or the current call began: silence is measured from it. */
  private lastDataAt = 0;
  private result?: { ok: true } | { ok: false; error: EngineErrorInfo };
  private deadline?: NodeJS.Timeout;
  private readonly closer: HandleCloser;
  private counts = { ioPending: 0 };
  /** With a CA file on https: the certificate-error flow of ca-trust.ts. */
  private trust?: CaTrust;
  /** With a client certificate (Windows, P12): client-cert.ts, freed with the request's memory. */
  private clientCert?: ClientCertContext;
  /** The request head of this hop as queried at its first REQUEST_SENT (what was really sent). */
  private sent?: { hop: number; head?: string };
  private readonly legs: AuthLegs;
  /** The proxy the session takes for this request's host (PROXY_CHOSEN). */
  private route?: ProxyChoice;
  private readonly report: HopReport;

  constructor(id: string, readonly ctx: number, private readonly spec: RequestSpec, emit: EmitFn, private readonly owner: RequestOwner) {
    this.ev = new EventStamper(id, emit, (e) => owner.log(`late event after finished: ${JSON.stringify(e)}`));
    this.state = spec.body ? 'sendEx' : 'send';
    this.report = new HopReport(spec);
    this.body = new BodyReceiver(spec.sink, this.ev);
    this.uploadSteps = new UploadSteps(() => this.upload, this.mem, ctx, (name, fn) => this.call(name, fn), (name, start) => this.callOffThread(name, start), (name, ms) => this.awaitRepeat(name, ms), (bytes, total) =>
      this.ev.lifecycle({ type: 'upload', bytes, total }), () => this.ev.hop,
    );
    this.legs = new AuthLegs(this.ev, () => queryResponseHead(this.handles.request, this.sent?.hop === this.ev.hop ? this.sent.head : undefined), (m) => owner.log(`request ${this.ev.id}: ${m}`));
    this.closer = new HandleCloser(this.handles, {
      afterCall: () => owner.afterCall(),
      freeMemory: () => {
        this.mem.free();
        this.clientCert?.free();
      },
      finalize: (problem) => this.finalize(problem),
      lateClosed: () => owner.released(true),
    });
  }

  /** `refused`: the engine cannot take it; it ends at once with that error. */
  start(refused?: EngineErrorInfo): void {
    this.ev.lifecycle({ type: 'started', engine: 'wininet', method: this.spec.method, url: this.spec.url, wallTime: this.ev.wallTime });
    if (refused) return this.fail(refused);
    try {
      if (this.spec.caFile && this.spec.url.startsWith('https:')) this.trust = new CaTrust(loadCaFile(this.spec.caFile), (m) => this.owner.log(`request ${this.ev.id}: ${m}`));
      const upload = openUpload(this.spec, this.mem);
      if ('error' in upload) return this.fail(upload.error);
      this.upload = upload;
    } catch (e) {
      return this.fail(errorInfo(e));
    }
    const session = this.owner.session(this.spec);
    if ('error' in session) return this.fail(session.error);
    this.route = session.choiceFor(new URL(this.spec.url).hostname);
    this.ev.native(STATUS.PROXY_CHOSEN, { ...this.route }, performance.now());
    const r = openHandles(this.spec, this.ctx, session.handle, this.handles, () => this.owner.afterCall()) ?? setProxyCredentials(this.handles.request, this.spec.proxyAuth);
    if (r) return this.fail(r);
    const certProblem = this.setClientCert();
    if (certProblem) return this.fail(certProblem);
    const total = this.spec.timeouts.totalMs;
    if (total) {
      this.deadline = setTimeout(() => this.fail({ code: 'TIMEOUT', name: 'MAX_TIME', message: `the request took longer than ${total} ms (maximum time)` }), total);
    }
    this.advance(0);
  }

  cancel(): void {
    this.fail({ code: 'CANCELLED', name: 'CANCELLED', message: 'the request was cancelled' });
  }

  /** Called inside the status callback: decode is done, native follow-ups are deferred. */
  onStatus(hInternet: unknown, status: number, info: StatusInfo | undefined, async: AsyncResult | undefined, at: number): void {
    if (status === STATUS.REQUEST_COMPLETE && info && this.pending) info.op = this.pending;
    if (status === STATUS.RESPONSE_RECEIVED) this.lastDataAt = at;
    if (status === STATUS.RESPONSE_RECEIVED && this.pending === 'InternetReadFile' && info?.bytes !== undefined) this.reads.received(info.bytes);
    // Once closing, the handle may be closed: it is never queried again.
    if (status === STATUS.REQUEST_SENT && !this.closing && this.sent?.hop !== this.ev.hop) this.sent = { hop: this.ev.hop, head: querySentHead(this.handles.request) };
    if (status === STATUS.REDIRECT && !this.closing) this.redirectHead(at);
    if (this.spec.auth && !this.head && !this.closing) this.legs.onStatus(status, at);
    if (status === STATUS.CLOSING_CONNECTION && this.closing) this.result = droppedAtClose(this.result, this.head, this.spec.method, this.body.bytes);
    this.ev.native(status, info, at);
    if (status === STATUS.REQUEST_COMPLETE && async) setImmediate(() => this.onComplete(async));
    else if (status === STATUS.HANDLE_CLOSING) setImmediate(() => this.closer.onHandleClosing(hInternet));
    else if (status === STATUS.REDIRECT && this.ev.hop > this.spec.maxRedirects) {
      // Here, before WinInet sends the next hop (a 307/308 would re-send the body): the close cancels it.
      this.fail({ code: 'TOO_MANY_REDIRECTS', name: 'TOO_MANY_REDIRECTS', message: `more than ${this.spec.maxRedirects} redirects` }, true);
    }
  }

  private onComplete(r: AsyncResult): void {
    const op = this.pending;
    this.pending = null;
    // Closed while pending (abandon grace): now HANDLE_CLOSING will come; wait as for any close.
    if (this.closing && op) this.closer.extend(CLOSE_GRACE_MS);
    if (this.closing || !op) return;
    this.lastCall = op;
    if (op === 'InternetQueryDataAvailable') {
      const done = queryDataCompletion(r.result, r.error);
      this.reads.asyncProbe(done.available);
      return this.advance(done.error);
    }
    this.advance(r.error !== 0 ? r.error : r.result === 0n ? ERROR_INTERNET_INTERNAL_ERROR : 0);
  }

  private advance(error: number): void {
    for (let burst = 0; ; burst++) {
      if (this.closing) return;
      if (error !== 0 && (this.certDecided(error) || this.uploadSteps.resend(error, this.lastCall, (s) => (this.state = s)))) error = 0;
      if (error !== 0) {
        const silent = this.ev.now() - Math.max(this.pendingSince, this.lastDataAt);
        return this.fail(classifyWinInetError(error, this.lastCall, this.head ? 'body' : 'request', silent, this.spec.timeouts.receiveMs, this.spec.proxy));
      }
      if (burst >= SYNC_BURST) {
        setImmediate(() => this.advance(0));
        return;
      }
      try {
        error = this.step();
      } catch (e) {
        return this.fail(errorInfo(e));
      }
      if (error === PENDING || this.state === 'done') return;
    }
  }

  /** One transition; returns 0, PENDING, or a native error of `lastCall`. */
  private step(): number {
    const h = this.handles.request;
    if (isUploadState(this.state)) return this.uploadSteps.step(this.state, h, (s) => (this.state = s));
    switch (this.state) {
      case 'send':
        this.state = 'head';
        return this.call('HttpSendRequestW', () => api.HttpSendRequestW(h, null, 0, null, 0));
      case 'head':
        return this.readHead();
      case 'read':
        this.state = 'consume';
        this.reads.beginRead();
        return this.call('InternetReadFile', () => api.InternetReadFile(h, this.mem.readBuf, READ_SIZE, this.mem.readCount));
      case 'consume':
        return this.consume();
      case 'probe':
        this.state = 'probed';
        return this.call('InternetQueryDataAvailable', () => api.InternetQueryDataAvailable(h, this.mem.available, 0, this.ctx));
      case 'probed':
        return this.probed();
      case 'eof':
        return this.finishBody();
      default:
        return 0;
    }
  }

  /** A certificate error with a CA file: true when ca-trust decided (a resend is set up, or the request failed). */
  private certDecided(native: number): boolean {
    if (this.clientCert?.resendFor(native)) {
      this.ev.native(STATUS.CLIENT_CERT_REQUESTED, undefined, performance.now());
      const problem = this.setClientCert();
      if (problem) this.fail(problem);
      else this.state = this.spec.body ? 'sendEx' : 'send';
      return true;
    }
    const d = this.trust?.onSendError(this.handles.request, native, this.lastCall);
    if (!d) return false;
    if ('error' in d) this.fail(d.error);
    else this.state = this.spec.body ? 'sendEx' : 'send';
    return true;
  }

  /** Imports the certificate once, then sets it on the request handle (before each send that needs it). */
  private setClientCert(): EngineErrorInfo | undefined {
    if (!this.spec.clientCert) return undefined;
    if (!this.clientCert) {
      const loaded = ClientCertContext.load(this.spec.clientCert);
      if (!(loaded instanceof ClientCertContext)) return loaded;
      this.clientCert = loaded;
    }
    const problem = this.clientCert.apply(this.handles.request);
    if (!problem) this.ev.native(STATUS.CLIENT_CERT_SENT, { subject: this.clientCert.subject }, performance.now());
    return problem;
  }

  private readHead(): number {
    const untrusted = this.trust?.verifyAccepted(this.handles.request, this.lastCall);
    if (untrusted) return this.failed(untrusted);
    const head = queryResponseHead(this.handles.request, this.sent?.hop === this.ev.hop ? this.sent.head : undefined);
    if (!head) return this.failed({ code: 'BAD_RESPONSE', name: 'NO_HEADERS', message: 'HttpQueryInfoW returned no response headers' });
    this.report.head(this.ev, this.handles.request, (this.head = head), performance.now());
    // WinInet passes replies that are not HTTP off as responses.
    const problem = headProblem(head, this.spec.followRedirects ? { url: this.spec.url } : undefined) ?? proxyRefusal(head.statusCode, this.route, this.spec.proxyAuth);
    if (problem) return this.failed(problem);
    // A redirect the caller follows: its body is read to the end (the connection stays reusable), never stored.
    if (redirectEndsHop(this.spec, head.statusCode, head.rawHeaders)) this.body.skip();
    else this.body.open(head.contentLength);
    this.state = 'read';
    return 0;
  }

  /** At REDIRECT the handle still holds the redirect response (documented; an in-memory lookup): this hop's headers. */
  private redirectHead(at: number): void {
    const head = queryResponseHead(this.handles.request, this.sent?.hop === this.ev.hop ? this.sent.head : undefined);
    if (!head) return this.owner.log(`request ${this.ev.id}: no response headers to query at REDIRECT`);
    this.report.head(this.ev, this.handles.request, head, at);
  }

  private consume(): number {
    const r = this.reads.completed(koffi.decode(this.mem.readCount, 'uint32_t') as number);
    if ('error' in r) return this.failed(r.error);
    if ('next' in r) {
      this.state = r.next;
      return 0;
    }
    const n = r.bytes;
    // Copied out into a reused buffer (the sink copies what it keeps).
    api.CopyFromNative(readScratch, this.mem.readBuf, n);
    // Bytes past the Content-Length are not the body; once all of it is in, no read to learn so.
    const rest = this.head?.contentLength === undefined || this.head.chunked ? undefined : Math.max(0, this.head.contentLength - this.body.bytes);
    this.body.write(readScratch.subarray(0, Math.min(n, rest ?? n)));
    this.state = rest !== undefined && n >= rest ? 'eof' : 'read';
    return 0;
  }

  private probed(): number {
    const r = this.reads.probed(koffi.decode(this.mem.available, 'uint32_t') as number);
    if ('error' in r) return this.failed(r.error);
    this.state = r.next;
    return 0;
  }

  private finishBody(): number {
    this.state = 'done';
    this.body.flushProgress();
    const problem = this.head && bodyProblem(this.head, this.spec.method, this.body.bytes);
    if (problem) this.fail(problem);
    else {
      this.result = { ok: true };
      this.closeRequest();
    }
    return 0;
  }

  private call(name: string, fn: () => boolean): number {
    this.pendingSince = this.ev.now();
    this.usage++;
    let ok: boolean;
    try {
      ok = fn();
    } finally {
      this.usage--;
    }
    const err = ok ? 0 : (api.GetLastError() as number);
    this.owner.afterCall();
    if (this.closing && this.usage === 0) this.closeNow();
    if (err === ERROR_IO_PENDING) {
      this.pending = name;
      if (name === 'InternetReadFile') this.reads.readPending();
      this.counts.ioPending++;
      return PENDING;
    }
    this.lastCall = name;
    return err;
  }

  /** A call on a koffi worker thread (upload-steps.ts): its return resumes the request once, as a REQUEST_COMPLETE does. */
  private callOffThread(name: string, start: (done: (error: number) => void) => void): number {
    this.pendingSince = this.ev.now();
    start((error) => (error === ERROR_IO_PENDING ? this.counts.ioPending++ : this.onComplete({ result: error ? 0n : 1n, error })));
    this.pending = name;
    this.owner.afterCall();
    return PENDING;
  }

  /** A second REQUEST_COMPLETE for the last call (wine-quirks.ts): taken as pending, or given up after `graceMs`. */
  private awaitRepeat(name: string, graceMs: number): number {
    this.pending = name;
    this.counts.ioPending++;
    setTimeout(() => this.pending === name && !this.closing && this.onComplete({ result: 1n, error: 0 }), graceMs);
    return PENDING;
  }

  /** fail() inside a step: the step itself completed. */
  private failed(error: EngineErrorInfo): number {
    this.fail(error);
    return 0;
  }

  /** `now`: inside a status callback that must not return with the handle open (closing there is allowed). */
  private fail(error: EngineErrorInfo, now = false): void {
    if (this.result) return;
    this.report.failed(this.ev, this.handles.request, error);
    this.result = { ok: false, error };
    this.closeRequest(now);
  }

  /** Seed 002's CloseRequestHandle: close once nobody is inside a call with the handle. */
  private closeRequest(now = false): void {
    if (this.closing) return;
    this.closing = true;
    if (this.usage === 0 && now) this.closeNow();
    else if (this.usage === 0) setImmediate(() => this.closeNow());
  }

  private closeNow(): void {
    this.closer.close(this.pending ? ABANDON_GRACE_MS : CLOSE_GRACE_MS);
  }

  private finalize(problem?: string): void {
    clearTimeout(this.deadline);
    // Without HANDLE_CLOSING the native buffers may still be in use: they stay until it comes.
    if (problem) this.owner.log(`request ${this.ev.id}: ${problem}; native buffers kept until then (pending: ${this.pending})`);
    let memoryBody: { bodyBase64?: string } = {};
    if (this.result?.ok) {
      try {
        memoryBody = this.body.finish();
      } catch (e) {
        this.result = { ok: false, error: errorInfo(e) };
      }
    }
    const final = this.result ?? { ok: false, error: errorInfo(new Error('the request ended without a result')) };
    if (!final.ok) this.body.abort();
    this.upload.close();
    this.ev.lifecycle({
      type: 'finished',
      ok: final.ok,
      ...(final.ok ? {} : { error: final.error }),
      statusCode: this.head?.statusCode,
      bodyBytes: this.body.bytes,
      uploadBytes: this.upload.uploaded,
      ioPending: this.counts.ioPending,
      ...(this.pending ? { abandoned: this.pending } : {}),
      ...memoryBody,
    });
    this.owner.released(this.closer.fullyClosed);
  }
}
