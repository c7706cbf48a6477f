// Decodes lpvStatusInformation inside the status callback: the pointer is valid only
// for the duration of the callback, so everything is copied out here.
import type { StatusInfo } from '../events.js';
import { handleHex, isNull, koffi } from './api.js';

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Text that may arrive as ANSI (Wine sends IP strings so) or UTF-16 (URLs, names). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return '';
  const looksWide = bytes.length >= 2 && bytes[1] === 0 && bytes[0] !== 0;
  const text = looksWide
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length - (bytes.length % 2)).toString('utf16le')
    : Buffer.from(bytes).toString('latin1');
  const clean = text.replace(/\0[\s\S]*$/, '');
  return /^[\x20-\x7e\u00a0-\uffff]*$/.test(clean) ? clean : undefined;
}

/** SOCKADDR_IN / SOCKADDR_IN6 (what Windows documents for NAME_RESOLVED and friends). */
export function decodeSockaddr(b: Uint8Array): string | undefined {
  const family = (b[0] ?? 0) | ((b[1] ?? 0) << 8);
  const port = ((b[2] ?? 0) << 8) | (b[3] ?? 0);
  if (family === 2 && b.length >= 8) return `${b[4]}.${b[5]}.${b[6]}.${b[7]}:${port}`;
  if (family === 23 && b.length >= 24) {
    const words: string[] = [];
    for (let i = 8; i < 24; i += 2) words.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16));
    return `[${words.join(':')}]:${port}`;
  }
  return undefined;
}

function decodeAddress(bytes: Uint8Array): StatusInfo {
  const sock = bytes.length === 16 || bytes.length === 28 ? decodeSockaddr(bytes) : undefined;
  if (sock) return { address: sock };
  const text = decodeText(bytes);
  return text !== undefined ? { address: text } : { raw: hex(bytes) };
}

function dword(bytes: Uint8Array): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readUInt32LE(0);
}

export interface AsyncResult {
  result: bigint;
  error: number;
}

/** INTERNET_ASYNC_RESULT { DWORD_PTR dwResult; DWORD dwError; } */
export function decodeAsyncResult(ptr: unknown): AsyncResult {
  const result = koffi.decode(ptr, 'uint64_t') as bigint | number;
  const error = koffi.decode(ptr, 8, 'uint32_t') as number;
  return { result: BigInt(result), error };
}

/** Returns the decoded info plus, for REQUEST_COMPLETE, the async result. */
export function decodeStatusInfo(
  status: number,
  ptr: unknown,
  length: number,
): { info?: StatusInfo; async?: AsyncResult } {
  if (isNull(ptr) || length === 0) return {};
  if (status === 100 || status === 60) {
    const ar = decodeAsyncResult(ptr);
    if (status === 60) return { info: { handle: handleHex(ar.result) } };
    return { info: { result: handleHex(ar.result), error: ar.error }, async: ar };
  }
  if (status === 70) {
    return { info: { handle: handleHex(koffi.decode(ptr, 'uint64_t')) } };
  }
  const bytes = koffi.decode(ptr, 'uint8_t', Math.min(length, 8192)) as Uint8Array;
  switch (status) {
    case 10:
    case 11:
    case 20:
    case 21:
      return { info: decodeAddress(bytes) };
    case 31:
    case 41:
      return length >= 4 ? { info: { bytes: dword(bytes) } } : { info: { raw: hex(bytes) } };
    case 110: {
      const url = decodeText(bytes);
      return { info: url !== undefined ? { url } : { raw: hex(bytes) } };
    }
    case 120:
    case 200:
      return length >= 4 ? { info: { value: dword(bytes) } } : { info: { raw: hex(bytes) } };
    default:
      return { info: { raw: hex(bytes.subarray(0, 256)) } };
  }
}
