// Socket addresses as text, for status information (pure).

/**
 * SOCKADDR_IN / SOCKADDR_IN6 as "ip:port". AF_INET6 is 23 on Windows, 10 on Linux,
 * 30 on macOS; the family field is little-endian on all of them except BSD's len+family.
 */
export function decodeSockaddr(b: Uint8Array, inet6 = 23, bsd = false): string | undefined {
  // BSD (macOS) sockaddrs start with a length byte, then a one-byte family.
  const family = bsd ? (b[1] ?? 0) : (b[0] ?? 0) | ((b[1] ?? 0) << 8);
  const port = ((b[2] ?? 0) << 8) | (b[3] ?? 0);
  if (family === 2 && b.length >= 8) return `${b[4]}.${b[5]}.${b[6]}.${b[7]}:${port}`;
  if (family === inet6 && b.length >= 24) {
    const words: string[] = [];
    for (let i = 8; i < 24; i += 2) words.push((((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)).toString(16));
    return `[${words.join(':')}]:${port}`;
  }
  return undefined;
}
