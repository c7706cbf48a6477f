// A CA file with WinInet, which has no per-request CA store: Microsoft's certificate-error
// flow. HttpSendRequest fails with ERROR_INTERNET_INVALID_CA (under Wine first
// ERROR_INTERNET_SEC_CERT_REV_FAILED: the test CA's leaves have no CRL); the server
// certificate is checked here against the file; if it comes from one of its CAs,
// SECURITY_FLAG_IGNORE_UNKNOWN_CA (+ IGNORE_REVOCATION) is set and the request sent again
// on the same handle, so WinInet's own date and host-name checks still run and name their
// errors. Before the response is shown, the chain WinInet accepted is checked once more.
import { X509Certificate } from 'node:crypto';
import { chainTrusted, issuerNamed, nameValues, type CaBundle } from '../../engine/ca-file.js';
import type { EngineErrorInfo } from '../../contract/events.js';
import { api, INTERNET_OPTION_SECURITY_FLAGS, SECURITY_FLAG_IGNORE_REVOCATION, SECURITY_FLAG_IGNORE_UNKNOWN_CA } from './api.js';
import { winInetError } from './errors.js';
import { serverCertSummary, serverChain } from './server-cert.js';

const ERROR_INTERNET_INVALID_CA = 12045;
const ERROR_INTERNET_SEC_CERT_REV_FAILED = 12057;
/** Wine reports REV_FAILED, then (revocation ignored) INVALID_CA: a bound, not a loop. */
const MAX_RESENDS = 2;

/** After a failed send: send the request again, or fail it with this error. */
export type CertDecision = { resend: true } | { error: EngineErrorInfo };

export class CaTrust {
  private resends = 0;

  constructor(
    private readonly bundle: CaBundle,
    private readonly log: (msg: string) => void,
  ) {}

  /** After a failed HttpSendRequest(Ex)W: a decision, or undefined when it is not a CA question. */
  onSendError(request: unknown, native: number, call: string): CertDecision | undefined {
    if (call !== 'HttpSendRequestW' && call !== 'HttpSendRequestExW') return undefined;
    if (native !== ERROR_INTERNET_INVALID_CA && native !== ERROR_INTERNET_SEC_CERT_REV_FAILED) return undefined;
    if (this.resends >= MAX_RESENDS) return undefined;
    const chain = serverChain(request);
    if (Array.isArray(chain)) {
      // Windows hands the chain over with the error: decide before anything is sent.
      if (!chainTrusted(chain, this.bundle)) return { error: this.untrusted(call, 'its chain does not lead to') };
    } else {
      // Wine keeps no chain for a certificate it did not accept, only its summary: a name
      // check here (an unknown issuer is refused before the request goes out), the
      // signature check once the handshake has passed (verifyAccepted).
      const summary = serverCertSummary(request);
      if (typeof summary === 'number') return { error: this.untrusted(call, `WinInet gave no certificate to check (error ${summary}), so it cannot be shown to come from`) };
      if (!issuerNamed(summary.issuer, this.bundle)) return { error: this.untrusted(call, `it is issued by "${oneLine(summary.issuer)}", which is not`) };
    }
    const flags = SECURITY_FLAG_IGNORE_UNKNOWN_CA | SECURITY_FLAG_IGNORE_REVOCATION;
    if (!api.InternetSetOptionW(request, INTERNET_OPTION_SECURITY_FLAGS, [flags], 4)) {
      return { error: winInetError(api.GetLastError() as number, 'InternetSetOptionW(SECURITY_FLAGS)') };
    }
    this.resends++;
    this.log(`CA file ${this.bundle.path}: ${call} failed with ${native}; the issuer is in the file: sent again with the unknown CA ignored`);
    return { resend: true };
  }

  /**
   * Once the response head is in: the chain WinInet accepted must lead to a CA of the file
   * (also when no error came: Wine remembers an ignored unknown CA per server), and be the
   * certificate this connection presented (Wine keeps the first chain it saw per server).
   */
  verifyAccepted(request: unknown, call: string): EngineErrorInfo | undefined {
    const chain = serverChain(request);
    if (!Array.isArray(chain) || chain.length === 0) return this.untrusted(call, `WinInet gave no certificate chain to check (error ${String(chain)}), so it cannot be shown to come from`);
    if (!chainTrusted(chain, this.bundle)) return this.untrusted(call, 'its chain does not lead to');
    const summary = serverCertSummary(request);
    if (typeof summary !== 'number' && !sameLeaf(chain[0]!, summary)) {
      return this.untrusted(call, 'the connection presented another certificate than the chain WinInet kept, so it cannot be shown to come from');
    }
    return undefined;
  }

  private untrusted(call: string, why: string): EngineErrorInfo {
    const base = winInetError(ERROR_INTERNET_INVALID_CA, call);
    return { ...base, message: `${call}: the server certificate is not trusted: ${why} a CA in ${this.bundle.path} (${base.name}, ${ERROR_INTERNET_INVALID_CA})` };
  }
}

const oneLine = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.trim())
    .join(', ');

/** Compared by what the summary carries: names and validity (to the second). */
function sameLeaf(der: Buffer, summary: { validFrom: number; validTo: number; subject: string; issuer: string }): boolean {
  const leaf = new X509Certificate(der);
  const sec = (ms: number): number => Math.floor(ms / 1000);
  const values = (dn: string): string => nameValues(dn).join('\n');
  return (
    sec(Date.parse(leaf.validFrom)) === sec(summary.validFrom) &&
    sec(Date.parse(leaf.validTo)) === sec(summary.validTo) &&
    values(leaf.subject) === values(summary.subject) &&
    values(leaf.issuer) === values(summary.issuer)
  );
}
