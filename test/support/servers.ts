// Entry point for the conformance tests' loopback fixtures.
export { patternStream, patternSha256, fileSha256, writePatternFile, patternBytes } from './content.js';
export { startTestServer, GZIP_BODY } from './http-server.js';
export type { TestServer } from './http-server.js';
export { selfSignedCert } from './tls.js';
export { startTinyproxy } from './proxy.js';
export type { TestProxy } from './proxy.js';
export { startBlackhole } from './blackhole.js';
export { startSquidDigest } from './squid.js';
