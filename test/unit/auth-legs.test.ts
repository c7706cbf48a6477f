// Auth legs as every side reads them (domain/auth-legs.ts), the CLI's auth flags, and what
// WinInet refuses (wine-quirks authRefusal), under Wine's semantics and Windows' both.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InetEvent } from '../../contract/events.js';
import { answeredScheme, authLegLabel, authLegs, offeredSchemes, roundTripText, schemesOfValue } from '../../domain/auth-legs.js';
import { authRefusal } from '../../native-bridge/wininet/wine-quirks.js';
import { parseArgs } from '../../cli/args.js';
import { buildRequest } from '../../cli/build-request.js';

describe('auth challenges', () => {
  it('names each scheme of a challenge header, not its parameters', () => {
    assert.deepEqual(schemesOfValue('Digest realm="a, b", nonce="x=y", algorithm=MD5, qop="auth"'), ['Digest']);
    assert.deepEqual(schemesOfValue('Basic realm="r", Digest realm="r", nonce="n"'), ['Basic', 'Digest']);
    assert.deepEqual(schemesOfValue('NTLM TlRMTVNTUAACAAAA=='), ['NTLM']);
    assert.deepEqual(schemesOfValue('Negotiate'), ['Negotiate']);
  });

  it('reads WWW-Authenticate for 401 and Proxy-Authenticate for 407', () => {
    const raw = 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Negotiate\r\nWWW-Authenticate: NTLM\r\nProxy-Authenticate: Basic realm="p"\r\n\r\n';
    assert.deepEqual(offeredSchemes(raw, 401), ['Negotiate', 'NTLM']);
    assert.deepEqual(offeredSchemes(raw, 407), ['Basic']);
    assert.deepEqual(offeredSchemes(raw, 200), []);
  });

  it('reads the answered scheme from the next request head', () => {
    assert.equal(answeredScheme('GET / HTTP/1.1\r\nHost: h\r\nAuthorization: Digest username="a"\r\n\r\n', 401), 'Digest');
    assert.equal(answeredScheme('GET / HTTP/1.1\r\nProxy-Authorization: NTLM abc\r\n\r\n', 407), 'NTLM');
    assert.equal(answeredScheme('GET / HTTP/1.1\r\n\r\n', 401), undefined);
  });
});

describe('auth legs of a request', () => {
  const base = { id: 'r', t: 0 };
  let seq = 0;
  const ev = (hop: number, e: Record<string, unknown>) => ({ ...base, seq: seq++, hop, ...e }) as InetEvent;
  const events: InetEvent[] = [
    ev(0, { type: 'started', engine: 'curl', method: 'GET', url: 'http://h/', wallTime: 0 }),
    ev(0, { type: 'headers', statusCode: 401, statusLine: 'HTTP/1.1 401 Unauthorized', httpVersion: 'HTTP/1.1', rawHeaders: '', requestHeaders: 'GET / HTTP/1.1\r\n\r\n' }),
    ev(0, { type: 'native', status: 'AUTH_CHALLENGE', code: 1006, info: { value: 401, schemes: ['Digest', 'Basic'] } }),
    ev(0, { type: 'native', status: 'AUTH_LEG', code: 1007, info: { value: 401 } }),
    ev(1, { type: 'headers', statusCode: 401, statusLine: 'HTTP/1.1 401 Unauthorized', httpVersion: 'HTTP/1.1', rawHeaders: '', requestHeaders: 'GET / HTTP/1.1\r\nAuthorization: Digest x\r\n\r\n' }),
    // A challenge the engine did not answer (a wrong password): no AUTH_LEG, not a leg.
    ev(1, { type: 'native', status: 'AUTH_CHALLENGE', code: 1006, info: { value: 401, schemes: ['Digest'] } }),
  ];

  it('a leg is a challenge an AUTH_LEG closed, answered by the next hop', () => {
    const legs = authLegs(events);
    assert.deepEqual(legs, [{ hop: 0, status: 401, offered: ['Digest', 'Basic'], answered: 'Digest' }]);
    assert.equal(authLegLabel(legs[0]!), 'auth leg 401 → Digest');
    assert.equal(authLegLabel({ hop: 0, status: 407, offered: ['NTLM'] }), 'auth leg 407 → NTLM');
  });

  it('the summary counts round trips, legs and redirects', () => {
    assert.equal(roundTripText(1, 0, 0), undefined);
    assert.equal(roundTripText(2, 1, 0), '2 round trips (1 auth leg)');
    assert.equal(roundTripText(4, 2, 1), '4 round trips (2 auth legs, 1 redirect)');
  });
});

