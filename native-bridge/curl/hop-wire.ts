// The connection side of a transfer's current hop as libcurl's callbacks show it, on the
// WinInet vocabulary: resolving, the socket, connected (at the first TLS record or at prereq),
// the TLS handshake done, the request bytes out, the response head coming in. It keeps the
// request head this hop sent, for its headers event.
import type { HopEvents } from './hop-observers.js';
import { debugText } from './api.js';

const CURLINFO_HEADER_OUT = 2;
const CURLINFO_DATA_OUT = 4;
const CURLINFO_SSL_DATA_OUT = 6;

export class HopWire {
  /** The address of the socket this hop opened; none: the hop reuses a connection. */
  private opened?: string;
  private connected = false;
  private sending = false;
  private inHead = false;
  private sentHead = '';

  constructor(
    private readonly native: HopEvents['native'],
    private readonly host: string,
    /** The request's URL is https (its first hop's TLS handshake is told). */
    private readonly secure: boolean,
  ) {}

  /** The request head as sent on this hop (HEADER_OUT chunks). */
  get requestHeaders(): string {
    return this.sentHead;
  }

  /** A response head is coming in on this hop. */
  get receiving(): boolean {
    return this.inHead;
  }

  /** A new hop (a redirect) or leg (an answered challenge): its connection is told afresh. */
  newHop(): void {
    this.opened = undefined;
    this.connected = false;
    this.resend();
  }

  /** libcurl sends the request again on this connection (it answered a proxy's 407). */
  resend(): void {
    this.sending = false;
    this.inHead = false;
    this.sentHead = '';
  }

  resolving(): void {
    this.native('RESOLVING_NAME', { address: this.host });
  }

  /** libcurl asks for a socket: that is when the address is known. */
  opening(address: string | undefined): void {
    const ip = address?.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    this.native('NAME_RESOLVED', { address: ip });
    this.native('CONNECTING_TO_SERVER', { address });
    this.opened = address;
  }

  closed(): void {
    this.native('CLOSING_CONNECTION');
    this.native('CONNECTION_CLOSED');
  }

  /** Prereq: the connection (and its TLS) is ready. True when the hop reuses a connection. */
  ready(ip: string, port: number): boolean {
    const address = ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
    const reused = this.opened === undefined;
    if (!this.connected) this.native('CONNECTED_TO_SERVER', { address, reused });
    if (this.secure && !reused) this.native('TLS_HANDSHAKE_DONE', { address });
    this.connected = true;
    return reused;
  }

  /** A debug chunk of the request's own (not a CONNECT). */
  debug(type: number, data: unknown, size: number): void {
    if (type === CURLINFO_HEADER_OUT || type === CURLINFO_DATA_OUT) {
      // Bytes of the request on the wire.
      if (!this.sending) this.native('SENDING_REQUEST');
      this.sending = true;
      if (type === CURLINFO_HEADER_OUT) this.sentHead += debugText(data, size);
      this.native('REQUEST_SENT', { bytes: size });
    } else if (type === CURLINFO_SSL_DATA_OUT && this.opened !== undefined && !this.connected) {
      // The first TLS record out: the TCP connection is up, the handshake begins.
      this.native('CONNECTED_TO_SERVER', { address: this.opened, reused: false });
      this.connected = true;
    }
  }

  /** A header line in: the response head is coming. */
  headerLine(): void {
    if (!this.inHead) this.native('RECEIVING_RESPONSE');
    this.inHead = true;
  }
}
