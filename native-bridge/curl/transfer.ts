// One libcurl transfer, seen through libcurl's callbacks (all of which run on the curl
// worker's own JS thread): each becomes an event on the WinInet vocabulary. The trackers of
// its hops (proxy, TLS facts, client certificate, server auth legs) are registered once and
// see each moment through hop-observers.ts.
import { BodyIoError, openSource } from '../../engine/body-io.js';
import { BodyReceiver, redirectEndsHop } from '../../engine/body-receiver.js';
import type { EmitFn } from '../../engine/engine.js';
import { STATUS, type EngineErrorInfo, type KnownStatusName, type StatusInfo } from '../../contract/events.js';
import { EventStamper } from '../../engine/event-stamper.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { curl, CURL_READFUNC_ABORT, getLong, INFO, koffi, libcurlFeatures, OPT, readNative, sockets, transferTimings } from './api.js';
import { usedVersion, versionRefusal } from './http-version.js';
import { curlError } from './errors.js';
import { ClientCertWatch } from './client-cert-watch.js';
import { applyOptions, setopt, type RegisteredCallbacks } from './options.js';
import { HeaderBlock } from './header-block.js';
import { responseHeadProblem } from '../../engine/response-check.js';
import { HopObservers, type FinalHead, type HopEvents } from './hop-observers.js';
import { HopWire } from './hop-wire.js';
import { ProxyTrack } from './proxy-track.js';
import { ServerAuthLegs } from './server-auth-legs.js';
import { TlsObserver } from './tls-observer.js';
import { UploadFeed } from './upload-feed.js';

const ERROR_BUFFER_SIZE = 256; // CURL_ERROR_SIZE
/** One per worker: callbacks run one at a time, and sinks copy what they keep. */
const scratch = Buffer.allocUnsafe(1024 * 1024);
const FEATURES = libcurlFeatures();
const CURLINFO_HEADER_OUT = 2;
const CURLINFO_DATA_OUT = 4;

export class CurlTransfer {
  readonly ev: EventStamper;
  readonly easy: unknown;
  private headerList: unknown = null;
  private readonly body: BodyReceiver;
  private upload: UploadFeed;
  private readonly wire: HopWire;
  private block = new HeaderBlock();
  private finalStatus?: number;
  /** The last interim (1xx) status: a transfer that ends with no final head had one at most. */
  private interimStatus?: number;
  /** This hop's 1xx heads, as received, until its response head arrives. */
  private interimHeads = '';
  /** CURLOPT_ERRORBUFFER: libcurl's specific message (its strerror text is generic). */
  private readonly errorBuffer = koffi.alloc('char', ERROR_BUFFER_SIZE);
  private redirects = 0;
  private currentUrl: string;
  private localError?: EngineErrorInfo;
  private readonly observers: HopObservers;

  constructor(
    id: string,
    readonly num: number,
    private readonly spec: RequestSpec,
    emit: EmitFn,
    private readonly cbs: RegisteredCallbacks,
    private readonly userAgent: string,
  ) {
    this.ev = new EventStamper(id, emit);
    this.body = new BodyReceiver(spec.sink, this.ev);
    const url = new URL(spec.url);
    this.currentUrl = spec.url;
    this.upload = new UploadFeed(this.ev);
    this.easy = curl.easy_init();
    const events: HopEvents = { native: (status, info) => this.native(status, info), tls: (facts) => this.ev.lifecycle({ type: 'tls', facts }) };
    this.wire = new HopWire(events.native, url.hostname, url.protocol === 'https:');
    // Each moment reaches them in this order; a new tracker is one more entry.
    this.observers = new HopObservers([new ProxyTrack(spec, events), new TlsObserver(spec, events), new ClientCertWatch(spec.clientCert, events), new ServerAuthLegs(spec, events)]);
  }

  /** Sets the handle up; an error here ends the transfer before it starts. */
  prepare(): EngineErrorInfo | undefined {
    this.ev.lifecycle({ type: 'started', engine: 'curl', method: this.spec.method, url: this.spec.url, wallTime: this.ev.wallTime });
    const refused = versionRefusal(this.spec.httpVersion, FEATURES, curl.version() as string);
    if (refused) return refused;
    this.observers.hopStart(this.spec.url);
    try {
      if (this.spec.body) this.upload = new UploadFeed(this.ev, openSource(this.spec.body));
      this.headerList = applyOptions(this.easy, this.spec, this.num, this.cbs, this.upload.total, this.userAgent);
      koffi.encode(this.errorBuffer, 'char', 0);
      setopt(this.easy, OPT.ERRORBUFFER, 'void *', this.errorBuffer);
      return undefined;
    } catch (e) {
      return e instanceof BodyIoError ? e.info : { code: 'INTERNAL', name: 'SETUP', message: (e as Error).message };
    }
  }

