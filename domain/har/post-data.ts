// Request bodies both ways: a draft's body → HAR postData, and HAR postData (text, or
// Chrome's params) → a draft body the composer can re-send. Imports nothing of the app.
import type { RequestDraft } from '../../contract/request.js';
import type { HarPostData } from './har.js';
import { bodyAsText, fromBase64 } from './text.js';

type DraftBody = RequestDraft['body'];

function draftContentType(draft: RequestDraft): string | undefined {
  return draft.headers.find((h) => h.enabled && h.name.trim().toLowerCase() === 'content-type')?.value;
}

export function harPostData(draft: RequestDraft): HarPostData | undefined {
  const b = draft.body;
  const type = draftContentType(draft);
  switch (b.kind) {
    case 'none':
      return undefined;
    case 'text':
      return { mimeType: type ?? 'text/plain', text: b.text };
    case 'base64': {
      const text = bodyAsText(type ?? 'text/plain', fromBase64(b.base64));
      return text !== undefined ? { mimeType: type ?? 'text/plain', text } : { mimeType: type ?? 'application/octet-stream', text: b.base64, _encoding: 'base64' };
    }
    case 'form': {
      const fields = b.fields.filter((f) => f.enabled);
      const text = new URLSearchParams(fields.map((f) => [f.name, f.value])).toString();
      return { mimeType: type ?? 'application/x-www-form-urlencoded', text, params: fields.map((f) => ({ name: f.name, value: f.value })) };
    }
    case 'multipart':
      return {
        mimeType: 'multipart/form-data',
        params: b.parts.map((p) => (p.kind === 'text' ? { name: p.name, value: p.value } : { name: p.name, fileName: p.filename, ...(p.contentType ? { contentType: p.contentType } : {}) })),
        comment: 'file parts were sent from files; their bytes are not in this HAR',
      };
    case 'file':
      return { mimeType: type ?? 'application/octet-stream', text: '', comment: 'the body was sent from a file; its bytes are not in this HAR' };
  }
}

/** postData → a draft body; throws with a reason the caller prefixes with the entry. */
export function draftBodyFrom(post: HarPostData | undefined): DraftBody {
  if (!post) return { kind: 'none' };
  const encoding = post.encoding ?? post._encoding;
  if (post.text !== undefined && (post.text.length > 0 || !post.params?.length)) {
    if (encoding?.toLowerCase() === 'base64') {
      fromBase64(post.text);
      return { kind: 'base64', base64: post.text.replace(/\s+/g, '') };
    }
    return { kind: 'text', text: post.text };
  }
  const params = post.params ?? [];
  if (/multipart\/form-data/i.test(post.mimeType)) {
    // A file part's bytes are not in a HAR: it comes back as a text part with what is known.
    const parts = params.filter((p) => p.name).map((p) => ({ kind: 'text' as const, name: p.name, value: p.value ?? '' }));
    return parts.length ? { kind: 'multipart', parts } : { kind: 'none' };
  }
  return { kind: 'form', fields: params.map((p) => ({ name: p.name, value: p.value ?? '', enabled: true })) };
}
