// The auth tab: none, basic or bearer. The header it implies is added at send time unless
// an enabled Authorization row is present (draftToRequest → impliedHeaders).
import type { Auth } from './body-model.js';
import { newOAuth2Auth, OAuth2Editor } from './OAuth2Editor.js';
import './composer.css';

export function AuthEditor({ auth, onChange }: { auth: Auth; onChange: (a: Auth) => void }) {
  return (
    <div className="auth-editor" data-testid="auth-editor">
      <select
        data-testid="auth-kind-select"
        aria-label="Auth type"
        value={auth.kind}
        onChange={(e) => {
          const kind = e.target.value as Auth['kind'];
          onChange(kind === 'basic' ? { kind, user: '', password: '' } : kind === 'bearer' ? { kind, token: '' } : kind === 'oauth2' ? newOAuth2Auth() : { kind: 'none' });
        }}
      >
        <option value="none">No auth</option>
        <option value="basic">Basic</option>
        <option value="bearer">Bearer token</option>
        <option value="oauth2">OAuth 2.0</option>
      </select>
      {auth.kind === 'basic' && (
        <>
          <input data-testid="auth-user" aria-label="User" placeholder="User" autoComplete="off" value={auth.user} onChange={(e) => onChange({ ...auth, user: e.target.value })} />
          <input data-testid="auth-password" aria-label="Password" type="password" placeholder="Password" autoComplete="off" value={auth.password} onChange={(e) => onChange({ ...auth, password: e.target.value })} />
        </>
      )}
      {auth.kind === 'bearer' && (
        <input data-testid="auth-token" aria-label="Token" placeholder="Token" autoComplete="off" spellCheck={false} value={auth.token} onChange={(e) => onChange({ ...auth, token: e.target.value })} />
      )}
      {auth.kind === 'oauth2' && <OAuth2Editor auth={auth} onChange={onChange} />}
      <p className="muted">An Authorization header row, when enabled, is sent instead.</p>
    </div>
  );
}