  private native(status: KnownStatusName, info?: StatusInfo): void {
    this.ev.native(STATUS[status], info, performance.now());
  }

  // Each step of a request on the wire may begin the next leg (libcurl answered a challenge).
  onResolverStart(): number {
    this.nextLeg();
    this.wire.resolving();
    return 0;
  }

  onOpenSocket(family: number, socktype: number, protocol: number, address: string | undefined): number {
    this.nextLeg();
    this.wire.opening(address);
    return sockets.socket ? (sockets.socket(family, socktype, protocol) as number) : -1;
  }

  onCloseSocket(): void {
    this.wire.closed();
  }

  /** Right before the request goes out: the connection (and its TLS) is ready. */
  onPrereq(ip: string, port: number): number {
    this.nextLeg();
    this.observers.prereq(this.easy, this.wire.ready(ip, port));
    return 0;
  }

  onDebug(type: number, data: unknown, size: number): number {
    // A chunk a tracker claims (the CONNECT request) is not the request's own.
    if (this.observers.debug(type, data, size)) return 0;
    if (type === CURLINFO_HEADER_OUT || type === CURLINFO_DATA_OUT) this.nextLeg();
    this.wire.debug(type, data, size);
    return 0;
  }

  onHeader(ptr: unknown, n: number): number {
    // After the final head, header lines are trailers: they are not a new response.
    if (this.finalStatus !== undefined) return n;
    this.nextLeg();
    this.wire.headerLine();
    const line = Buffer.from(readNative(ptr, n, scratch)).toString('latin1');
    if (this.block.push(line)) this.endOfHeaders();
    return n;
  }

  private endOfHeaders(): void {
    const b = this.block.take();
    this.native('RESPONSE_RECEIVED', { bytes: b.raw.length });
    if (b.statusCode >= 100 && b.statusCode < 200) {
      this.interimStatus = b.statusCode;
      this.interimHeads += b.raw;
      return this.native('INTERMEDIATE_RESPONSE', { value: b.statusCode });
    }
    if (this.observers.answered(b.statusCode)) {
      // libcurl answers the proxy's challenge on the same hop: the 407 is shown before the response, as curl -i does.
      this.interimHeads += b.raw;
      return this.wire.resend();
    }
    const protocol = usedVersion(getLong(this.easy, INFO.HTTP_VERSION));
    if (protocol) this.native('PROTOCOL_NEGOTIATED', { protocol, ...(this.spec.httpVersion ? { requested: this.spec.httpVersion } : {}) });
    const location = this.redirectTarget(b.statusCode, b.location);
    const head = { type: 'headers' as const, statusCode: b.statusCode, statusLine: b.statusLine, httpVersion: b.httpVersion, rawHeaders: b.raw, contentLength: b.contentLength, requestHeaders: this.wire.requestHeaders, ...(this.interimHeads ? { interimHeads: this.interimHeads } : {}) };
    this.interimHeads = '';
    // Every hop reports its own response (HAR has an entry per hop); only the final one opens the body sink.
    this.ev.lifecycle(head);
    if (location) return this.redirected(location);
    this.localError ??= this.observers.refusal(b.statusCode);
    if (this.localError || this.observers.holds(b)) return;
    this.openFinal(b);
  }

  private redirected(location: string): void {
    this.redirects++;
    this.currentUrl = location;
    this.native('REDIRECT', { url: location });
    this.observers.hopStart(location);
    this.wire.newHop();
  }

  /** A tracker says libcurl starts the next leg of this hop (an answered challenge). */
  private nextLeg(): void {
    if (this.observers.legStarts()) this.wire.newHop();
  }

  /** A head a tracker held (a challenge libcurl did not answer) is the response. */
  private releaseHeld(): void {
    const held = this.observers.release();
    if (held) this.openFinal(held);
  }

