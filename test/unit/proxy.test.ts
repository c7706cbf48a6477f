import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curlProxyChoice, noProxyMatches, proxyRefusal, proxySummary, wininetBypass, wininetBypasses } from '../../domain/proxy.js';

describe('proxy choice (libcurl\'s rules) and bypass lists', () => {
  it('--noproxy matches as libcurl does: "*", exact names, subdomains, a leading dot, IPv6 brackets', () => {
    assert.equal(noProxyMatches('*', 'anything.example'), true);
    assert.equal(noProxyMatches('example.com', 'example.com'), true);
    assert.equal(noProxyMatches('example.com', 'www.Example.com'), true);
    assert.equal(noProxyMatches('.example.com', 'example.com'), true);
    assert.equal(noProxyMatches('example.com', 'badexample.com'), false);
    assert.equal(noProxyMatches('a.test, 127.0.0.1', '127.0.0.1'), true);
    assert.equal(noProxyMatches('::1', '[::1]'), true);
    assert.equal(noProxyMatches('', 'example.com'), false);
  });

  it('the request\'s proxy wins over the environment; the environment is read as libcurl reads it', () => {
    const env = { http_proxy: 'http://envp:1', HTTPS_PROXY: 'http://envs:2', no_proxy: 'skip.test' };
    assert.deepEqual(curlProxyChoice('http://a.test/', { proxy: 'http://p:3' }, env), { proxy: 'http://p:3', reason: 'configured' });
    assert.deepEqual(curlProxyChoice('http://a.test/', {}, env), { proxy: 'http://envp:1', reason: 'environment' });
    assert.deepEqual(curlProxyChoice('https://a.test/', {}, env), { proxy: 'http://envs:2', reason: 'environment' });
    assert.deepEqual(curlProxyChoice('http://a.test/', {}, { HTTP_PROXY: 'http://upper:1' }), { proxy: 'direct', reason: 'none' }, 'HTTP_PROXY is not read (CGI safety, as libcurl)');
    assert.deepEqual(curlProxyChoice('http://a.test/', {}, { ALL_PROXY: 'http://all:1' }), { proxy: 'http://all:1', reason: 'environment' });
    assert.deepEqual(curlProxyChoice('http://skip.test/', {}, env), { proxy: 'direct', reason: 'bypassed' });
    // --noproxy replaces no_proxy, and applies to -x too.
    assert.deepEqual(curlProxyChoice('http://skip.test/', { noProxy: 'other.test' }, env), { proxy: 'http://envp:1', reason: 'environment' });
    assert.deepEqual(curlProxyChoice('http://a.test/', { proxy: 'http://p:3', noProxy: '*' }, {}), { proxy: 'direct', reason: 'bypassed' });
  });

  it('a --noproxy list becomes WinInet bypass entries, which match as Wine matches them', () => {
    assert.deepEqual(wininetBypass('example.com, .b.test, 127.0.0.2'), ['example.com', '*.example.com', 'b.test', '*.b.test', '127.0.0.2']);
    assert.deepEqual(wininetBypass(undefined), []);
    const list = 'example.com;*.example.com;<local>;127.0.0.1';
    assert.equal(wininetBypasses(list, 'example.com'), true);
    assert.equal(wininetBypasses(list, 'www.example.com'), true);
    assert.equal(wininetBypasses(list, 'intranet'), true, '<local>: a name without a dot');
    assert.equal(wininetBypasses(list, '127.0.0.2'), false);
    assert.equal(wininetBypasses('*.example.com', 'example.com'), false, 'a wildcard needs a subdomain');
    assert.equal(wininetBypasses('<-loopback>', '127.0.0.1'), false);
  });

  it('a final 407 through a proxy is a named PROXY_FAILED; direct, or another status, is not', () => {
    assert.match(proxyRefusal(407, { proxy: 'http://p:1', reason: 'configured' })?.message ?? '', /proxy authentication required.*no proxy credentials/);
    assert.match(proxyRefusal(407, { proxy: 'http://p:1', reason: 'configured' }, { user: 'u', scheme: 'basic' })?.message ?? '', /basic credentials of "u"/);
    assert.equal(proxyRefusal(407, { proxy: 'direct', reason: 'none' }), undefined);
    assert.equal(proxyRefusal(200, { proxy: 'http://p:1', reason: 'configured' }), undefined);
  });

  it('summarises the route in words', () => {
    assert.equal(proxySummary({ proxy: 'http://p:1', reason: 'configured' }), 'via proxy http://p:1');
    assert.equal(proxySummary({ proxy: 'http://p:1', reason: 'environment' }), 'via proxy http://p:1 (environment)');
    assert.equal(proxySummary({ proxy: 'direct', reason: 'bypassed' }), 'direct (proxy bypassed)');
    assert.equal(proxySummary({ proxy: 'direct', reason: 'none' }), 'direct');
  });
});
