// Pure decoders for status information bytes (no koffi here, so they can be unit-tested anywhere).
import { ERROR_INTERNET_INTERNAL_ERROR } from './errors.js';

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Text that may arrive as ANSI (Wine sends IP strings so) or UTF-16 (URLs, names). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return '';
  const looksWide = bytes.length >= 2 && bytes[1] === 0 && bytes[0] !== 0;
  const text = looksWide
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length - (bytes.length % 2)).toString('utf16le')
    : Buffer.from(bytes).toString('latin1');
  const nul = text.indexOf('\0');
  const clean = nul < 0 ? text : text.slice(0, nul);
  return /^[\x20-\x7e\u00a0-\uffff]*$/.test(clean) ? clean : undefined;
}

/**
 * A pending InternetQueryDataAvailable completes with dwResult TRUE and dwError = the bytes
 * available (Windows does; Wine's http.c copies it); dwResult FALSE: dwError is the error.
 */
export function queryDataCompletion(result: bigint, error: number): { available: number; error: number } {
  return result !== 0n ? { available: error, error: 0 } : { available: 0, error: error || ERROR_INTERNET_INTERNAL_ERROR };
}
