// A loopback server whose responses carry a Content-Encoding: each coding of the original
// body made at start (zstd by Debian's zstd CLI, the rest by node:zlib), plus a corrupt
// gzip, a "gzip, br" stack, an unknown coding and a small gzip bomb.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface EncodedServer {
  url: string;
  /** The decoded body every coded route carries. */
  original: Buffer;
  /** Route → the bytes it sends and its Content-Encoding header. */
  routes: Map<string, { coding: string; wire: Buffer }>;
  close(): Promise<void>;
}

function zstd(data: Buffer): Buffer {
  const r = spawnSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`zstd failed: ${r.stderr.toString()}`);
  return r.stdout;
}

/** Text and random bytes: compressible and not, so every decoder sees more than one block kind. */
export function originalBody(): Buffer {
  return Buffer.concat([Buffer.from('decoded body, line after line\n'.repeat(4000)), randomBytes(64 * 1024), Buffer.from('the end\n')]);
}

export const BOMB_DECODED_BYTES = 20 * 1024 * 1024;

export async function startEncodedServer(): Promise<EncodedServer> {
  const original = originalBody();
  const corrupt = zlib.gzipSync(original);
  corrupt.fill(0xff, 1000, 1100);
  const routes = new Map<string, { coding: string; wire: Buffer }>([
    ['/gzip', { coding: 'gzip', wire: zlib.gzipSync(original) }],
    ['/x-gzip', { coding: 'x-gzip', wire: zlib.gzipSync(original) }],
    ['/deflate', { coding: 'deflate', wire: zlib.deflateSync(original) }],
    ['/deflate-raw', { coding: 'deflate', wire: zlib.deflateRawSync(original) }],
    ['/br', { coding: 'br', wire: zlib.brotliCompressSync(original) }],
    ['/zstd', { coding: 'zstd', wire: zstd(original) }],
    ['/gzip-br', { coding: 'gzip, br', wire: zlib.brotliCompressSync(zlib.gzipSync(original)) }],
    ['/corrupt-gzip', { coding: 'gzip', wire: corrupt }],
    ['/unknown', { coding: 'compress', wire: original }],
    ['/bomb', { coding: 'gzip', wire: zlib.gzipSync(Buffer.alloc(BOMB_DECODED_BYTES)) }],
  ]);
  const server = http.createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': route.coding, 'content-length': route.wire.length, 'x-accept-encoding': req.headers['accept-encoding'] ?? '' });
    res.end(route.wire);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, original, routes, close: () => new Promise((r) => server.close(() => r())) };
}
