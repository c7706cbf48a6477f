// A client certificate with WinInet (Windows only: wine-quirks.ts refuses it under Wine).
// Microsoft's flow: the PKCS#12 file is imported into a temporary in-memory store
// (PFXImportCertStore), the certificate that has a private key is set on the request
// handle (INTERNET_OPTION_CLIENT_CERT_CONTEXT) before HttpSendRequest; a server that asks
// on a later hop fails the send with ERROR_INTERNET_CLIENT_AUTH_CERT_NEEDED, answered by
// setting it again and resending. The context and store are freed once the handles are closed.
import fs from 'node:fs';
import type { EngineErrorInfo } from '../../contract/events.js';
import type { ClientCert } from '../../engine/request-spec.js';
import { api, isNull, koffi } from './api.js';
import { winInetError } from './errors.js';

export const ERROR_INTERNET_CLIENT_AUTH_CERT_NEEDED = 12044;
const INTERNET_OPTION_CLIENT_CERT_CONTEXT = 84;
/** sizeof(CERT_CONTEXT) on 64-bit: type, pbCertEncoded, cbCertEncoded, pCertInfo, hCertStore. */
const CERT_CONTEXT_SIZE = 40;
const CERT_KEY_PROV_INFO_PROP_ID = 2;
const CERT_NAME_SIMPLE_DISPLAY_TYPE = 4;
/** The key lives with the store in memory only: nothing is left in the user's key containers. */
const PKCS12_NO_PERSIST_KEY = 0x00008000;
/** One resend for a server that asks again (a redirect to another host): a bound, not a loop. */
const MAX_RESENDS = 1;

const crypt32 = koffi.load('crypt32.dll');
const wininet = koffi.load('wininet.dll');
// Registers the struct the prototypes below name.
koffi.struct('CRYPT_DATA_BLOB_CC', { cbData: 'uint32_t', pbData: 'void *' });
const c = {
  PFXImportCertStore: crypt32.func('void * __stdcall PFXImportCertStore(CRYPT_DATA_BLOB_CC *pfx, str16 password, uint32_t flags)'),
  CertEnumCertificatesInStore: crypt32.func('void * __stdcall CertEnumCertificatesInStore(void *store, void *prev)'),
  CertGetCertificateContextProperty: crypt32.func('bool __stdcall CertGetCertificateContextProperty(void *ctx, uint32_t prop, void *data, _Inout_ uint32_t *size)'),
  CertFreeCertificateContext: crypt32.func('bool __stdcall CertFreeCertificateContext(void *ctx)'),
  CertCloseStore: crypt32.func('bool __stdcall CertCloseStore(void *store, uint32_t flags)'),
  CertGetNameStringW: crypt32.func('uint32_t __stdcall CertGetNameStringW(void *ctx, uint32_t type, uint32_t flags, void *typePara, _Out_ uint16_t *name, uint32_t chars)'),
  SetCertContext: wininet.func('bool __stdcall InternetSetOptionW(void *h, uint32_t option, void *context, uint32_t length)'),
};

const problem = (cert: ClientCert, why: string, native?: number): EngineErrorInfo => ({
  code: 'CLIENT_CERT', name: 'CLIENT_CERT', message: `the client certificate ${cert.certPath} cannot be used: ${why}`, ...(native !== undefined ? { native } : {}),
});

export class ClientCertContext {
  private resends = 0;

  private constructor(
    private readonly store: unknown,
    private readonly context: unknown,
    readonly subject: string,
  ) {}

  /** Imports the P12 file; a wrong password or a file without a keyed certificate is CLIENT_CERT naming the file. */
  static load(cert: ClientCert): ClientCertContext | EngineErrorInfo {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(cert.certPath);
    } catch (e) {
      return problem(cert, `it cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const mem = koffi.alloc('uint8_t', bytes.length);
    try {
      api.CopyToNative(mem, bytes, bytes.length);
      const store = c.PFXImportCertStore({ cbData: bytes.length, pbData: mem }, cert.password ?? '', PKCS12_NO_PERSIST_KEY);
      if (isNull(store)) return problem(cert, `PFXImportCertStore failed (error ${api.GetLastError() as number}: a wrong password, or not a PKCS#12 file)`, api.GetLastError() as number);
      const context = keyedCertificate(store);
      if (!context) {
        c.CertCloseStore(store, 0);
        return problem(cert, 'it holds no certificate with a private key');
      }
      return new ClientCertContext(store, context, displayName(context));
    } finally {
      koffi.free(mem);
    }
  }

  /** Sets the context on the request handle; an error names the call. */
  apply(request: unknown): EngineErrorInfo | undefined {
    if (c.SetCertContext(request, INTERNET_OPTION_CLIENT_CERT_CONTEXT, this.context, CERT_CONTEXT_SIZE)) return undefined;
    return winInetError(api.GetLastError() as number, 'InternetSetOptionW(CLIENT_CERT_CONTEXT)');
  }

  /** After a failed send: true when the server asked for the certificate and it is set again for a resend. */
  resendFor(native: number): boolean {
    if (native !== ERROR_INTERNET_CLIENT_AUTH_CERT_NEEDED || this.resends >= MAX_RESENDS) return false;
    this.resends++;
    return true;
  }

  /** After the request's handles are closed (WinInet holds its own reference until then). */
  free(): void {
    c.CertFreeCertificateContext(this.context);
    c.CertCloseStore(this.store, 0);
  }
}

/** The first certificate of the store that has a private key (the P12's CA certificates have none). */
function keyedCertificate(store: unknown): unknown {
  let ctx: unknown = null;
  for (let i = 0; i < 64; i++) {
    ctx = c.CertEnumCertificatesInStore(store, ctx);
    if (isNull(ctx)) return undefined;
    // Returned out of the enumeration, the context keeps the reference free() releases.
    if (c.CertGetCertificateContextProperty(ctx, CERT_KEY_PROV_INFO_PROP_ID, null, [0])) return ctx;
  }
  c.CertFreeCertificateContext(ctx);
  return undefined;
}

function displayName(ctx: unknown): string {
  const out = Buffer.alloc(512);
  const n = c.CertGetNameStringW(ctx, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, null, out, 256) as number;
  return n > 1 ? out.subarray(0, (n - 1) * 2).toString('utf16le') : '';
}
