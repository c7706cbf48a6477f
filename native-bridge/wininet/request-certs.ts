// The certificate side of one WinInet request: a CA file on https (ca-trust.ts, Microsoft's
// certificate-error flow) and a client certificate (client-cert.ts: imported once, set on
// the request handle before each send that needs it, freed with the request's memory).
import { STATUS, type EngineErrorInfo } from '../../contract/events.js';
import { loadCaFile } from '../../engine/ca-file.js';
import type { EventStamper } from '../../engine/event-stamper.js';
import type { RequestSpec } from '../../engine/request-spec.js';
import { CaTrust, type CertDecision } from './ca-trust.js';
import { ClientCertContext } from './client-cert.js';

export class RequestCerts {
  private trust?: CaTrust;
  private clientCert?: ClientCertContext;

  constructor(
    private readonly spec: RequestSpec,
    private readonly ev: EventStamper,
    private readonly log: (message: string) => void,
  ) {}

  /** Reads the CA file, when one applies (throws what loadCaFile throws). */
  loadCaFile(): void {
    if (this.spec.caFile && this.spec.url.startsWith('https:')) this.trust = new CaTrust(loadCaFile(this.spec.caFile), this.log);
  }

  /** Imports the client certificate once, then sets it on the request handle (CLIENT_CERT_SENT). */
  apply(request: unknown): EngineErrorInfo | undefined {
    if (!this.spec.clientCert) return undefined;
    if (!this.clientCert) {
      const loaded = ClientCertContext.load(this.spec.clientCert);
      if (!(loaded instanceof ClientCertContext)) return loaded;
      this.clientCert = loaded;
    }
    const problem = this.clientCert.apply(request);
    if (!problem) this.ev.native(STATUS.CLIENT_CERT_SENT, { subject: this.clientCert.subject }, performance.now());
    return problem;
  }

  /** A send failed with `native`: a decision when it is a certificate question (the server asked for one, or a CA file decides). */
  onSendError(request: unknown, native: number, lastCall: string): CertDecision | undefined {
    if (this.clientCert?.resendFor(native)) {
      this.ev.native(STATUS.CLIENT_CERT_REQUESTED, undefined, performance.now());
      const problem = this.apply(request);
      return problem ? { error: problem } : { resend: true };
    }
    return this.trust?.onSendError(request, native, lastCall);
  }

  /** Once the response head is in: the chain WinInet accepted, checked against the CA file. */
  verifyAccepted(request: unknown, lastCall: string): EngineErrorInfo | undefined {
    return this.trust?.verifyAccepted(request, lastCall);
  }

  /** After the request handle's HANDLE_CLOSING (WinInet holds its own reference until then). */
  free(): void {
    this.clientCert?.free();
  }
}
