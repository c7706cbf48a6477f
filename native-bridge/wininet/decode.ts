// Pure decoders for status information bytes (no koffi here, so they can be unit-tested anywhere).

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
