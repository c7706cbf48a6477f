import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lostBodyProblem, MAX_RESENDS, resendWanted } from '../../native-bridge/wininet/upload-redirect.js';
import { endRequestCompletesTwice } from '../../native-bridge/wininet/wine-quirks.js';

const head = (line: string, ...headers: string[]) => [line, ...headers, '', ''].join('\r\n');

describe('a redirected upload (KB177188 FORCE_RETRY, and Wine following it itself)', () => {
  it('HttpEndRequest\'s FORCE_RETRY asks for a resend, a bounded number of times', () => {
    assert.equal(resendWanted(12032, 'HttpEndRequestW', 0), true);
    assert.equal(resendWanted(12032, 'HttpEndRequestW', MAX_RESENDS), false);
    assert.equal(resendWanted(12032, 'InternetWriteFile', 0), false);
    assert.equal(resendWanted(12002, 'HttpEndRequestW', 0), false);
  });

  it('a followed redirect that kept the method but not the body is named', () => {
    const lost = lostBodyProblem(1, 7, head('POST /echo HTTP/1.1', 'Content-Length: 0'));
    assert.equal(lost?.name, 'REDIRECT_BODY_LOST');
    assert.equal(lostBodyProblem(1, 7, head('PUT /echo HTTP/1.1'))?.name, 'REDIRECT_BODY_LOST');
  });

  it('a body sent again, a method turned into GET, no redirect or no body: nothing to name', () => {
    assert.equal(lostBodyProblem(1, 7, head('POST /echo HTTP/1.1', 'Content-Length: 7')), undefined);
    assert.equal(lostBodyProblem(2, 7, head('GET /echo HTTP/1.1')), undefined);
    assert.equal(lostBodyProblem(1, 7, head('HEAD /echo HTTP/1.1')), undefined);
    assert.equal(lostBodyProblem(0, 7, head('POST /x HTTP/1.1', 'Content-Length: 0')), undefined);
    assert.equal(lostBodyProblem(1, 0, head('POST /x HTTP/1.1', 'Content-Length: 0')), undefined);
    assert.equal(lostBodyProblem(1, 7, head('POST /x HTTP/1.1', 'Transfer-Encoding: chunked')), undefined);
  });

  it('Wine completes a redirected HttpEndRequest twice; Windows once', () => {
    assert.equal(endRequestCompletesTwice(true, 1), true);
    assert.equal(endRequestCompletesTwice(true, 0), false);
    assert.equal(endRequestCompletesTwice(false, 1), false);
  });
});
