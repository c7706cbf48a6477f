// One libcurl transfer, seen through libcurl's callbacks (all of which run on the curl
// worker's own JS thread): each becomes an event on the WinInet vocabulary.
import { BodyIoError, openSource, type SourceReader } from '../../engine/body-io.js';
import { BodyReceiver, redirectEndsHop } from '../../engine/body-receiver.js';
import type { EmitFn } from '../../engine/engine.js';
import { STATUS, type EngineErrorInfo, type EngineTimings, type KnownStatusName, type StatusInfo } from '../../contract/events.js';
import { EventStamper } from '../../engine/event-stamper.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { curl, CURL_READFUNC_ABORT, getLong, getOffT, INFO, koffi, libcurlFeatures, OPT, readNative, sockets, writeNative } from './api.js';
import { usedVersion, versionRefusal } from './http-version.js';
import { curlError } from './errors.js';
import { ClientCertWatch } from './client-cert-watch.js';
import { applyOptions, setopt, type RegisteredCallbacks } from './options.js';
import { HeaderBlock } from './header-block.js';
import { responseHeadProblem } from '../../engine/response-check.js';
import { challengeHeaderName, offeredSchemes } from '../../domain/auth-legs.js';
import { ProxyTrack } from './proxy-track.js';
import { TlsObserver } from './tls-observer.js';

const PROGRESS_EVERY_MS = 16;
const ERROR_BUFFER_SIZE = 256; // CURL_ERROR_SIZE
/** One per worker: callbacks run one at a time, and sinks copy what they keep. */
const scratch = Buffer.allocUnsafe(1024 * 1024);
const FEATURES = libcurlFeatures();

interface HopState {
  opened?: string;
  connected: boolean;
  sending: boolean;
  receiving: boolean;
}

