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
    this.clientCert = new ClientCertWatch(spec.clientCert);
    this.easy = curl.easy_init();
  }

  /** Sets the handle up; an error here ends the transfer before it starts. */
  prepare(): EngineErrorInfo | undefined {
    this.ev.lifecycle({ type: 'started', engine: 'curl', method: this.spec.method, url: this.spec.url, wallTime: this.ev.wallTime });
    const refused = versionRefusal(this.spec.httpVersion, FEATURES, curl.version() as string);
    if (refused) return refused;
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
    this.native('RESOLVING_NAME', { address: this.host });
    return 0;
  }

  /** libcurl asks us for a socket: that is when the address is known. */
  onOpenSocket(family: number, socktype: number, protocol: number, address: string | undefined): number {
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
    const address = ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
    if (!this.hop.connected) this.native('CONNECTED_TO_SERVER', { address, reused: this.hop.opened === undefined });
    if (this.secure && this.hop.opened !== undefined) this.native('TLS_HANDSHAKE_DONE', { address });
    this.hop.connected = true;
    return 0;
  }

  onDebug(type: number, data: unknown, size: number): number {
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
      this.hop = { connected: false, sending: false, receiving: false };
      this.requestHeaders = '';
      return;
    }
    this.finalStatus = b.statusCode;
    this.ev.lifecycle(head);
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
      this.body.flushProgress();
      this.native('REQUEST_COMPLETE', { error: code, op: 'transfer' });
    }
    const detail = koffi.decode(this.errorBuffer, 'char', -1) as string;
    let error = this.localError ?? (code !== 0 ? this.clientCert.explain(curlError(code, text, { bodyStarted: this.finalStatus !== undefined, proxy: this.spec.proxy, detail, inHeaders: this.hop.receiving && this.finalStatus === undefined })) : undefined);
    // An unasked-for 101 (or a lone 1xx) ends libcurl's transfer "successfully" with no response.
    if (!error && this.finalStatus === undefined) error = responseHeadProblem(this.interimStatus ?? 0, '');
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
