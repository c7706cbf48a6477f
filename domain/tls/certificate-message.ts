// The TLS handshake's Certificate message (type 11), as OpenSSL's message callback hands it
// over (decrypted, without the record header): the DER of each certificate, leaf first.
// TLS 1.3 (RFC 8446 4.4.2) adds a request context before the list and extensions after
// each certificate; TLS 1.2 (RFC 5246 7.4.2) has the bare list. Pure.

const CERTIFICATE = 11;
/** A chain longer than this is not read further (a defence, not a limit real servers reach). */
const MAX_CERTS = 16;

const u24 = (b: Uint8Array, at: number): number => (b[at]! << 16) | (b[at + 1]! << 8) | b[at + 2]!;

/** True when the bytes are one whole Certificate handshake message. */
export function isCertificateMessage(msg: Uint8Array): boolean {
  return msg.length >= 7 && msg[0] === CERTIFICATE && u24(msg, 1) === msg.length - 4;
}

/** The certificates' DER, or undefined when the message does not parse as `tls13` says. */
export function certificatesOf(msg: Uint8Array, tls13: boolean): Uint8Array[] | undefined {
  if (!isCertificateMessage(msg)) return undefined;
  let at = 4;
  if (tls13) at += 1 + msg[at]!;
  if (at + 3 > msg.length) return undefined;
  const end = at + 3 + u24(msg, at);
  if (end !== msg.length) return undefined;
  at += 3;
  const certs: Uint8Array[] = [];
  while (at < end && certs.length < MAX_CERTS) {
    if (at + 3 > end) return undefined;
    const len = u24(msg, at);
    if (len === 0 || at + 3 + len > end) return undefined;
    certs.push(msg.subarray(at + 3, at + 3 + len));
    at += 3 + len;
    if (tls13) {
      if (at + 2 > end) return undefined;
      at += 2 + ((msg[at]! << 8) | msg[at + 1]!);
    }
  }
  return at === end || certs.length === MAX_CERTS ? certs : undefined;
}

/** Either layout: TLS 1.3's first (its context byte makes a 1.2 reading fail), then 1.2's. */
export function certificatesOfAny(msg: Uint8Array): Uint8Array[] | undefined {
  return certificatesOf(msg, true) ?? certificatesOf(msg, false);
}
