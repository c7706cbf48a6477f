import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InetEvent } from '../../contract/events.js';
import { derivePhases } from '../../domain/phases.js';

let seq = 0;
const n = (t: number, status: string, hop = 0): InetEvent => ({ type: 'native', id: 'r', seq: seq++, hop, t, status: status as never, code: 0 });

describe('phase derivation', () => {
  it('derives dns, connect, send, wait and receive per hop', () => {
    const events: InetEvent[] = [
      { type: 'started', id: 'r', seq: seq++, hop: 0, t: 0, engine: 'x', method: 'GET', url: 'u', wallTime: 0 },
      n(1, 'RESOLVING_NAME'), n(3, 'NAME_RESOLVED'), n(3.5, 'CONNECTING_TO_SERVER'), n(5, 'CONNECTED_TO_SERVER'),
      n(6, 'SENDING_REQUEST'), n(7, 'REQUEST_SENT'), n(7.2, 'RECEIVING_RESPONSE'), n(17, 'RESPONSE_RECEIVED'), n(18, 'REDIRECT'),
      n(19, 'SENDING_REQUEST', 1), n(20, 'REQUEST_SENT', 1), n(30, 'RESPONSE_RECEIVED', 1), n(40, 'RESPONSE_RECEIVED', 1),
      { type: 'finished', id: 'r', seq: seq++, hop: 1, t: 41, ok: true, bodyBytes: 0, uploadBytes: 0 },
    ];
    const p = derivePhases(events);
    assert.equal(p.total, 41);
    const [h0, h1] = p.hops;
    assert.deepEqual([h0?.dns, h0?.connect, h0?.send, h0?.wait, h0?.receive, h0?.reused], [2, 1.5, 1, 10, 1, false]);
    assert.equal(h0?.tls, undefined, 'no TLS event, no TLS phase');
    assert.deepEqual([h1?.dns, h1?.connect, h1?.send, h1?.wait, h1?.receive, h1?.reused], [undefined, undefined, 1, 10, 10, true]);
    assert.equal(h1?.start, h0?.end);
    assert.deepEqual([h0?.blocked, h1?.blocked], [1, 1], 'blocked: from the hop start to its first network step');
  });

  it('counts upload time as send', () => {
    const events: InetEvent[] = [
      n(0, 'SENDING_REQUEST'), n(1, 'REQUEST_SENT'),
      { type: 'upload', id: 'r', seq: seq++, hop: 0, t: 50, bytes: 10, total: 10 },
      n(60, 'RESPONSE_RECEIVED'),
    ];
    const [h] = derivePhases(events).hops;
    assert.deepEqual([h?.send, h?.wait], [50, 10]);
  });
});
