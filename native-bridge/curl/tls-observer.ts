// One transfer's TLS facts from libcurl: at each hop's prereq (the handshake is done, the
// request not yet sent) the chain from CURLINFO_CERTINFO and OpenSSL's version, cipher and
// ALPN through the SSL*; a connection reused is known by that pointer (its first facts are
// kept per worker). A handshake that fails leaves no CERTINFO: the refused chain is read
// from the Certificate handshake message libcurl's debug callback passed on.
import type { RequestSpec } from '../../engine/request-spec.js';
import type { TlsFacts, TlsVerification } from '../../contract/tls.js';
import { chainFacts } from '../../engine/tls-certificate.js';
import { parseCertInfoLines } from '../../domain/tls/certinfo.js';
import { certificatesOfAny, isCertificateMessage } from '../../domain/tls/certificate-message.js';
import { debugText, koffi } from './api.js';
import type { HopEvents, HopObserver } from './hop-observers.js';
import { certInfo, openssl, pointerKey, sslPointer, verifyResult } from './tls-api.js';

const CURLINFO_TEXT = 0;
const CURLINFO_SSL_DATA_IN = 5;
/** A Certificate message bigger than this is not kept (a defence: real chains are a few KB). */
const MAX_CERT_MESSAGE = 256 * 1024;
/** Connections remembered per worker for reuse; older ones are forgotten first. */
const MAX_REMEMBERED = 64;
const remembered = new Map<bigint, TlsFacts>();
/** CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE… : the handshake or its check failed. */
const TLS_FAILURES = new Set([35, 51, 58, 59, 60, 77, 80, 83, 90, 91]);

function remember(key: bigint, facts: TlsFacts): void {
  remembered.delete(key);
  remembered.set(key, facts);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as bigint);
}

const SOURCE = 'libcurl CURLINFO_CERTINFO, CURLINFO_SSL_VERIFYRESULT; OpenSSL SSL_get_version, SSL_CIPHER_get_name, SSL_get0_alpn_selected (CURLINFO_TLS_SSL_PTR)';

export class TlsObserver implements HopObserver {
  /** The last Certificate message of this hop's handshake, and the version it came in. */
  private certMessage?: Uint8Array;
  private handshakeVersion?: string;
  private reported = false;
  /** This hop goes to an https URL: it has a tls event at prereq. */
  private secure: boolean;

  constructor(
    private readonly spec: RequestSpec,
    private readonly events: HopEvents,
  ) {
    this.secure = spec.url.startsWith('https:');
  }

  private get against(): TlsVerification['against'] {
    return this.spec.insecure ? 'insecure' : this.spec.caFile ? 'ca-file' : 'system';
  }

  /** Every debug callback: keeps what a failed handshake will need. */
  debug(type: number, data: unknown, size: number): boolean {
    if (type === CURLINFO_TEXT && size < 200) {
      const m = /^(TLSv1(?:\.[0-3])?|SSLv3) \(IN\), TLS handshake, Certificate \(11\)/.exec(debugText(data, size));
      if (m) this.handshakeVersion = m[1];
    } else if (type === CURLINFO_SSL_DATA_IN && size >= 7 && size <= MAX_CERT_MESSAGE) {
      const first = koffi.decode(data, 'uint8_t', 4) as Uint8Array;
      if (first[0] !== 11) return false;
      const msg = Uint8Array.from(koffi.decode(data, 'uint8_t', size) as Uint8Array);
      if (isCertificateMessage(msg)) this.certMessage = msg;
    }
    return false;
  }

  /** A new hop: its own handshake (or reuse) is reported again. */
  hopStart(url: string): void {
    this.secure = url.startsWith('https:');
    this.reported = false;
    this.certMessage = undefined;
    this.handshakeVersion = undefined;
  }

  prereq(easy: unknown, reused: boolean): void {
    if (this.secure) this.events.tls(this.atPrereq(easy, reused));
  }

  /** A failed transfer: the certificate a handshake refused, when that is why. */
  done(easy: unknown, code: number, detail: string): void {
    const refused = code !== 0 ? this.atFailure(easy, code, detail) : undefined;
    if (refused) this.events.tls(refused);
  }

