// The response: status line, time and size, upload and download progress, headers and the
// body, shown from the final headers on (the raw and hex views read the body as it streams).
import { useState } from 'react';
import type { ResponseInfo } from './response-model.js';
import { formatBytes, formatMs, parseHeaders, statusText } from '../format.js';
import { saveResponse } from './save-response.js';
import { usePlatform } from '../platform/platform-context.js';
import { useBody } from './use-body.js';
import { useDecoding, type Decoding } from './use-decoding.js';
import { BodyViewers } from '../viewers/BodyViewers.js';
import { contentTypeOf } from '../viewers/kinds.js';
import { Progress } from './Progress.js';
import { ResponseCookies } from '../cookies/ResponseCookies.js';
import { ScriptTests } from '../scripts/ScriptTests.js';
import { AssertionResults } from '../assertions/AssertionResults.js';
import { TlsSection, TlsSummary } from '../tls/TlsSection.js';

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

/** Header name/value pairs, one row each (also a caught request's). */
export function HeadersTable({ pairs, testId }: { pairs: ReadonlyArray<[string, string]>; testId?: string }) {
  return (
    <table className="headers-view" data-testid={testId}>
      <tbody>
        {pairs.map(([n, v], i) => (
          <tr key={i}>
            <th scope="row">{n}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const HeadersView = ({ raw, title }: { raw: string; title: string }) => (
  <div className="pane">
    <h2>{title}</h2>
    <HeadersTable pairs={parseHeaders(raw)} testId={title === 'Response headers' ? 'response-headers' : undefined} />
  </div>
);

interface BodyProps {
  id: string;
  /** The final headers are in (or the request is over): the body can be shown. */
  ready: boolean;
  finished: boolean;
  /** Body bytes reported so far. */
  streamed: number;
  contentType: string | undefined;
  /** The request failed or was cancelled: what the store holds is what arrived before. */
  partial?: string;
}

/** "Decoded | Wire bytes" with both sizes, or why a coded body has no decoded view. */
function DecodingBar({ d }: { d: Decoding }) {
  const i = d.info;
  if (!i?.coding) return null;
  if (i.decodedBytes === undefined) {
    return (
      <p className="error" data-testid="decode-error">
        {`Showing the wire bytes: ${i.decodeError ?? 'the body could not be decoded'}.`}
      </p>
    );
  }
  return (
    <div className="viewer-bar body-decoding" role="toolbar" aria-label="Body bytes" data-testid="body-decoding">
      {(['decoded', 'wire'] as const).map((v) => (
        <button key={v} className={d.view === v ? 'viewer-tab active' : 'viewer-tab'} aria-pressed={d.view === v} data-testid={`body-view-${v}`} onClick={() => d.setView(v)}>
          {v === 'decoded' ? 'Decoded' : 'Wire bytes'}
        </button>
      ))}
      <span className="muted" data-testid="body-sizes">{`${formatBytes(i.decodedBytes)} decoded · ${formatBytes(i.wireBytes)} ${i.coding}`}</span>
    </div>
  );
}

function BodyView({ id, ready, finished, streamed, contentType, partial }: BodyProps) {
  const platform = usePlatform();
  const decoding = useDecoding(id, finished);
  const body = useBody(id, ready, finished, streamed, 'readBodySlice', decoding.view);
  const [saved, setSaved] = useState('');
  // Over with no body byte: say so, rather than an empty viewer with Save and Search.
  if (finished && streamed === 0 && body.total === 0 && !body.error) {
    return (
      <div className="pane body-pane">
        <h2>Body</h2>
        <p className="muted" data-testid="no-body">
          No body
        </p>
      </div>
    );
  }
  return (
    <div className="pane body-pane">
      <h2>
        Body
        <span className="muted">{body.total > 0 ? ` ${formatBytes(body.total)}` : ''}</span>
        {partial && body.total > 0 && (
          <span className="body-partial" data-testid="body-partial" title={`The bytes that arrived before the request ${partial}`}>
            {`partial: ${partial}`}
          </span>
        )}
        <button
          className="btn btn-small"
          data-testid="save-button"
          disabled={!finished || body.unavailable !== undefined}
          title={body.unavailable ? `Nothing to save: ${body.error ?? ''}` : undefined}
          onClick={() => void saveResponse(platform, id, 'saveBody', decoding.view).then(setSaved)}
        >
          {decoding.view === 'decoded' ? 'Save decoded…' : decoding.info?.coding ? 'Save wire bytes…' : 'Save response…'}
        </button>
      </h2>
      <DecodingBar d={decoding} />
      {saved && <p className="muted" data-testid="save-result">{saved}</p>}
      {body.error && (
        <p className={body.unavailable === 'not-imported' ? 'body-note' : 'error'} data-testid="body-error" data-reason={body.unavailable}>
          {body.error}
        </p>
      )}
      {/* A body that cannot be had is said so above: no empty viewer, no endless "Loading…". */}
      {!body.error && (
        <div data-testid="response-body" className="response-body">
          {body.cache ? (
            <BodyViewers cache={body.cache} total={body.total} complete={body.complete} contentType={contentType} />
          ) : (
            <p className="muted">{finished ? 'Loading…' : 'The body shows once the response headers arrive.'}</p>
          )}
        </div>
      )}
    </div>
  );
}

/** Why the stored body is only what arrived, for a request that did not end well. */
function partialOf(r: ResponseInfo): string | undefined {
  const f = r.finished;
  if (!f || f.ok) return undefined;
  return f.error?.code === 'CANCELLED' ? 'was cancelled' : 'failed';
}

export function ResponsePane({ id, r, busy }: { id: string; r: ResponseInfo; busy: boolean }) {
  return (
    <section className="response" aria-label="Response">
      <StatusLine r={r} busy={busy} />
      <AssertionResults id={id} />
      <Transfers id={id} r={r} />
      <div className="response-grid">
        <div className="response-side">
          {r.rawHeaders !== undefined && <HeadersView raw={r.rawHeaders} title="Response headers" />}
          {r.requestHeaders !== undefined && <HeadersView raw={r.requestHeaders} title="Request headers" />}
          <TlsSection events={r.tls} />
          <ResponseCookies id={id} />
          <ScriptTests id={id} finished={r.finished !== undefined} />
        </div>
        <BodyView
          key={id}
          id={id}
          ready={r.status !== undefined || r.finished !== undefined}
          finished={r.finished !== undefined}
          streamed={r.bodyBytes}
          contentType={contentTypeOf(r.rawHeaders)}
          partial={partialOf(r)}
        />
      </div>
    </section>
  );
}
