// Decodes lpvStatusInformation inside the status callback: the pointer is valid only
// for the duration of the callback, so everything is copied out here.
import { STATUS, type StatusInfo } from '../../contract/events.js';
import { handleHex, isNull, koffi } from './api.js';
import { decodeSockaddr } from '../sockaddr.js';
import { decodeText, hex } from './decode.js';

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
function decodeAsyncResult(ptr: unknown): AsyncResult {
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
  if (status === STATUS.REQUEST_COMPLETE) {
    const ar = decodeAsyncResult(ptr);
    return { info: { result: handleHex(ar.result), error: ar.error }, async: ar };
  }
  // HANDLE_CREATED and HANDLE_CLOSING carry an 8-byte HINTERNET, not an INTERNET_ASYNC_RESULT.
  if (status === STATUS.HANDLE_CREATED || status === STATUS.HANDLE_CLOSING) {
    return { info: { handle: handleHex(koffi.decode(ptr, 'uint64_t')) } };
  }
  const bytes = koffi.decode(ptr, 'uint8_t', Math.min(length, 8192)) as Uint8Array;
  switch (status) {
    case STATUS.RESOLVING_NAME:
    case STATUS.NAME_RESOLVED:
    case STATUS.CONNECTING_TO_SERVER:
    case STATUS.CONNECTED_TO_SERVER:
      return { info: decodeAddress(bytes) };
    case STATUS.REQUEST_SENT:
    case STATUS.RESPONSE_RECEIVED:
      return length >= 4 ? { info: { bytes: dword(bytes) } } : { info: { raw: hex(bytes) } };
    case STATUS.REDIRECT: {
      const url = decodeText(bytes);
      return { info: url !== undefined ? { url } : { raw: hex(bytes) } };
    }
    case STATUS.INTERMEDIATE_RESPONSE:
    case STATUS.STATE_CHANGE:
      return length >= 4 ? { info: { value: dword(bytes) } } : { info: { raw: hex(bytes) } };
    default:
      return { info: { raw: hex(bytes.subarray(0, 256)) } };
  }
}
