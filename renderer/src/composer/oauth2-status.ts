// A cached OAuth 2.0 token's state in words, for the Auth tab. Pure.
import type { OAuth2TokenStatus } from '../../../contract/oauth.js';

/** "Token cached · expires in 59 min · scope read" and the like. */
export function describeTokenStatus(s: OAuth2TokenStatus, now = Date.now()): string {
  if (!s.cached) return 'No token cached.';
  const parts = ['Token cached'];
  if (s.expiresAt !== undefined) {
    const left = Math.round((s.expiresAt - now) / 1000);
    parts.push(left <= 0 ? 'expired' + (s.refreshable ? ' (refreshed on the next send)' : '') : `expires in ${left < 120 ? `${left} s` : `${Math.round(left / 60)} min`}`);
  }
  if (s.scope) parts.push(`scope ${s.scope}`);
  if (s.refreshable) parts.push('refreshable');
  return `${parts.join(' · ')}.`;
}
