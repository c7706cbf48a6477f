// curl -L's next-hop rules (domain/redirects.ts), the one decision of a hop ending at its
// redirect head (engine/body-receiver.ts) and Set-Cookie lines of a raw head.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextHop, tooManyRedirects } from '../../domain/redirects.js';
import { locationOf, redirectEndsHop } from '../../engine/body-receiver.js';
import { setCookiesOf } from '../../engine/hop-follower.js';

type H = [string, string];
const post = { url: 'http://a.test:8080/x/form?q=1', method: 'POST', headers: [['Content-Type', 'text/plain'], ['Authorization', 'Bearer t'], ['Cookie', 'mine=1'], ['X-Keep', 'k']] as H[], body: 'BODY' };
const next = (status: number, location: string, hop = post, trusted = false) => {
  const r = nextHop(hop, status, location, { trusted });
  assert.ok(r.ok, JSON.stringify(r));
  return r.next;
};
const names = (h: H[]) => h.map(([n]) => n);

test('a relative Location resolves against the hop\'s URL; the fragment is dropped', () => {
  assert.equal(next(307, 'y').url, 'http://a.test:8080/x/y');
  assert.equal(next(307, '/z?w#frag').url, 'http://a.test:8080/z?w');
  assert.equal(next(307, '//b.test/p').url, 'http://b.test/p');
});

test('301/302 turn a POST into a GET without its body and body headers; other methods stay', () => {
  for (const status of [301, 302]) {
    const n = next(status, '/y');
    assert.deepEqual([n.method, n.body, names(n.headers)], ['GET', undefined, ['Authorization', 'Cookie', 'X-Keep']]);
  }
  const put = next(302, '/y', { ...post, method: 'PUT' });
  assert.deepEqual([put.method, put.body], ['PUT', 'BODY']);
});

test('303 turns anything but HEAD into a GET; 307/308 resend method and body', () => {
  assert.deepEqual([next(303, '/y', { ...post, method: 'DELETE' }).method, next(303, '/y').body], ['GET', undefined]);
  assert.equal(next(303, '/y', { ...post, method: 'HEAD' }).method, 'HEAD');
  for (const status of [307, 308]) {
    const n = next(status, '/y');
    assert.deepEqual([n.method, n.body, names(n.headers)], ['POST', 'BODY', names(post.headers)]);
  }
});

test('Authorization and the user\'s Cookie stay behind on another host, port or scheme, unless trusted', () => {
  for (const to of ['http://b.test:8080/', 'http://a.test:9090/', 'https://a.test:8080/']) {
    assert.deepEqual(names(next(307, to).headers), ['Content-Type', 'X-Keep'], to);
  }
  assert.deepEqual(names(next(307, 'http://b.test/', post, true).headers), names(post.headers));
});

test('a Location of another scheme or not a URL is an error', () => {
  const ftp = nextHop(post, 302, 'ftp://a.test/f');
  assert.ok(!ftp.ok && ftp.error.code === 'UNSUPPORTED_SCHEME' && /ftp/.test(ftp.error.message));
  const bad = nextHop(post, 302, 'http://[::1');
  assert.ok(!bad.ok && bad.error.code === 'BAD_RESPONSE');
  assert.deepEqual(tooManyRedirects(5), { code: 'TOO_MANY_REDIRECTS', name: 'TOO_MANY_REDIRECTS', message: 'Maximum (5) redirects followed' });
});

test('a hop ends at its head only for a caller that follows, a redirect status and a non-blank Location', () => {
  const head = (status: number, location?: string) => `HTTP/1.1 ${status} X\r\n${location !== undefined ? `Location: ${location}\r\n` : ''}Content-Length: 0\r\n\r\n`;
  const follows = { callerFollows: true };
  assert.equal(redirectEndsHop(follows, 302, head(302, '/b')), true);
  assert.equal(redirectEndsHop({ callerFollows: false }, 302, head(302, '/b')), false);
  assert.equal(redirectEndsHop(follows, 302, head(302, '  ')), false);
  assert.equal(redirectEndsHop(follows, 304, head(304, '/b')), false);
  assert.equal(redirectEndsHop(follows, 200, head(200, '/b')), false);
  assert.equal(locationOf(head(308, ' /x ')), '/x');
});

test('Set-Cookie lines of a raw head, each as received', () => {
  assert.deepEqual(setCookiesOf('HTTP/1.1 200 OK\r\nset-cookie: a=1; Path=/\r\nX: y\r\nSet-Cookie:b=2\r\n\r\n'), ['a=1; Path=/', 'b=2']);
});
