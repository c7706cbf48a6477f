import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryDataCompletion } from '../../native-bridge/wininet/decode.js';
import { classifyWinInetError, sessionError, winInetError } from '../../native-bridge/wininet/errors.js';

describe('WinInet error numbers', () => {
  it('names each number as wininet.h does', () => {
    assert.equal(winInetError(12019, 'c').name, 'ERROR_INTERNET_INCORRECT_HANDLE_STATE');
    assert.notEqual(winInetError(12110, 'c').name, 'ERROR_INTERNET_INCORRECT_HANDLE_STATE');
    assert.equal(winInetError(12165, 'c').name, 'ERROR_INTERNET_PROXY_SERVER_UNREACHABLE');
    assert.equal(winInetError(12165, 'c').code, 'PROXY_FAILED');
    assert.equal(winInetError(12032, 'c').name, 'ERROR_INTERNET_FORCE_RETRY');
  });

  it('12175 is a decoding failure, not TLS', () => {
    const e = winInetError(12175, 'InternetReadFile');
    assert.equal(e.name, 'ERROR_INTERNET_DECODING_FAILED');
    assert.equal(e.code, 'BAD_RESPONSE');
  });

  it('a name that does not resolve through a proxy is the proxy failing', () => {
    assert.equal(classifyWinInetError(12007, 'HttpSendRequestW', 'request', 0, undefined, 'http://nope:8080').code, 'PROXY_FAILED');
    assert.equal(classifyWinInetError(12007, 'HttpSendRequestW', 'request', 0, undefined).code, 'RESOLVE_FAILED');
  });

  it('a pending InternetQueryDataAvailable: dwResult TRUE, dwError the bytes available', () => {
    assert.deepEqual(queryDataCompletion(1n, 12002), { available: 12002, error: 0 });
    assert.deepEqual(queryDataCompletion(1n, 0), { available: 0, error: 0 });
    assert.deepEqual(queryDataCompletion(0n, 12030), { available: 0, error: 12030 });
  });
  it('InternetOpenW refusing a session fails the request by name: with a proxy, the proxy', () => {
    const withProxy = sessionError(87, 'http://');
    assert.equal(withProxy.code, 'PROXY_FAILED');
    assert.equal(withProxy.name, 'PROXY_REFUSED');
    assert.match(withProxy.message, /"http:\/\/".*ERROR_INVALID_PARAMETER, 87/);
    assert.equal(sessionError(8, undefined).code, 'ENGINE_UNAVAILABLE');
  });
});
