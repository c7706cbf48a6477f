// The response model keeps each hop's tls event, in order; the timeline's info column
// shows its summary line.
import { describe, expect, it } from 'vitest';
import { emptyResponse, foldEvent } from '../response/response-model.js';
import { eventInfo } from '../format.js';
import type { InetEvent } from '../../../contract/events.js';

const facts = {
  source: 'test', protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256',
  verified: { result: 'failed' as const, against: 'ca-file' as const, error: 'unable to get local issuer certificate' }, chain: [],
};
const tls = (hop: number, seq: number): InetEvent => ({ id: 'r', seq, hop, t: seq, type: 'tls', facts });

describe('tls in the response model', () => {
  it('keeps one entry per hop, in order', () => {
    const r = [tls(0, 0), tls(1, 1)].reduce(foldEvent, emptyResponse());
    expect(r.tls?.map((e) => e.hop)).toEqual([0, 1]);
  });

  it('shows the summary in the timeline', () => {
    expect(eventInfo(tls(0, 0))).toBe('TLSv1.2 · ECDHE-RSA-AES128-GCM-SHA256 · refused (CA file)');
  });
});
