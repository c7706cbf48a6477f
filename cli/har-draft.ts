// The CLI's request as the app's RequestDraft (what a HAR entry's `_inetscope.request`
// holds), so a HAR the CLI writes imports into the app and replays like one it wrote.
import path from 'node:path';
import { RequestDraftSchema, type RequestDraft } from '../contract/request.js';
import type { RequestSpecInput } from '../engine/request-spec.js';

export function draftFromRequest(req: Omit<RequestSpecInput, 'sink'>, engine: RequestDraft['engine']): RequestDraft {
  const body: RequestDraft['body'] = !req.body
    ? { kind: 'none' }
    : req.body.kind === 'memory'
      ? { kind: 'base64', base64: req.body.base64 }
      // A file's bytes are not in the HAR; the token names the file for the reader only.
      : { kind: 'file', fileToken: `file:${path.basename(req.body.path)}` };
  const draft = {
    url: req.url,
    method: req.method ?? 'GET',
    headers: (req.headers ?? []).map(([name, value]) => ({ name, value, enabled: true })),
    body,
    engine,
    followRedirects: req.followRedirects,
    maxRedirects: req.maxRedirects,
    timeouts: req.timeouts ?? {},
    ...(req.proxy ? { proxy: req.proxy } : {}),
    insecure: req.insecure ?? false,
    ...(req.httpVersion ? { httpVersion: req.httpVersion } : {}),
    // The file itself is not in the HAR: its name tells the reader which one it was.
    ...(req.caFile ? { caFileName: path.basename(req.caFile) } : {}),
    // Likewise the client certificate; its password (a secret) is not written.
    ...(req.clientCert ? { clientCert: { certName: path.basename(req.clientCert.certPath), ...(req.clientCert.keyPath ? { keyName: path.basename(req.clientCert.keyPath) } : {}), type: req.clientCert.type ?? 'PEM' } } : {}),
  };
  const r = RequestDraftSchema.safeParse(draft);
  // Only a timeout past the draft's 24 h bound can fail here: the HAR keeps the rest.
  return r.success ? r.data : RequestDraftSchema.parse({ ...draft, timeouts: {} });
}
