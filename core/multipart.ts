// multipart/form-data (RFC 7578) built into a temp file, part by part: a file part is
// streamed from its file, never held in memory, so a body of any size costs a few buffers.
// The engine then sends that temp file as an ordinary file body with a Content-Length.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { MultipartPart } from '../contract/request.js';

interface BuiltMultipart {
  boundary: string;
  contentType: string;
  size: number;
}

/** A random boundary: 32 hex digits cannot plausibly occur in a part's bytes. */
function newBoundary(): string {
  return `----InetScope${crypto.randomBytes(16).toString('hex')}`;
}

/** Quotes a name for a Content-Disposition parameter as browsers do (HTML's form
 * encoding): '"' and CR/LF percent-escaped, so a name cannot end the header early. */
function quoteParam(s: string): string {
  return `"${s.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

function partHead(boundary: string, part: MultipartPart): string {
  const lines = [`--${boundary}`];
  if (part.kind === 'text') {
    lines.push(`Content-Disposition: form-data; name=${quoteParam(part.name)}`);
  } else {
    lines.push(`Content-Disposition: form-data; name=${quoteParam(part.name)}; filename=${quoteParam(part.filename)}`);
    lines.push(`Content-Type: ${part.contentType ?? 'application/octet-stream'}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/**
 * Writes the body to `target` (created, never replaced). `fileOf` maps a file part's token
 * to its path (it throws for an unknown or unfinished upload before anything is written).
 */
export async function buildMultipart(target: string, parts: readonly MultipartPart[], fileOf: (token: string) => string, boundary = newBoundary()): Promise<BuiltMultipart> {
  const files = parts.map((p) => (p.kind === 'file' ? fileOf(p.fileToken) : undefined));
  const out = fs.createWriteStream(target, { flags: 'wx' });
  try {
    await pipeline(async function* () {
      for (const [i, part] of parts.entries()) {
        yield Buffer.from(partHead(boundary, part), 'utf8');
        const file = files[i];
        if (part.kind === 'text') yield Buffer.from(part.value, 'utf8');
        else if (file !== undefined) yield* fs.createReadStream(file, { highWaterMark: 256 * 1024 });
        yield Buffer.from('\r\n', 'latin1');
      }
      yield Buffer.from(`--${boundary}--\r\n`, 'latin1');
    }, out);
  } catch (e) {
    await fs.promises.rm(target, { force: true });
    throw e;
  }
  const { size } = await fs.promises.stat(target);
  return { boundary, contentType: `multipart/form-data; boundary=${boundary}`, size };
}
