// The composer's Send cookies switch: on by default, sent (and so saved) only when off, and
// brought back from a stored or saved request and from a session of before the switch.
import { describe, expect, it } from 'vitest';
import { ComposerDraftSchema } from '../../../contract/composer-draft.js';
import { draftToRequest, emptyDraft } from '../composer/draft.js';
import { requestToDraft } from '../interop/request-to-draft.js';

describe('Send cookies', () => {
  it('is on in a new draft and adds nothing to the request then', () => {
    const d = { ...emptyDraft(), url: 'http://127.0.0.1:1/' };
    expect(d.options.sendCookies).toBe(true);
    const r = draftToRequest(d);
    expect(r.ok && 'sendCookies' in r.request).toBe(false);
  });

  it('off, the request says so, and a request brought back keeps it', () => {
    const d = { ...emptyDraft(), url: 'http://127.0.0.1:1/', options: { ...emptyDraft().options, sendCookies: false } };
    const r = draftToRequest(d);
    expect(r.ok && r.request.sendCookies).toBe(false);
    if (!r.ok) return;
    expect(requestToDraft(r.request, [], 'auto').options.sendCookies).toBe(false);
    const { sendCookies: _, ...on } = r.request;
    expect(requestToDraft(on, [], 'auto').options.sendCookies).toBe(true);
  });

  it('the tab session keeps it, and takes a draft from before the switch', () => {
    const d = { ...emptyDraft(), options: { ...emptyDraft().options, sendCookies: false } };
    expect(ComposerDraftSchema.parse(d).options.sendCookies).toBe(false);
    const { sendCookies: _, ...before } = d.options;
    expect(ComposerDraftSchema.safeParse({ ...d, options: before }).success).toBe(true);
  });
});
