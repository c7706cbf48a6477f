import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS_TEXT, limitsSummary, parseLimits } from './catch-limits';

describe('catch limits as typed', () => {
  it('the defaults are the contract defaults', () => {
    expect(parseLimits(DEFAULT_LIMITS_TEXT)).toEqual({ limits: { maxBodyBytes: 1024 ** 3, maxTotalBytes: 8 * 1024 ** 3, idleTimeoutMs: 30_000, headersTimeoutMs: 10_000, allowHosts: [] } });
  });
  it('sizes, seconds and hosts convert; a wrong field is named', () => {
    const r = parseLimits({ maxBodyMB: '0.5', maxTotalGB: '1', idleS: '2.5', headersS: '1', allowHosts: 'a.example, b.example *' });
    expect(r).toEqual({ limits: { maxBodyBytes: 512 * 1024, maxTotalBytes: 1024 ** 3, idleTimeoutMs: 2500, headersTimeoutMs: 1000, allowHosts: ['a.example', 'b.example', '*'] } });
    expect(parseLimits({ ...DEFAULT_LIMITS_TEXT, idleS: 'soon' })).toEqual({ error: 'Idle body timeout (s): a number from 0.1 to 3600' });
    expect(parseLimits({ ...DEFAULT_LIMITS_TEXT, maxBodyMB: '' })).toEqual({ error: 'Max body (MB): a number from 0 to 1073741824' });
    expect(parseLimits({ ...DEFAULT_LIMITS_TEXT, allowHosts: 'a/b' })).toEqual({ error: 'Allowed hosts: "a/b" is not a host name' });
  });
  it('a summary names every limit', () => {
    const r = parseLimits({ ...DEFAULT_LIMITS_TEXT, allowHosts: 'tunnel.example' });
    if (!('limits' in r)) throw new Error(r.error);
    expect(limitsSummary(r.limits)).toBe('body ≤ 1 GiB, total ≤ 8 GiB, idle 30 s, head 10 s, hosts: loopback + tunnel.example');
  });
});