export class CurlTransfer {
  readonly ev: EventStamper;
  readonly easy: unknown;
  private headerList: unknown = null;
  private readonly body: BodyReceiver;
  private source?: SourceReader;
  private hop: HopState = { connected: false, sending: false, receiving: false };
  private block = new HeaderBlock();
  private requestHeaders = '';
  private finalStatus?: number;
  /** The last interim (1xx) status: a transfer that ends with no final head had one at most. */
  private interimStatus?: number;
  /** This hop's 1xx heads, as received, until its response head arrives. */
  private interimHeads = '';
  /** CURLOPT_ERRORBUFFER: libcurl's specific message (its strerror text is generic). */
  private readonly errorBuffer = koffi.alloc('char', ERROR_BUFFER_SIZE);
  private uploadBytes = 0;
  private redirects = 0;
  private currentUrl: string;
  private lastUpload = -Infinity;
  private localError?: EngineErrorInfo;
  private readonly secure: boolean;
  private readonly host: string;
  /**
   * A 401 head libcurl may answer with credentials (an auth leg) or give as the final response:
   * its next request ends the hop (AUTH_LEG), its body arriving makes it final.
   */
  private challenge?: { statusCode: number; raw: string; contentLength?: number };
  private readonly proxy: ProxyTrack;
  private readonly tls: TlsObserver;
  private readonly clientCert: ClientCertWatch;

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
    this.secure = url.protocol === 'https:';
    this.host = url.hostname;
    this.currentUrl = spec.url;
    this.tls = new TlsObserver(spec);
    this.clientCert = new ClientCertWatch(spec.clientCert);
    this.easy = curl.easy_init();
    this.proxy = new ProxyTrack(spec, (status, info) => this.native(status, info));
  }

  /** Sets the handle up; an error here ends the transfer before it starts. */
  prepare(): EngineErrorInfo | undefined {
    this.ev.lifecycle({ type: 'started', engine: 'curl', method: this.spec.method, url: this.spec.url, wallTime: this.ev.wallTime });
    const refused = versionRefusal(this.spec.httpVersion, FEATURES, curl.version() as string);
    if (refused) return refused;
    this.proxy.announce(this.spec.url);
    try {
      if (this.spec.body) this.source = openSource(this.spec.body);
      this.headerList = applyOptions(this.easy, this.spec, this.num, this.cbs, this.source?.total, this.userAgent);
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

  onResolverStart(): number {
    this.nextLeg();
    this.native('RESOLVING_NAME', { address: this.host });
    return 0;
  }

  /** libcurl asks us for a socket: that is when the address is known. */
  onOpenSocket(family: number, socktype: number, protocol: number, address: string | undefined): number {
    this.nextLeg();
    const ip = address?.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    this.native('NAME_RESOLVED', { address: ip });
    this.native('CONNECTING_TO_SERVER', { address });
    this.hop.opened = address;
    return sockets.socket ? (sockets.socket(family, socktype, protocol) as number) : -1;
  }

  onCloseSocket(): void {
    this.native('CLOSING_CONNECTION');
    this.native('CONNECTION_CLOSED');
  }

  /** Right before the request goes out: the connection (and its TLS) is ready. */
  onPrereq(ip: string, port: number): number {
    this.nextLeg();
    const address = ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
    if (!this.hop.connected) this.native('CONNECTED_TO_SERVER', { address, reused: this.hop.opened === undefined });
    if (this.secure && this.hop.opened !== undefined) this.native('TLS_HANDSHAKE_DONE', { address });
    if (this.currentUrl.startsWith('https:')) this.ev.lifecycle({ type: 'tls', facts: this.tls.atPrereq(this.easy, this.hop.opened === undefined) });
    this.hop.connected = true;
    return 0;
  }

  onDebug(type: number, data: unknown, size: number): number {
    this.tls.onDebug(type, data, size);
    if (type === 1) this.proxy.headerIn(Buffer.from(koffi.decode(data, 'uint8_t', size) as Uint8Array).toString('latin1'));
    if (type === 2 && this.proxy.headerOut(Buffer.from(koffi.decode(data, 'uint8_t', size) as Uint8Array).toString('latin1'))) return 0;
    if (type === 2 || type === 4) this.nextLeg();
    if (type === 2 || type === 4) {
      // HEADER_OUT / DATA_OUT: bytes of the request on the wire.
      if (!this.hop.sending) this.native('SENDING_REQUEST');
      this.hop.sending = true;
      if (type === 2) this.requestHeaders += Buffer.from(koffi.decode(data, 'uint8_t', size) as Uint8Array).toString('latin1');
      this.native('REQUEST_SENT', { bytes: size });
    } else if (type === 6 && this.hop.opened !== undefined && !this.hop.connected) {
      // The first TLS record out: the TCP connection is up, the handshake begins.
      this.native('CONNECTED_TO_SERVER', { address: this.hop.opened, reused: false });
      this.hop.connected = true;
    } else if (type === 0) {
      const text = Buffer.from(koffi.decode(data, 'uint8_t', Math.min(size, 200)) as Uint8Array).toString('latin1');
      for (const [status, info] of this.clientCert.onText(text)) this.native(status, info);
    }
    return 0;
  }

  onHeader(ptr: unknown, n: number): number {
    // After the final head, header lines are trailers: they are not a new response.
    if (this.finalStatus !== undefined) return n;
    this.nextLeg();
    if (!this.hop.receiving) this.native('RECEIVING_RESPONSE');
    this.hop.receiving = true;
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
    if (this.proxy.isAuthLeg(b.statusCode)) {
      // libcurl answers the proxy's challenge on the same hop: the 407 is shown before the response, as curl -i does.
      this.interimHeads += b.raw;
      this.hop = { ...this.hop, sending: false, receiving: false };
      this.requestHeaders = '';
      return;
    }
    const protocol = usedVersion(getLong(this.easy, INFO.HTTP_VERSION));
    if (protocol) this.native('PROTOCOL_NEGOTIATED', { protocol, ...(this.spec.httpVersion ? { requested: this.spec.httpVersion } : {}) });
    const location = this.redirectTarget(b.statusCode, b.location);
    const head = { type: 'headers' as const, statusCode: b.statusCode, statusLine: b.statusLine, httpVersion: b.httpVersion, rawHeaders: b.raw, contentLength: b.contentLength, requestHeaders: this.requestHeaders, ...(this.interimHeads ? { interimHeads: this.interimHeads } : {}) };
    this.interimHeads = '';
    if (location) {
      // Every hop reports its own response (HAR has an entry per hop); only the final one opens the body sink.
      this.ev.lifecycle(head);
      this.redirects++;
      this.currentUrl = location;
      this.native('REDIRECT', { url: location });
      this.proxy.announce(location);
      this.hop = { connected: false, sending: false, receiving: false };
      this.tls.nextHop();
      this.requestHeaders = '';
      return;
    }
    this.ev.lifecycle(head);
    this.localError ??= this.proxy.refusal(b.statusCode);
    if (this.localError) return;
    if (this.spec.auth && challengeHeaderName(b.statusCode) === 'www-authenticate') {
      this.native('AUTH_CHALLENGE', { value: b.statusCode, schemes: offeredSchemes(b.raw, b.statusCode) });
      this.challenge = { statusCode: b.statusCode, raw: b.raw, contentLength: b.contentLength };
      return;
    }
    this.openFinal(b.statusCode, b.raw, b.contentLength);
  }

  /** The challenge was answered: libcurl is starting the next request, which is the next hop. */
  private nextLeg(): void {
    if (!this.challenge) return;
    this.native('AUTH_LEG', { value: this.challenge.statusCode, url: this.currentUrl });
    this.challenge = undefined;
    this.hop = { connected: false, sending: false, receiving: false };
    this.requestHeaders = '';
  }

  /** libcurl did not answer the challenge (its body comes, or the transfer ends): it is the response. */
  private challengeIsFinal(): void {
    const c = this.challenge;
    if (!c) return;
    this.challenge = undefined;
    this.openFinal(c.statusCode, c.raw, c.contentLength);
  }

  private openFinal(statusCode: number, raw: string, contentLength: number | undefined): void {
    const b = { statusCode, raw, contentLength };
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
    this.challengeIsFinal();
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
    if (!this.source) return 0;
    try {
      const chunk = max <= scratch.length ? scratch.subarray(0, max) : Buffer.allocUnsafe(max);
      const n = this.source.read(chunk);
      if (n > 0) writeNative(buffer, chunk, n);
      this.uploadBytes += n;
      const now = this.ev.now();
      if (n === 0 || now - this.lastUpload >= PROGRESS_EVERY_MS || this.uploadBytes === this.source.total) {
        this.lastUpload = now;
        this.ev.lifecycle({ type: 'upload', bytes: this.uploadBytes, total: this.source.total });
      }
      return n;
    } catch (e) {
      this.localError = e instanceof BodyIoError ? e.info : { code: 'INTERNAL', name: 'SOURCE', message: String(e) };
      return CURL_READFUNC_ABORT;
    }
  }

  /** CURLOPT_SEEKFUNCTION: libcurl re-sends the body (a 307/308, an auth retry). */
  onSeek(offset: number, origin: number): number {
    if (!this.source || origin !== 0 || offset < 0 || offset > this.source.total) return 2; // CURL_SEEKFUNC_CANTSEEK
    this.source.seek(offset);
    this.uploadBytes = offset;
    return 0; // CURL_SEEKFUNC_OK
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
      if (code === 0) this.challengeIsFinal();
      this.body.flushProgress();
      this.native('REQUEST_COMPLETE', { error: code, op: 'transfer' });
    }
    const detail = koffi.decode(this.errorBuffer, 'char', -1) as string;
    let error = this.localError ?? (code !== 0 ? this.proxy.failure() ?? this.clientCert.explain(curlError(code, text, { bodyStarted: this.finalStatus !== undefined, proxy: this.proxy.via, detail, inHeaders: this.hop.receiving && this.finalStatus === undefined })) : undefined);
    // An unasked-for 101 (or a lone 1xx) ends libcurl's transfer "successfully" with no response.
    if (!error && this.finalStatus === undefined) error = this.proxy.failure() ?? responseHeadProblem(this.interimStatus ?? 0, '');
    const engineTimings = this.timings();
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
    const refused = code !== 0 ? this.tls.atFailure(this.easy, code, detail) : undefined;
    if (refused) this.ev.lifecycle({ type: 'tls', facts: refused });
    this.source?.close();
    if (this.headerList) curl.slist_free_all(this.headerList);
    curl.easy_cleanup(this.easy);
    koffi.free(this.errorBuffer);
    this.ev.lifecycle({
      type: 'finished', ok: !error, ...(error ? { error } : {}), statusCode: this.finalStatus,
      bodyBytes: this.body.bytes, uploadBytes: this.uploadBytes, engineTimings, ...memoryBody, ...partialHead,
    });
  }

  private timings(): EngineTimings {
    const ms = (info: number) => getOffT(this.easy, info) / 1000;
    return {
      namelookup: ms(INFO.NAMELOOKUP_TIME_T), connect: ms(INFO.CONNECT_TIME_T), appconnect: ms(INFO.APPCONNECT_TIME_T),
      pretransfer: ms(INFO.PRETRANSFER_TIME_T), starttransfer: ms(INFO.STARTTRANSFER_TIME_T), total: ms(INFO.TOTAL_TIME_T),
      redirect: ms(INFO.REDIRECT_TIME_T),
    };
  }

  responseCode(): number {
    return getLong(this.easy, INFO.RESPONSE_CODE);
  }
}
