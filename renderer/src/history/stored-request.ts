// A stored request (a history entry, a HAR import) back in the composer: the interop
// conversion (RequestDraft → Draft) minus what a stored request cannot bring back. Upload
// tokens are single-use (the send that used them consumed them), so a file body or part is
// named for the user to choose again; a binary base64 body (not UTF-8) cannot live in the
// raw editor. `notes` say so. Pure.
import type { RequestDraft } from '../../../contract/request.js';
import type { MultipartRow } from '../composer/body-model.js';
import { requestToDraft } from '../interop/request-to-draft.js';
import type { Draft } from '../composer/draft.js';

const AGAIN = 'the file it sent is not kept: choose it again';

function isUtf8(base64: string): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    return true;
  } catch {
    return false;
  }
}

export function storedRequestToDraft(r: RequestDraft): { draft: Draft; notes: string[] } {
  const draft = requestToDraft(r);
  const notes: string[] = [];
  const b = draft.bodyDraft;
  if (r.body.kind === 'file') {
    notes.push(`Binary body: ${AGAIN}.`);
    return { draft: { ...draft, bodyDraft: { ...b, mode: 'binary', binary: undefined } }, notes };
  }
  if (r.body.kind === 'base64' && !isUtf8(r.body.base64)) {
    notes.push('The body was binary data, which the raw editor cannot hold: choose it as a binary file.');
    return { draft: { ...draft, body: '', bodyDraft: { ...b, mode: 'binary', binary: undefined } }, notes };
  }
  if (r.body.kind !== 'multipart') return { draft, notes };
  const multipart = b.multipart.map((row): MultipartRow => {
    if (row.kind !== 'file' || !row.file) return row;
    notes.push(`Part "${row.name}" (${row.file.name}): ${AGAIN}.`);
    return { kind: 'file', name: row.name, value: row.value, enabled: row.enabled };
  });
  return { draft: { ...draft, bodyDraft: { ...b, multipart } }, notes };
}
