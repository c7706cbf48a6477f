import { describe, expect, it } from 'vitest';
import type { InetEvent } from '../../../contract/events.js';
import { emptyResponse, foldEvent } from './response-model.js';

const chosen = (hop: number, proxy: string, reason: 'configured' | 'bypassed' | 'none'): InetEvent => ({ id: 'r', seq: hop, hop, t: hop, type: 'native', status: 'PROXY_CHOSEN', code: 1003, info: { proxy, reason } });

describe('the response summary\'s route', () => {
  it('says the proxy of the last hop in words', () => {
    let r = foldEvent(emptyResponse(), chosen(0, 'http://p:3128', 'configured'));
    expect(r.route).toBe('via proxy http://p:3128');
    r = foldEvent(r, chosen(1, 'direct', 'bypassed'));
    expect(r.route).toBe('direct (proxy bypassed)');
  });

  it('has no route before PROXY_CHOSEN (an older host, an imported exchange)', () => {
    expect(foldEvent(emptyResponse(), { id: 'r', seq: 0, hop: 0, t: 0, type: 'native', status: 'REDIRECT', code: 110 }).route).toBeUndefined();
  });
});
