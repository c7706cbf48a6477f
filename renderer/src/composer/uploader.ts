// Browser mode's file upload: a page cannot name a path and has no native picker, so the
// File chosen in an <input type="file"> stays in this page (held by a local id) until a
// send, then goes to the core in 1 MiB chunks (beginUpload, uploadChunk…, endUpload).
// Staged uploads are used once by the core, so each send uploads again.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { MAX_CHUNK_BYTES } from '../../../contract/api.js';
import type { Platform } from '../platform/index.js';
import { pendingFiles, withTokens, type BodyDraft, type FileRef } from './body-model.js';

const held = new Map<string, File>();
let nextId = 0;

/** Keeps a chosen File for later upload; the draft stores only the returned ref. */
export function holdFile(file: File): FileRef {
  const localId = `file-${++nextId}`;
  held.set(localId, file);
  return { name: file.name, size: file.size, localId };
}

/** "Uploading a.bin: 12.0 of 100.0 MB (12%)", or undefined when idle. */
export const uploadProgress = createStore<{ line: string | undefined }>(() => ({ line: undefined }));
export const useUploadProgress = (): string | undefined => useStore(uploadProgress, (s) => s.line);

const mb = (n: number): string => (n / 1e6).toFixed(1);

/** A data: URL read natively is the fastest base64 a page has, and needs no eval or inline code. */
function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('reading the file failed'));
    reader.readAsDataURL(blob);
  });
}

/** Uploads one File (chunked, with progress in uploadProgress); returns its token (also used for a catch rule's file). */
export async function uploadOne(platform: Platform, file: File): Promise<string> {
  const { fileToken } = await platform.call('beginUpload', { name: file.name.slice(0, 1000), size: file.size });
  for (let offset = 0; offset < file.size; offset += MAX_CHUNK_BYTES) {
    const base64 = await readBase64(file.slice(offset, offset + MAX_CHUNK_BYTES));
    const { received } = await platform.call('uploadChunk', { fileToken, offset, base64 });
    const pct = file.size ? Math.floor((received / file.size) * 100) : 100;
    uploadProgress.setState({ line: `Uploading ${file.name}: ${mb(received)} of ${mb(file.size)} MB (${pct}%)` });
  }
  await platform.call('endUpload', { fileToken });
  return fileToken;
}

/** A file for the core to read (an import): the File chosen in the page uploaded in chunks
 * (progress lines to `onLine`), or the platform's native picker; undefined if none was chosen. */
export async function fileTokenFor(platform: Platform, file: File | undefined, onLine: (line: string) => void): Promise<{ token: string; name: string } | undefined> {
  if (file) {
    const off = uploadProgress.subscribe((s) => s.line && onLine(s.line));
    try {
      return { token: await uploadOne(platform, file), name: file.name };
    } finally {
      off();
      uploadProgress.setState({ line: undefined });
    }
  }
  const picked = await platform.pickFile?.();
  return picked && { token: picked.fileToken, name: picked.name };
}

/** Uploads every browser-held file the body needs; returns the body with their tokens. */
export async function uploadPending(platform: Platform, body: BodyDraft): Promise<BodyDraft> {
  const files = pendingFiles(body);
  if (files.length === 0) return body;
  const tokens = new Map<string, string>();
  try {
    for (const f of files) {
      const file = f.localId ? held.get(f.localId) : undefined;
      if (!file) throw new Error(`The file ${f.name} is no longer available; choose it again.`);
      tokens.set(f.localId!, await uploadOne(platform, file));
    }
    uploadProgress.setState({ line: `Uploaded ${files.map((f) => f.name).join(', ')} (${mb(files.reduce((n, f) => n + f.size, 0))} MB)` });
  } catch (e) {
    uploadProgress.setState({ line: undefined });
    throw e;
  }
  return withTokens(body, tokens);
}

/** One browser-held file (a CA file) uploaded for a send; a ref with a token, or none, is kept as it is. */
export async function uploadPendingRef(platform: Platform, ref: FileRef | undefined): Promise<FileRef | undefined> {
  if (!ref?.localId) return ref;
  const file = held.get(ref.localId);
  if (!file) throw new Error(`The file ${ref.name} is no longer available; choose it again.`);
  return { name: ref.name, size: ref.size, fileToken: await uploadOne(platform, file) };
}
