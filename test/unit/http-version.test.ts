import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from '../../cli/args.js';
import { buildRequest } from '../../cli/build-request.js';
import { httpVersionFlag, HTTP_VERSION_FLAGS } from '../../domain/http-version.js';
import { CURL_HTTP_VERSION, usedVersion, versionRefusal } from '../../native-bridge/curl/http-version.js';

describe('HTTP versions', () => {
  it("maps each choice to curl.h's CURL_HTTP_VERSION_* as curl's flags do", () => {
    assert.deepEqual(CURL_HTTP_VERSION, { '1.0': 1, '1.1': 2, '2': 3, '2-prior-knowledge': 5, '3': 30 });
    assert.deepEqual([1, 2, 3, 30, 0].map(usedVersion), ['HTTP/1.0', 'HTTP/1.1', 'HTTP/2', 'HTTP/3', undefined]);
  });

  it('refuses a version the libcurl build lacks, by name', () => {
    assert.equal(versionRefusal('3', ['HTTP2'], 'libcurl/7.88.1')?.name, 'HTTP3_UNSUPPORTED');
    assert.equal(versionRefusal('3', ['HTTP2', 'HTTP3'], 'x'), undefined);
    assert.equal(versionRefusal('2', [], 'x')?.name, 'HTTP2_UNSUPPORTED');
    assert.equal(versionRefusal('2-prior-knowledge', ['HTTP2'], 'x'), undefined);
    assert.equal(versionRefusal('1.0', [], 'x'), undefined);
    assert.equal(versionRefusal(undefined, [], 'x'), undefined);
  });

  it("reads curl's flags, the last one winning, and writes them back", () => {
    assert.equal(parseArgs(['-0', 'http://x/']).httpVersion, '1.0');
    assert.equal(parseArgs(['--http2', '--http1.1', 'http://x/']).httpVersion, '1.1');
    assert.equal(buildRequest(parseArgs(['--http2-prior-knowledge', 'http://x/'])).httpVersion, '2-prior-knowledge');
    assert.equal(buildRequest(parseArgs(['http://x/'])).httpVersion, undefined);
    for (const [flag, choice] of Object.entries(HTTP_VERSION_FLAGS)) {
      assert.equal(httpVersionFlag(choice), `--${flag}`);
      assert.equal(parseArgs([`--${flag}`, 'http://x/']).httpVersion, choice);
    }
  });
});
