// The auth tab: none, basic, bearer, OAuth 2.0 (the core gets the token), or a scheme the
// engine negotiates (Digest, NTLM, Negotiate, Any). Basic and bearer imply a header added at send time unless an enabled
// Authorization row is present (draftToRequest → impliedHeaders); the negotiated ones go to
// the engine with the request, each answered 401 an auth leg of the timeline.
import type { Auth } from './body-model.js';
import { newOAuth2Auth, OAuth2Editor } from './OAuth2Editor.js';
import './composer.css';

type Kind = Auth['kind'];
const KINDS: Array<[Kind, string]> = [
  ['none', 'No auth'],
  ['basic', 'Basic'],
  ['bearer', 'Bearer token'],
  ['digest', 'Digest'],
  ['ntlm', 'NTLM'],
  ['negotiate', 'Negotiate (Kerberos/SPNEGO)'],
  ['any', 'Any (the server picks)'],
  ['oauth2', 'OAuth 2.0'],
];

function fresh(kind: Kind, from: Auth): Auth {
  if (kind === 'none') return { kind };
  if (kind === 'bearer') return { kind, token: '' };
  if (kind === 'oauth2') return newOAuth2Auth();
  // Switching between credential schemes keeps what was typed.
  return 'user' in from ? { kind, user: from.user, password: from.password } : { kind, user: '', password: '' };
}

const NOTES: Partial<Record<Kind, string>> = {
  digest: 'The engine answers the server’s 401 (an auth leg). Not on WinInet under Wine (it has no Digest): use the curl engine.',
  ntlm: 'The engine answers the server’s 401 (an auth leg per round trip). WinInet picks the scheme from the challenge itself.',
  negotiate: 'Kerberos/SPNEGO where the stack has it; the engine answers the server’s 401. WinInet picks the scheme from the challenge itself.',
  any: 'The engine picks the safest scheme the server offers (curl --anyauth); each answered 401 is an auth leg.',
};

export function AuthEditor({ auth, onChange }: { auth: Auth; onChange: (a: Auth) => void }) {
  return (
    <div className="auth-editor" data-testid="auth-editor">
      <select data-testid="auth-kind-select" aria-label="Auth type" value={auth.kind} onChange={(e) => onChange(fresh(e.target.value as Kind, auth))}>
        {KINDS.map(([kind, label]) => (
          <option key={kind} value={kind}>
            {label}
          </option>
        ))}
      </select>
      {'user' in auth && (
        <>
          <input data-testid="auth-user" aria-label="User" placeholder={auth.kind === 'ntlm' ? 'DOMAIN\\user' : 'User'} autoComplete="off" value={auth.user} onChange={(e) => onChange({ ...auth, user: e.target.value })} />
          <input data-testid="auth-password" aria-label="Password" type="password" placeholder="Password" autoComplete="off" value={auth.password} onChange={(e) => onChange({ ...auth, password: e.target.value })} />
        </>
      )}
      {auth.kind === 'bearer' && (
        <input data-testid="auth-token" aria-label="Token" placeholder="Token" autoComplete="off" spellCheck={false} value={auth.token} onChange={(e) => onChange({ ...auth, token: e.target.value })} />
      )}
      {NOTES[auth.kind] && <p className="muted" data-testid="auth-note">{NOTES[auth.kind]} {'{{variables}}'} are allowed.</p>}
      {auth.kind === 'oauth2' && <OAuth2Editor auth={auth} onChange={onChange} />}
      <p className="muted">An Authorization header row, when enabled, is sent instead.</p>
    </div>
  );
}
