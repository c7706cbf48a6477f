// The response: status line, time, size and engine, the checks' results and the transfer
// progress always in view, then the response's tabs (Body, Headers, Cookies, the Timeline
// when it is not in its pane, TLS, Raw exchange).
import type { InetEvent } from '../../../contract/events.js';
import type { ResponseInfo } from './response-model.js';
import { formatBytes, formatMs, statusText } from '../format.js';
import { Progress } from './Progress.js';
import { ScriptTests } from '../scripts/ScriptTests.js';
import { useApp } from '../app-store.js';
import { Tablist } from '../layout/Tablist.js';
import { setResponseTab, useLayout } from '../layout/layout-store.js';
import { RESPONSE_TABS, type ResponseTabDef } from './response-tabs.js';
import { AssertionResults } from '../assertions/AssertionResults.js';
import { roundTripText } from '../../../domain/auth-legs.js';
import { TlsSummary } from '../tls/TlsSection.js';

const ENGINE_LABELS: Record<string, string> = { wininet: 'WinInet', curl: 'libcurl' };

function StatusLine({ r, busy }: { r: ResponseInfo; busy: boolean }) {
  const f = r.finished;
  const cls = f && !f.ok ? (f.error?.code === 'CANCELLED' ? 'status-cancelled' : 'status-err') : r.status ? `status-${Math.floor(r.status.code / 100)}xx` : '';
  return (
    <div className="status-line">
      <span data-testid="response-status" className={`status ${cls}`}>
        {r.status ? statusText(r.status.code, r.status.line) : f && !f.ok ? (f.error?.code ?? 'failed') : busy ? '…' : ''}
      </span>
      {r.status && <span className="muted" data-testid="response-version" title="The HTTP version the response came in">{r.status.httpVersion}</span>}
      {f && <span className="muted" data-testid="response-time">{formatMs(f.t)}</span>}
      {f && <span className="muted" data-testid="response-size">{formatBytes(f.bodyBytes)}</span>}
      {r.started && <span className="muted">{r.started.engine}</span>}
      {f && roundTripText(r.hops, r.authLegs, r.redirects) && (
        <span className="muted" data-testid="response-round-trips" title="Each redirect and each answered 401/407 is a round trip of its own (a hop of the timeline)">
          {roundTripText(r.hops, r.authLegs, r.redirects)}
        </span>
      )}
      {r.route && <span className="muted" data-testid="response-route" title="The proxy the engine took for this request (PROXY_CHOSEN)">{r.route}</span>}
      <TlsSummary events={r.tls} />
      {busy && !r.started && r.engineStarting && (
        <span className="muted" data-testid="engine-starting">
          {`Starting the ${ENGINE_LABELS[r.engineStarting] ?? r.engineStarting} engine… (its first request waits for it)`}
        </span>
      )}
      {f && !f.ok && f.error && (
        <span className={f.error.code === 'CANCELLED' ? 'status-cancelled' : 'error'} data-testid="response-error">
          {f.error.name}: {f.error.message}
        </span>
      )}
    </div>
  );
}

/** While the exchange runs: the upload while it is under way, the download once the headers are in. */
function Transfers({ id, r }: { id: string; r: ResponseInfo }) {
  if (r.finished) return null;
  const uploading = r.uploadTotal !== undefined && r.uploadTotal > 0 && r.uploadBytes < r.uploadTotal;
  if (!uploading && !r.status) return null;
  return (
    <div className="transfers">
      {uploading && <Progress id={id} kind="upload" label="Upload" testId="upload-progress" bytes={r.uploadBytes} total={r.uploadTotal} />}
      {r.status && <Progress id={id} kind="body" label="Download" testId="download-progress" bytes={r.bodyBytes} total={r.bodyTotal} />}
    </div>
  );
}

const NO_EVENTS: InetEvent[] = [];

/** The tab bar and the chosen tab's panel (response-tabs.tsx lists them). */
function ResponseTabs({ id, r }: { id: string; r: ResponseInfo }) {
  const events = useApp((s) => s.timeline[id] ?? NO_EVENTS);
  const chosen = useLayout((s) => s.responseTab);
  const place = useLayout((s) => s.timeline);
  const offered = RESPONSE_TABS.filter((t) => t.offered?.(place) ?? true);
  // The choice is kept when its tab is not offered now: it comes back with the tab.
  const tab = offered.find((t) => t.id === chosen) ?? (RESPONSE_TABS[0] as ResponseTabDef);
  const props = { id, r, events };
  return (
    <>
      <Tablist
        className="tablist response-tabs"
        label="Response"
        testPrefix="response-tab"
        tabs={offered.map((t) => ({ id: t.id, label: t.label(props) }))}
        selected={tab.id}
        onSelect={setResponseTab}
      />
      <div className="response-grid" role="tabpanel" id="response-tab-panel" aria-labelledby={`response-tab-${tab.id}`}>
        <tab.Panel {...props} />
      </div>
    </>
  );
}

export function ResponsePane({ id, r, busy }: { id: string; r: ResponseInfo; busy: boolean }) {
  return (
    <section className="response" aria-label="Response">
      <StatusLine r={r} busy={busy} />
      <AssertionResults id={id} />
      <ScriptTests id={id} finished={r.finished !== undefined} />
      <Transfers id={id} r={r} />
      <ResponseTabs id={id} r={r} />
    </section>
  );
}
