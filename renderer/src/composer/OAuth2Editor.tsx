// The Auth tab's OAuth 2.0 type: the grant and its fields (each may hold {{variables}}, the
// core resolves them), then the token the core caches for this workspace: its state,
// "Get new token" and "Clear token". The core gets a token on send when none is fresh
// (client credentials; the code grant needs "Get new token" first).
import type { OAuth2Auth } from '../../../contract/oauth.js';
import { describeTokenStatus } from './oauth2-status.js';
import { useOAuth2Token } from './oauth2-token.js';
import './composer.css';

type Props = { auth: OAuth2Auth; onChange: (a: OAuth2Auth) => void };

/** A fresh oauth2 auth, as the type select makes it. */
export function newOAuth2Auth(): OAuth2Auth {
  return { kind: 'oauth2', grant: 'client_credentials', tokenUrl: '', clientId: '', clientSecret: '', scope: '', clientAuth: 'basic', headerPrefix: 'Bearer' };
}

function Field({ label, id, value, onChange, secret, placeholder }: { label: string; id: string; value: string; onChange: (v: string) => void; secret?: boolean; placeholder?: string }) {
  return (
    <label className="oauth2-field">
      <span>{label}</span>
      <input data-testid={`oauth2-${id}`} type={secret ? 'password' : 'text'} autoComplete="off" spellCheck={false} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function CodeFields({ auth, onChange }: Props) {
  const port = auth.redirectPort === undefined ? '' : String(auth.redirectPort);
  return (
    <>
      <Field label="Authorization URL" id="auth-url" value={auth.authUrl ?? ''} placeholder="https://…/authorize" onChange={(authUrl) => onChange({ ...auth, authUrl })} />
      <label className="oauth2-check">
        <input data-testid="oauth2-pkce" type="checkbox" checked={auth.pkce !== false} onChange={(e) => onChange({ ...auth, pkce: e.target.checked })} /> PKCE (S256)
      </label>
      <Field
        label="Redirect port"
        id="redirect-port"
        value={port}
        placeholder="any free port"
        onChange={(v) => {
          const n = Number(v);
          const { redirectPort: _p, ...rest } = auth;
          onChange(v.trim() === '' || !Number.isInteger(n) || n < 1 || n > 65535 ? rest : { ...rest, redirectPort: n });
        }}
      />
    </>
  );
}

function TokenPanel({ auth }: { auth: OAuth2Auth }) {
  const t = useOAuth2Token(auth);
  return (
    <div className="oauth2-token" data-testid="oauth2-token">
      <div className="oauth2-actions">
        <button type="button" data-testid="oauth2-get-token" disabled={t.busy !== undefined || auth.tokenUrl.trim() === ''} onClick={() => void t.getNew()}>
          Get new token
        </button>
        {t.signingIn && (
          <button type="button" data-testid="oauth2-cancel" onClick={t.cancel}>
            Cancel sign-in
          </button>
        )}
        <button type="button" data-testid="oauth2-clear-token" disabled={t.busy !== undefined || !t.status?.cached} onClick={() => void t.clear()}>
          Clear token
        </button>
      </div>
      <p className="muted" data-testid="oauth2-token-status" role="status">
        {t.busy ?? (t.status ? describeTokenStatus(t.status) : '')}
      </p>
      {t.status?.problem && <p className="error">{t.status.problem}</p>}
      {t.error && (
        <p className="error" data-testid="oauth2-error" role="alert">
          {t.error}
        </p>
      )}
    </div>
  );
}

export function OAuth2Editor({ auth, onChange }: Props) {
  const set = (patch: Partial<OAuth2Auth>) => onChange({ ...auth, ...patch });
  return (
    <div className="oauth2-editor" data-testid="oauth2-editor">
      <label className="oauth2-field">
        <span>Grant</span>
        <select data-testid="oauth2-grant" value={auth.grant} onChange={(e) => set({ grant: e.target.value as OAuth2Auth['grant'] })}>
          <option value="client_credentials">Client credentials</option>
          <option value="authorization_code">Authorization code</option>
        </select>
      </label>
      <Field label="Token URL" id="token-url" value={auth.tokenUrl} placeholder="https://…/token" onChange={(tokenUrl) => set({ tokenUrl })} />
      {auth.grant === 'authorization_code' && <CodeFields auth={auth} onChange={onChange} />}
      <Field label="Client ID" id="client-id" value={auth.clientId} onChange={(clientId) => set({ clientId })} />
      <Field label="Client secret" id="client-secret" value={auth.clientSecret} secret placeholder="{{secret}} keeps it out of the file" onChange={(clientSecret) => set({ clientSecret })} />
      <Field label="Scope" id="scope" value={auth.scope} placeholder="space-separated" onChange={(scope) => set({ scope })} />
      <Field label="Audience" id="audience" value={auth.audience ?? ''} onChange={(audience) => set({ audience })} />
      <label className="oauth2-field">
        <span>Client authentication</span>
        <select data-testid="oauth2-client-auth" value={auth.clientAuth} onChange={(e) => set({ clientAuth: e.target.value as OAuth2Auth['clientAuth'] })}>
          <option value="basic">HTTP Basic header</option>
          <option value="body">In the request body</option>
        </select>
      </label>
      <Field label="Header prefix" id="header-prefix" value={auth.headerPrefix} onChange={(headerPrefix) => set({ headerPrefix })} />
      <TokenPanel auth={auth} />
    </div>
  );
}
