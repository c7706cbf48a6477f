// A chunked upload (RFC 9112 §7.1) written by the engine itself: WinInet sends a body as it
// is given, so with the user's "Transfer-Encoding: chunked" each write carries one framed chunk.
// Pure functions (no koffi), unit-tested anywhere.

/** Whether the request's own headers ask for a chunked body: the last coding of its Transfer-Encoding. */
export function chunkedUpload(headers: ReadonlyArray<readonly [string, string, ...unknown[]]>): boolean {
  const te = headers.filter(([name]) => name.toLowerCase() === 'transfer-encoding').map(([, value]) => value);
  const codings = te.join(',').split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
  return codings[codings.length - 1] === 'chunked';
}

/** Bytes a frame adds around its data: up to 8 hex digits and two CRLFs. */
export const FRAME_OVERHEAD = 8 + 2 + 2;

/** One chunk of `data` framed in place: `<hex>\r\n<data>\r\n`; the last chunk (no data) is `0\r\n\r\n`. */
export function frameChunk(out: Buffer, data: Buffer, n: number): number {
  let at = out.write(`${n.toString(16)}\r\n`, 0, 'latin1');
  data.copy(out, at, 0, n);
  at += n;
  return at + out.write('\r\n', at, 'latin1');
}
