// One WinInet request: the state machine of seed 002, driven by REQUEST_COMPLETE and
// correct whether a call completes at once or returns ERROR_IO_PENDING (seed 001). Its calls
// go through request-calls.ts, the upload and body states are upload-steps.ts and
// body-steps.ts, certificates request-certs.ts, and what each hop reports hop-report.ts.
import { BodyReceiver, redirectEndsHop } from '../../engine/body-receiver.js';
import { STATUS, type EngineErrorInfo, type StatusInfo } from '../../contract/events.js';
import { EventStamper } from '../../engine/event-stamper.js';
import type { EmitFn } from '../../engine/engine.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { api } from './api.js';
import { BodySteps, isBodyState } from './body-steps.js';
import { classifyWinInetError, ERROR_INTERNET_INTERNAL_ERROR, errorInfo } from './errors.js';
import { HandleCloser } from './handle-closer.js';
import { headProblem } from './head-check.js';
import { setProxyCredentials } from './proxy-session.js';
import { proxyRefusal, type ProxyChoice } from '../../domain/proxy.js';
import { NativeBuffers } from './native-buffers.js';
import { openHandles, type RequestHandles } from './open-handles.js';
import { bodyProblem, droppedAtClose, type ResponseHead } from './query.js';
import { HopReport } from './hop-report.js';
import { RequestCalls } from './request-calls.js';
import { RequestCerts } from './request-certs.js';
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
  private closing = false;
  private readonly calls: RequestCalls;
  private mem = new NativeBuffers();
  private body: BodyReceiver;
  private head?: ResponseHead;
  private upload = new UploadCursor(undefined, this.mem);
  private readonly uploadSteps: UploadSteps;
  private readonly bodySteps: BodySteps;
  /** When data last arrived (RESPONSE_RECEIVED) or the current call began: silence is measured from it. */
  private lastDataAt = 0;
  private result?: { ok: true } | { ok: false; error: EngineErrorInfo };
  private deadline?: NodeJS.Timeout;
  private readonly closer: HandleCloser;
  private readonly certs: RequestCerts;
  /** The proxy the session takes for this request's host (PROXY_CHOSEN). */
  private route?: ProxyChoice;
  private readonly report: HopReport;

  constructor(id: string, readonly ctx: number, private readonly spec: RequestSpec, emit: EmitFn, private readonly owner: RequestOwner) {
    this.ev = new EventStamper(id, emit, (e) => owner.log(`late event after finished: ${JSON.stringify(e)}`));
    this.state = spec.body ? 'sendEx' : 'send';
    const log = (m: string) => owner.log(`request ${this.ev.id}: ${m}`);
    this.report = new HopReport(spec, this.ev, this.handles, log);
    this.certs = new RequestCerts(spec, this.ev, log);
    this.body = new BodyReceiver(spec.sink, this.ev);
    this.calls = new RequestCalls(this.ev, {
      afterCall: () => owner.afterCall(),
      idle: () => {
        if (this.closing) this.closeNow();
      },
      complete: (r) => this.onComplete(r),
      closing: () => this.closing,
    });
    this.uploadSteps = new UploadSteps(() => this.upload, this.mem, ctx, this.calls, (bytes, total) => this.ev.lifecycle({ type: 'upload', bytes, total }), () => this.ev.hop);
    this.bodySteps = new BodySteps(this.calls, this.mem, ctx, this.body, () => this.head, (error) => this.failed(error));
    this.closer = new HandleCloser(this.handles, {
      afterCall: () => owner.afterCall(),
      freeMemory: () => {
        this.mem.free();
        this.certs.free();
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
      this.certs.loadCaFile();
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
    const certProblem = this.certs.apply(this.handles.request);
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
    const pending = this.calls.pending;
    if (status === STATUS.REQUEST_COMPLETE && info && pending) info.op = pending;
    if (status === STATUS.RESPONSE_RECEIVED) this.lastDataAt = at;
    if (status === STATUS.RESPONSE_RECEIVED && pending === 'InternetReadFile' && info?.bytes !== undefined) this.bodySteps.received(info.bytes);
    // Once closing, the handle may be closed: it is never queried again.
    if (!this.closing) this.report.onStatus(status, at, this.head !== undefined);
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
    const op = this.calls.completed();
    // Closed while pending (abandon grace): now HANDLE_CLOSING will come; wait as for any close.
    if (this.closing && op) this.closer.extend(CLOSE_GRACE_MS);
    if (this.closing || !op) return;
    this.calls.lastCall = op;
    if (op === 'InternetQueryDataAvailable') {
      const done = queryDataCompletion(r.result, r.error);
      this.bodySteps.probeCompleted(done.available);
      return this.advance(done.error);
    }
    this.advance(r.error !== 0 ? r.error : r.result === 0n ? ERROR_INTERNET_INTERNAL_ERROR : 0);
  }

  private advance(error: number): void {
    for (let burst = 0; ; burst++) {
      if (this.closing) return;
      if (error !== 0 && (this.certDecided(error) || this.uploadSteps.resend(error, this.calls.lastCall, (s) => (this.state = s)))) error = 0;
      if (error !== 0) {
        const silent = this.ev.now() - Math.max(this.calls.since, this.lastDataAt);
        return this.fail(classifyWinInetError(error, this.calls.lastCall, this.head ? 'body' : 'request', silent, this.spec.timeouts.receiveMs, this.spec.proxy));
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
    const setState = (s: State) => (this.state = s);
    if (isUploadState(this.state)) return this.uploadSteps.step(this.state, h, setState);
    if (isBodyState(this.state)) return this.bodySteps.step(this.state, h, setState);
    switch (this.state) {
      case 'send':
        this.state = 'head';
        return this.calls.call('HttpSendRequestW', () => api.HttpSendRequestW(h, null, 0, null, 0));
      case 'head':
        return this.readHead();
      case 'eof':
        return this.finishBody();
      default:
        return 0;
    }
  }

  /** A certificate question (request-certs.ts): true when it was decided (a resend is set up, or the request failed). */
  private certDecided(native: number): boolean {
    const d = this.certs.onSendError(this.handles.request, native, this.calls.lastCall);
    if (!d) return false;
    if ('error' in d) this.fail(d.error);
    else this.state = this.spec.body ? 'sendEx' : 'send';
    return true;
  }

  private readHead(): number {
    const untrusted = this.certs.verifyAccepted(this.handles.request, this.calls.lastCall);
    if (untrusted) return this.failed(untrusted);
    const head = this.report.query();
    if (!head) return this.failed({ code: 'BAD_RESPONSE', name: 'NO_HEADERS', message: 'HttpQueryInfoW returned no response headers' });
    this.report.head((this.head = head), performance.now());
    // WinInet passes replies that are not HTTP off as responses.
    const problem = headProblem(head, this.spec.followRedirects ? { url: this.spec.url } : undefined) ?? proxyRefusal(head.statusCode, this.route, this.spec.proxyAuth);
    if (problem) return this.failed(problem);
    // A redirect the caller follows: its body is read to the end (the connection stays reusable), never stored.
    if (redirectEndsHop(this.spec, head.statusCode, head.rawHeaders)) this.body.skip();
    else this.body.open(head.contentLength);
    this.state = 'read';
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

  /** fail() inside a step: the step itself completed. */
  private failed(error: EngineErrorInfo): number {
    this.fail(error);
    return 0;
  }

  /** `now`: inside a status callback that must not return with the handle open (closing there is allowed). */
  private fail(error: EngineErrorInfo, now = false): void {
    if (this.result) return;
    this.report.failed(error);
    this.result = { ok: false, error };
    this.closeRequest(now);
  }

  /** Seed 002's CloseRequestHandle: close once nobody is inside a call with the handle. */
  private closeRequest(now = false): void {
    if (this.closing) return;
    this.closing = true;
    if (this.calls.idle && now) this.closeNow();
    else if (this.calls.idle) setImmediate(() => this.closeNow());
  }

  private closeNow(): void {
    this.closer.close(this.calls.pending ? ABANDON_GRACE_MS : CLOSE_GRACE_MS);
  }

  private finalize(problem?: string): void {
    clearTimeout(this.deadline);
    // Without HANDLE_CLOSING the native buffers may still be in use: they stay until it comes.
    if (problem) this.owner.log(`request ${this.ev.id}: ${problem}; native buffers kept until then (pending: ${this.calls.pending})`);
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
      ioPending: this.calls.ioPending,
      ...(this.calls.pending ? { abandoned: this.calls.pending } : {}),
      ...memoryBody,
    });
    this.owner.released(this.closer.fullyClosed);
  }
}
