import { describe, expect, it } from 'vitest';
import { ComposerDraftSchema } from '../../../contract/composer-draft.js';
import { RequestDraftSchema } from '../../../contract/request.js';
import { requestToDraft } from '../interop/request-to-draft.js';
import { draftToRequest, emptyDraft } from './draft.js';
import { newOAuth2Auth } from './OAuth2Editor.js';
import { describeTokenStatus } from './oauth2-status.js';

const auth = { ...newOAuth2Auth(), tokenUrl: 'http://127.0.0.1:1/token', clientId: 'cli', clientSecret: '{{secret}}', scope: 'read' };

describe('OAuth 2.0 in the composer', () => {
  it('the draft carries the auth to the core (no header the page writes) and back', () => {
    const d = { ...emptyDraft(), url: 'http://127.0.0.1:8080/x', auth };
    expect(ComposerDraftSchema.safeParse(d).success).toBe(true);
    const r = draftToRequest(d);
    if (!r.ok) throw new Error(r.message);
    expect(r.request.auth).toEqual(auth);
    expect(r.request.headers.some((h) => h.name.toLowerCase() === 'authorization')).toBe(false);
    expect(RequestDraftSchema.strict().safeParse(r.request).success).toBe(true);
    expect(requestToDraft(r.request).auth).toEqual(auth);
  });

  it('says what the cache holds', () => {
    const now = 1_000_000;
    expect(describeTokenStatus({ cached: false })).toBe('No token cached.');
    expect(describeTokenStatus({ cached: true, expiresAt: now + 3600_000, scope: 'read', refreshable: false }, now)).toBe('Token cached · expires in 60 min · scope read.');
    expect(describeTokenStatus({ cached: true, expiresAt: now + 30_000, refreshable: true }, now)).toBe('Token cached · expires in 30 s · refreshable.');
    expect(describeTokenStatus({ cached: true, expiresAt: now - 1, refreshable: true }, now)).toBe('Token cached · expired (refreshed on the next send) · refreshable.');
  });
});
