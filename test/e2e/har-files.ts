// HAR files the history e2e tests import: shaped as Chrome DevTools saves them.
import fs from 'node:fs';
import path from 'node:path';

/** A DevTools-shaped HAR: a GET, a POST with a text body (both to `base`), and an entry with no URL. */
export function writeDevtoolsHar(dir: string, base: string): string {
  const entry = (method: string, url: string, body?: string) => ({
    startedDateTime: '2026-01-02T03:04:05.678Z',
    time: 12.5,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'X-From-Har', value: 'yes' }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: body?.length ?? 0,
      ...(body !== undefined ? { postData: { mimeType: 'text/plain', text: body } } : {}),
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      cookies: [],
      content: { size: 15, mimeType: 'application/json', text: '{"from":"har"}\n' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 15,
    },
    cache: {},
    timings: { blocked: 0.5, dns: 1, ssl: -1, connect: 2, send: 0.5, wait: 7, receive: 1.5 },
  });
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [],
      entries: [entry('GET', `${base}/echo?har=get`), entry('POST', `${base}/echo?har=post`, 'posted from a HAR'), { request: { method: 'GET' } }],
    },
  };
  const file = path.join(dir, 'devtools.har');
  fs.writeFileSync(file, JSON.stringify(har));
  return file;
}

/** `n` GETs of `base`/echo?bulk=i, one second apart. */
export function writeBulkHar(file: string, base: string, n: number): void {
  const entries = Array.from({ length: n }, (_, i) => ({
    startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    time: 1,
    request: { method: 'GET', url: `${base}/echo?bulk=${i}`, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: 204, statusText: 'No Content', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/plain' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  }));
  fs.writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }));
}
