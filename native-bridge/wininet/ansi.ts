// WinInet sends request headers in the ANSI code page (WideCharToMultiByte(CP_ACP) of what
// HttpAddRequestHeadersW was given). curl sends a header value as the UTF-8 bytes of its
// argument: so the value is handed over as the UTF-16 text those bytes decode to in the ANSI
// code page, which WinInet encodes back into exactly these bytes.
import { api } from './api.js';

const CP_ACP = 0;
const MB_ERR_INVALID_CHARS = 8;

/** The text WinInet turns into the UTF-8 bytes of `value`, or undefined when the code page cannot carry them. */
export function utf8ForAnsi(value: string): string | undefined {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length === value.length) return value;
  const out = Buffer.alloc(bytes.length * 2);
  const n = api.MultiByteToWideChar(CP_ACP, MB_ERR_INVALID_CHARS, bytes, bytes.length, out, bytes.length) as number;
  // A multi-byte code page (one of East Asia's) may reject the sequence or merge bytes into one character.
  if (n !== bytes.length) return undefined;
  return out.subarray(0, n * 2).toString('utf16le');
}
