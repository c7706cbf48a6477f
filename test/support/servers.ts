// Entry point for the conformance tests' loopback fixtures.
export { patternStream, patternSha256, fileSha256, writePatternFile, patternBytes, PatternCursor } from './content.js';
export { startTestServer, GZIP_BODY, GZIP_BODY_PLAIN } from './http-server.js';
export type { TestServer, TestServerOptions, UploadRecord } from './http-server.js';
export { selfSignedCert } from './tls.js';
export { startTinyproxy } from './proxy.js';
export type { TestProxy } from './proxy.js';
export { startBlackhole } from './blackhole.js';
export type { Blackhole } from './blackhole.js';
