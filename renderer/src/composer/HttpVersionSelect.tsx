// The HTTP version a request asks for (curl's --http1.0 … --http3); "default" asks for none.
// What a stack cannot do is named on the option and refused by name at send (docs/engines.md).
import { HTTP_VERSIONS, type HttpVersionChoice } from '../../../contract/request.js';
import { httpVersionLabel } from '../../../domain/http-version.js';

/** What each choice is limited to, shown with it. */
const LIMITS: Partial<Record<HttpVersionChoice, string>> = {
  '2': 'WinInet: Windows 10+, not under Wine',
  '2-prior-knowledge': 'curl only',
  '3': 'curl built with HTTP/3 only',
};

export function HttpVersionSelect({ value, onChange }: { value: HttpVersionChoice | undefined; onChange(v: HttpVersionChoice | undefined): void }) {
  return (
    <select data-testid="http-version-select" value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as HttpVersionChoice | undefined)}>
      <option value="">default (curl: HTTP/2 over TLS if offered; WinInet: 1.1)</option>
      {HTTP_VERSIONS.map((v) => (
        <option key={v} value={v}>
          {httpVersionLabel(v)}
          {LIMITS[v] ? ` (${LIMITS[v]})` : ''}
        </option>
      ))}
    </select>
  );
}
