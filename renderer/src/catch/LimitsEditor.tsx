// The catch server's limits (CatchLimits): what a peer may send before it is answered 413
// or 408, and which Host names are answered when bound to loopback (a DNS-rebinding guard).
import type { CatchStatus } from '../../../contract/catch.js';
import { limitsSummary, type LimitsText } from './catch-limits.js';

const FIELDS: Array<[keyof LimitsText, string, string]> = [
  ['maxBodyMB', 'Max body (MB)', 'A larger request body is answered 413'],
  ['maxTotalGB', 'Max total (GB)', 'All caught bodies of this run together'],
  ['idleS', 'Idle body (s)', 'A body with no byte for this long is answered 408'],
  ['headersS', 'Head (s)', 'The request head must arrive within this'],
];

export function LimitsEditor({ text, onChange, status }: { text: LimitsText; onChange: (t: LimitsText) => void; status: CatchStatus }) {
  if (status.running) {
    return (
      <p className="muted catch-limits-summary" data-testid="catch-limits-summary">
        Limits: {limitsSummary(status.limits)}
      </p>
    );
  }
  return (
    <details className="catch-limits" data-testid="catch-limits">
      <summary>Limits</summary>
      <div className="catch-limits-fields">
        {FIELDS.map(([key, label, title]) => (
          <label key={key} title={title}>
            <span>{label}</span>
            <input data-testid={`catch-limit-${key}`} inputMode="decimal" value={text[key]} onChange={(e) => onChange({ ...text, [key]: e.target.value })} />
          </label>
        ))}
        <label className="catch-limits-hosts" title="Bound to loopback, only loopback Host names and these are answered (403 otherwise); * answers any, e.g. behind a tunnel">
          <span>Allowed hosts</span>
          <input data-testid="catch-limit-allowHosts" placeholder="loopback only" spellCheck={false} value={text.allowHosts} onChange={(e) => onChange({ ...text, allowHosts: e.target.value })} />
        </label>
      </div>
    </details>
  );
}
