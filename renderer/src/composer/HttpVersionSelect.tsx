// The HTTP version a request asks for (curl's --http1.0 … --http3); "default" asks for none.
// What a stack cannot do is named on the option and refused by name at send (docs/engines.md).
import { HTTP_VERSIONS, type HttpVersionChoice } from '../../../contract/request.js';
import { httpVersionLabel } from '../../../domain/http-version.js';

/** What each choice is limited to, shown with it. */
const LIMITS: Partial<Record<HttpVersionChoice, string>> = {
  '2': 'not WinInet under Wine',
  '2-prior-knowledge': 'curl only',
  '3': 'curl with HTTP/3 only',
};

const TITLE = "The HTTP version to ask for. Default: curl's (HTTP/2 over TLS when the server offers it, else 1.1); WinInet sends 1.1. A version the engine cannot send is refused by name, never sent as 1.1.";

export function HttpVersionSelect({ value, onChange }: { value: HttpVersionChoice | undefined; onChange(v: HttpVersionChoice | undefined): void }) {
  return (
    <select className="http-version-select" data-testid="http-version-select" title={TITLE} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as HttpVersionChoice | undefined)}>
      <option value="">default</option>
      {HTTP_VERSIONS.map((v) => (
        <option key={v} value={v}>
          {httpVersionLabel(v)}
          {LIMITS[v] ? ` (${LIMITS[v]})` : ''}
        </option>
      ))}
    </select>
  );
}