  private openFinal(b: FinalHead): void {
    this.finalStatus = b.statusCode;
    // libcurl takes the last of two different Content-Lengths; the write callback then aborts.
    const problem = responseHeadProblem(b.statusCode, b.raw);
    if (problem) {
      this.localError ??= problem;
      return;
    }
    if (redirectEndsHop(this.spec, b.statusCode, b.raw)) return this.body.skip();
    try {
      this.body.open(b.contentLength);
    } catch (e) {
      this.localError = (e as BodyIoError).info;
    }
  }

  /** Where libcurl is about to go next, when it follows this response (as curl -L does). */
  private redirectTarget(status: number, location: string | undefined): string | undefined {
    const follows = this.spec.followRedirects && [300, 301, 302, 303, 307, 308].includes(status);
    // libcurl follows no blank Location: that response is the final one.
    if (!follows || !location || this.redirects >= this.spec.maxRedirects) return undefined;
    try {
      return new URL(location, this.currentUrl).href;
    } catch {
      return undefined;
    }
  }

  onWrite(ptr: unknown, n: number): number {
    this.releaseHeld();
    if (this.finalStatus === undefined) return n;
    if (this.localError || !this.body.opened) return 0;
    this.native('RESPONSE_RECEIVED', { bytes: n });
    // A redirect's body the caller follows past is drained (the connection stays reusable), not kept.
    try {
      this.body.write(readNative(ptr, n, scratch));
    } catch (e) {
      this.localError = e instanceof BodyIoError ? e.info : { code: 'INTERNAL', name: 'SINK', message: String(e) };
      return 0;
    }
    return n;
  }

  onRead(buffer: unknown, max: number): number {
    try {
      return this.upload.read(buffer, max, scratch);
    } catch (e) {
      this.localError = e instanceof BodyIoError ? e.info : { code: 'INTERNAL', name: 'SOURCE', message: String(e) };
      return CURL_READFUNC_ABORT;
    }
  }

  onSeek(offset: number, origin: number): number {
    return this.upload.seek(offset, origin);
  }

  /** Cancel, from the worker loop (never from inside a libcurl callback). */
  cancel(): void {
    this.localError ??= { code: 'CANCELLED', name: 'CANCELLED', message: 'the request was cancelled' };
  }

  get cancelled(): boolean {
    return this.localError?.code === 'CANCELLED';
  }

  /** The transfer is over (done, failed or removed): report and release everything. */
  finish(code: number, text: string, problem?: EngineErrorInfo): void {
    if (problem) this.localError ??= problem;
    else {
      if (code === 0) this.releaseHeld();
      this.body.flushProgress();
      this.native('REQUEST_COMPLETE', { error: code, op: 'transfer' });
    }
    const detail = koffi.decode(this.errorBuffer, 'char', -1) as string;
    let error = this.failure(code, text, detail);
    const engineTimings = transferTimings(this.easy);
    const partialHead = error && this.finalStatus === undefined && this.block.pending ? { partialHead: this.block.pending } : {};
    let memoryBody: { bodyBase64?: string } = {};
    if (!error) {
      try {
        memoryBody = this.body.finish();
      } catch (e) {
        error = (e as BodyIoError).info;
      }
    }
    if (error) this.body.abort();
    this.observers.done(this.easy, code, detail);
    this.upload.close();
    if (this.headerList) curl.slist_free_all(this.headerList);
    curl.easy_cleanup(this.easy);
    koffi.free(this.errorBuffer);
    this.ev.lifecycle({
      type: 'finished', ok: !error, ...(error ? { error } : {}), statusCode: this.finalStatus,
      bodyBytes: this.body.bytes, uploadBytes: this.upload.bytes, engineTimings, ...memoryBody, ...partialHead,
    });
  }

  /** Why the transfer failed, if it did: our own reason first, then a tracker's, then libcurl's code. */
  private failure(code: number, text: string, detail: string): EngineErrorInfo | undefined {
    if (this.localError) return this.localError;
    const inHeaders = this.wire.receiving && this.finalStatus === undefined;
    if (code !== 0) return this.observers.cause() ?? this.observers.explain(curlError(code, text, { bodyStarted: this.finalStatus !== undefined, detail, inHeaders }));
    // An unasked-for 101 (or a lone 1xx) ends libcurl's transfer "successfully" with no response.
    if (this.finalStatus === undefined) return this.observers.cause() ?? responseHeadProblem(this.interimStatus ?? 0, '');
    return undefined;
  }

  responseCode(): number {
    return getLong(this.easy, INFO.RESPONSE_CODE);
  }
}