describe('WinInet authRefusal', () => {
  it('Digest: refused by name under Wine, answered on Windows', () => {
    assert.equal(authRefusal(true, { scheme: 'digest' }, false)?.name, 'DIGEST_UNSUPPORTED');
    assert.match(authRefusal(true, { scheme: 'digest' }, false)?.message ?? '', /under Wine/);
    assert.equal(authRefusal(false, { scheme: 'digest' }, false), undefined);
  });

  it('a negotiated scheme with a body: refused on both (HttpEndRequest), Basic never', () => {
    for (const wine of [true, false]) {
      assert.equal(authRefusal(wine, { scheme: 'ntlm' }, true)?.name, 'AUTH_WITH_BODY_UNSUPPORTED');
      assert.equal(authRefusal(wine, { scheme: 'basic' }, true), undefined);
      assert.equal(authRefusal(wine, { scheme: 'ntlm' }, false), undefined);
      assert.equal(authRefusal(wine, undefined, true), undefined);
    }
    assert.match(authRefusal(false, { scheme: 'any' }, true)?.message ?? '', /FORCE_RETRY/);
  });
});

describe('CLI auth flags', () => {
  const spec = (argv: string[]) => buildRequest(parseArgs([...argv, 'http://127.0.0.1:1/']));
  it('-u alone (and --basic) is a Basic header, as curl sends it', () => {
    for (const argv of [['-u', 'a:b'], ['--basic', '-u', 'a:b']]) {
      const s = spec(argv);
      assert.equal(s.auth, undefined);
      assert.deepEqual(s.headers?.find(([n]) => n === 'Authorization'), ['Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`]);
    }
  });
  it('--digest / --ntlm / --negotiate / --anyauth go to the engine, the last one wins', () => {
    assert.deepEqual(spec(['--digest', '-u', 'a:b:c']).auth, { scheme: 'digest', user: 'a', password: 'b:c' });
    assert.deepEqual(spec(['--digest', '--anyauth', '-u', 'DOM\\a']).auth, { scheme: 'any', user: 'DOM\\a', password: '' });
    assert.equal(spec(['--ntlm', '-u', 'a:b']).headers?.some(([n]) => n === 'Authorization'), false);
    assert.equal(spec(['--negotiate']).auth, undefined, 'no -u: no credentials');
  });
});

describe('curl commands with auth flags', async () => {
  const { parseCurlCommand } = await import('../../domain/curl/command.js');
  const { draftToCurl } = await import('../../domain/curl/serialize.js');
  it('--digest/--anyauth -u come in as the draft auth and go out as they came', () => {
    const d = parseCurlCommand('curl --digest -u alice:p:w http://h/x').draft;
    assert.deepEqual(d.auth, { kind: 'digest', user: 'alice', password: 'p:w' });
    assert.deepEqual(d.headers, []);
    assert.match(draftToCurl(d), /--digest \\\n {2}-u alice:p:w/);
    assert.equal(parseCurlCommand('curl --anyauth -u a:b http://h/').draft.auth?.kind, 'any');
  });
  it('--basic after --ntlm, or -u alone: Basic as a header', () => {
    for (const c of ['curl --ntlm --basic -u a:b http://h/', 'curl -u a:b http://h/']) {
      const d = parseCurlCommand(c).draft;
      assert.equal(d.auth, undefined, c);
      assert.deepEqual(d.headers.map((h) => h.name), ['Authorization'], c);
    }
  });
});

describe('Postman auth types', async () => {
  const { planCollection } = await import('../../core/import/postman-collection.js');
  const { postmanRequest } = await import('../../core/export/postman-request.js');
  const collection = (auth: Record<string, unknown>) => ({
    info: { name: 'c', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [{ name: 'r', request: { method: 'GET', url: 'http://h/', auth } }],
  });
  const kv = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value, type: 'string' }));
  const imported = (auth: Record<string, unknown>) => {
    const item = planCollection(collection(auth)).root.items[0];
    return item?.kind === 'request' ? item.saved.request : undefined;
  };
  it('digest and ntlm come in as the draft auth (ntlm with its domain), and go out as Postman has them', () => {
    const digest = imported({ type: 'digest', digest: kv({ username: 'a', password: 'b', realm: 'r' }) });
    assert.deepEqual(digest?.auth, { kind: 'digest', user: 'a', password: 'b' });
    const ntlm = imported({ type: 'ntlm', ntlm: kv({ username: 'a', password: 'b', domain: 'CORP' }) });
    assert.deepEqual(ntlm?.auth, { kind: 'ntlm', user: 'CORP\\a', password: 'b' });
    const notes: string[] = [];
    assert.deepEqual(postmanRequest(ntlm!, notes).auth, { type: 'ntlm', ntlm: kv({ domain: 'CORP', username: 'a', password: 'b' }) });
    assert.deepEqual(postmanRequest(digest!, notes).auth, { type: 'digest', digest: kv({ username: 'a', password: 'b' }) });
    postmanRequest({ ...digest!, auth: { kind: 'negotiate', user: 'a', password: 'b' } }, notes);
    assert.match(notes.join('\n'), /Negotiate auth is not in Postman/);
  });
});
