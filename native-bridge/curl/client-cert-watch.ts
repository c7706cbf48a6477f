// The client-certificate side of a libcurl TLS handshake, read from its verbose text
// (OpenSSL's handshake trace: "TLSv1.3 (IN), TLS handshake, Request CERT (13):"), and the
// names its failures get: a certificate libcurl cannot load is CLIENT_CERT naming the file,
// a handshake that fails after the server asked for one says whether it was refused or missing.
import type { EngineErrorInfo, KnownStatusName, StatusInfo } from '../../contract/events.js';
import type { ClientCert } from '../../engine/request-spec.js';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { debugText } from './api.js';
import type { HopEvents, HopObserver } from './hop-observers.js';

const CURLINFO_TEXT = 0;
/** The handshake trace lines are short: their start is enough. */
const TEXT_READ = 200;

const REQUEST_CERT = /\(IN\), TLS handshake, Request CERT/;
const CERT_OUT = /\(OUT\), TLS handshake, Certificate \(11\)/;
/** The TLS alerts a server sends about the client's certificate (RFC 8446 §6.2), as OpenSSL names them. */
const CERT_ALERT = /alert (bad certificate|unsupported certificate|certificate revoked|certificate expired|certificate unknown|unknown ca|access denied|certificate required|decrypt error|handshake failure)/;
/** Failures of a handshake the server ended without a word (Node's TLS server drops a refused peer). */
const DROPPED = new Set([35, 52, 56]);

export class ClientCertWatch implements HopObserver {
  private requested = false;
  private sent = false;

  private readonly subject: string | undefined;

  constructor(
    private readonly cert: ClientCert | undefined,
    private readonly events: Pick<HopEvents, 'native'>,
  ) {
    this.subject = cert?.type === 'PEM' ? pemSubject(cert.certPath) : undefined;
  }

  debug(type: number, data: unknown, size: number): boolean {
    if (type !== CURLINFO_TEXT) return false;
    for (const [status, info] of this.onText(debugText(data, Math.min(size, TEXT_READ)))) this.events.native(status, info);
    return false;
  }

  /** CURLINFO_TEXT lines: the events they mean, in order. */
  onText(text: string): Array<[KnownStatusName, StatusInfo?]> {
    if (REQUEST_CERT.test(text)) {
      this.requested = true;
      return [['CLIENT_CERT_REQUESTED']];
    }
    if (this.requested && this.cert && CERT_OUT.test(text) && !this.sent) {
      this.sent = true;
      return [['CLIENT_CERT_SENT', this.subject ? { subject: this.subject } : undefined]];
    }
    return [];
  }

  /** A failed transfer's error, named for the client certificate where it is about one. */
  explain(error: EngineErrorInfo): EngineErrorInfo {
    const tail = `(${error.name}, ${error.native})`;
    if (this.cert && error.native === 58) {
      const files = this.cert.keyPath ? `${this.cert.certPath} (key ${this.cert.keyPath})` : this.cert.certPath;
      return { ...error, code: 'CLIENT_CERT', message: `the client certificate ${files} cannot be used: ${error.message}` };
    }
    if (!this.requested || error.native === undefined || !DROPPED.has(error.native)) return error;
    const alert = CERT_ALERT.exec(error.message)?.[1];
    const said = alert ? `TLS alert "${alert}"` : 'it asked for one, then closed the connection without a response';
    if (this.cert) return { ...error, code: 'TLS_HANDSHAKE', message: `the server refused the client certificate ${this.cert.certPath} (${said}) ${tail}` };
    return { ...error, code: 'TLS_HANDSHAKE', message: `the server requires a client certificate and none was given (${said}) ${tail}` };
  }
}

/** The subject of a PEM certificate, one line; undefined when it cannot be read (libcurl then names the problem). */
function pemSubject(file: string): string | undefined {
  try {
    return new X509Certificate(fs.readFileSync(file)).subject.split('\n').join(', ');
  } catch {
    return undefined;
  }
}
