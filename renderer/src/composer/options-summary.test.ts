import { describe, expect, it } from 'vitest';
import { emptyDraft } from './draft.js';
import { changedOptions } from './options-summary.js';

describe('changedOptions', () => {
  it('is empty for a new request', () => {
    expect(changedOptions(emptyDraft().options)).toEqual([]);
  });
  it('names each option that differs from the defaults, once', () => {
    const o = { ...emptyDraft('curl').options, insecure: true, followRedirects: false, sendCookies: false, timeoutS: ' 5 ', proxy: 'p:3128', httpVersion: '2' as const };
    expect(changedOptions(o)).toEqual(['engine curl', 'HTTP/2', 'no redirects followed', 'insecure', 'cookies not sent', 'timeout 5 s', 'proxy']);
  });
  it('does not count the engine chosen as the default in Settings', () => {
    expect(changedOptions(emptyDraft('curl').options, 'curl')).toEqual([]);
    expect(changedOptions(emptyDraft('wininet').options, 'curl')).toEqual(['engine wininet']);
    expect(changedOptions(emptyDraft().options, 'curl')).toEqual([]);
  });
  it('takes an absent sendCookies (a session from before) as the default', () => {
    const { sendCookies: _s, ...o } = emptyDraft().options;
    expect(changedOptions(o)).toEqual([]);
  });
});