  /** At prereq of a TLS hop: the facts of its connection. */
  private atPrereq(easy: unknown, reused: boolean): TlsFacts {
    this.reported = true;
    const ssl = sslPointer(easy);
    const key = ssl ? pointerKey(ssl) : undefined;
    const known = key !== undefined ? remembered.get(key) : undefined;
    if (reused && known) return { ...known, reused: true };
    const facts = this.fresh(easy, ssl, reused);
    if (key !== undefined) remember(key, facts);
    return facts;
  }

  private fresh(easy: unknown, ssl: unknown, reused: boolean): TlsFacts {
    const missing: NonNullable<TlsFacts['missing']> = {};
    const entries = certInfo(easy).map(parseCertInfoLines);
    const { chain, unreadable } = chainFacts(entries.flatMap((e) => (e.pem ? [e.pem] : [])));
    entries.forEach((e, i) => {
      if (chain[i] && e.signatureAlgorithm) chain[i] = { ...chain[i]!, signatureAlgorithm: e.signatureAlgorithm };
    });
    if (chain.length === 0) missing.chain = reused ? 'libcurl reports CURLINFO_CERTINFO only for the transfer that made the handshake' : 'CURLINFO_CERTINFO was empty';
    else if (unreadable > 0) missing.chain = `${unreadable} certificate(s) of CURLINFO_CERTINFO could not be parsed`;
    const tls = this.sslFacts(ssl, missing);
    missing.ocspStapled = 'libcurl asks for a stapled OCSP response only with --cert-status (CURLOPT_SSL_VERIFYSTATUS), which is not set';
    return { source: SOURCE, ...(reused ? { reused: true } : {}), ...tls, verified: this.verification(easy), chain, ocspStapled: 'unknown', missing };
  }

  private sslFacts(ssl: unknown, missing: NonNullable<TlsFacts['missing']>): Pick<TlsFacts, 'protocol' | 'cipher' | 'alpn'> {
    if (typeof openssl === 'string' || !ssl) {
      const why = typeof openssl === 'string' ? openssl : 'CURLINFO_TLS_SSL_PTR gave no OpenSSL connection';
      missing.protocol = why;
      missing.cipher = why;
      missing.alpn = why;
      return {};
    }
    const alpn = openssl.alpn(ssl);
    if (!alpn) missing.alpn = 'the server chose no ALPN protocol';
    const cipher = openssl.cipher(ssl);
    return { protocol: openssl.version(ssl), ...(cipher ? { cipher } : {}), ...(alpn ? { alpn } : {}) };
  }

  private verification(easy: unknown): TlsVerification {
    const code = verifyResult(easy);
    const text = code !== 0 && typeof openssl !== 'string' ? { error: openssl.verifyError(code) } : {};
    if (this.spec.insecure) return { result: 'skipped', against: 'insecure', code, ...text };
    return { result: code === 0 ? 'ok' : 'failed', against: this.against, code, ...text };
  }

  /** The transfer failed: a TLS failure before this hop's facts were reported gives the refused certificate. */
  private atFailure(easy: unknown, code: number, detail: string): TlsFacts | undefined {
    if (this.reported || !TLS_FAILURES.has(code)) return undefined;
    const ders = this.certMessage ? certificatesOfAny(this.certMessage) : undefined;
    const { chain } = chainFacts(ders ?? []);
    const missing: NonNullable<TlsFacts['missing']> = {
      cipher: 'the handshake failed: libcurl reports no connection to ask',
      alpn: 'the handshake failed: libcurl reports no connection to ask',
      ocspStapled: 'the handshake failed',
    };
    if (!this.handshakeVersion) missing.protocol = 'the handshake failed before the server sent its certificate';
    if (chain.length === 0) missing.chain = this.certMessage ? 'the Certificate message could not be parsed' : 'the server sent no certificate before the handshake failed';
    const verify = verifyResult(easy);
    const verified: TlsVerification = { result: 'failed', against: this.against, error: detail || `libcurl error ${code}`, ...(verify ? { code: verify } : {}) };
    return { source: 'libcurl CURLINFO_SSL_VERIFYRESULT and error buffer; the Certificate handshake message (CURLOPT_DEBUGFUNCTION, CURLINFO_SSL_DATA_IN)', ...(this.handshakeVersion ? { protocol: this.handshakeVersion } : {}), verified, chain, missing };
  }
}
