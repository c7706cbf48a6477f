// One caught request: what arrived (request line, headers, body through the same viewers
// as responses, read by slices) and its server-side timeline in one column, the response
// sent in the other; Save body… and Compose (a new request tab from it).
import { useState } from 'react';
import type { CaughtSummary } from '../../../contract/catch.js';
import { usePlatform } from '../platform/platform-context.js';
import { useBody } from '../response/use-body.js';
import { formatBytes } from '../format.js';
import { BodyViewers } from '../viewers/BodyViewers.js';
import { saveResponse } from '../response/save-response.js';
import { HeadersTable } from '../response/HeadsViews.js';
import { composeFromCaught } from './catch-actions.js';
import { useCatch } from './catch-store.js';
import { CatchTimeline } from './CatchTimeline.js';

const NONE: never[] = [];

function CaughtBody({ s }: { s: CaughtSummary }) {
  const platform = usePlatform();
  const finished = s.state !== 'receiving';
  const body = useBody(s.id, true, finished, s.bodyBytes, 'readCaughtBodySlice');
  const [saved, setSaved] = useState('');
  const type = s.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  return (
    <div className="pane catch-body">
      <h2 className="catch-actions">
        Body <span className="muted" data-testid="caught-body-size">{formatBytes(s.bodyBytes)}</span>
        {!s.bodyComplete && finished && (
          <span className="error" data-testid="caught-partial">
            {partialReason(s)}
          </span>
        )}
        <button className="btn btn-small" data-testid="caught-save" disabled={!finished} onClick={() => void saveResponse(platform, s.id, 'saveCaughtBody').then(setSaved)}>
          Save body…
        </button>
      </h2>
      {saved && <p className="muted" data-testid="caught-save-result">{saved}</p>}
      {body.error && <p className="error">{body.error}</p>}
      {s.bodyBytes === 0 && finished ? <p className="muted">No body.</p> : body.cache && <BodyViewers cache={body.cache} total={body.total} complete={body.complete} contentType={type} />}
    </div>
  );
}

function SentResponse({ s }: { s: CaughtSummary }) {
  const r = s.response;
  if (!r) return <p className="muted pane">No response yet.</p>;
  return (
    <div className="pane" data-testid="caught-response">
      <h2>
        Response sent <span className="muted" data-testid="caught-response-status">{r.statusCode ?? '—'}</span>{' '}
        <span className="muted">{`${r.kind === 'refused' ? 'refused by the server' : r.rule < 0 ? 'default summary' : `rule ${r.rule + 1} (${r.kind})`}, ${formatBytes(r.bytes)}`}</span>
      </h2>
      {r.headers && <HeadersTable pairs={r.headers} testId="caught-response-headers" />}
      {r.preview !== undefined && <pre className="catch-preview" data-testid="caught-response-preview">{r.preview}</pre>}
    </div>
  );
}

/** Why a finished request's body is not all the client sent. */
function partialReason(s: CaughtSummary): string {
  const status = s.response?.statusCode;
  if (s.response?.kind === 'refused' && status === 413) return 'partial: over the size limit, not read further (413)';
  if (s.response?.kind === 'refused' && status === 408) return 'partial: no byte for too long (408)';
  return 'partial: the client went away';
}

export function CaughtDetail({ id }: { id: string }) {
  const platform = usePlatform();
  const s = useCatch((st) => st.requests[id]);
  const events = useCatch((st) => st.events[id] ?? NONE);
  if (!s) return <p className="placeholder muted">That request is no longer listed.</p>;
  return (
    <div className="catch-detail" data-testid="caught-detail">
      <div className="catch-detail-left">
        <div className="pane">
          <h2 className="catch-actions">
            <span className="catch-request-line" data-testid="caught-request-line">{`${s.method} ${s.path} HTTP/${s.httpVersion}`}</span>
            <span className="muted">{`from ${s.remote}, ${s.state}`}</span>
            <button className="btn btn-small" data-testid="caught-compose" disabled={s.state === 'receiving'} onClick={() => void composeFromCaught(platform, s.id)}>
              Compose
            </button>
          </h2>
          <HeadersTable pairs={s.headers} testId="caught-headers" />
        </div>
        {/* The caught request's body belongs to the request, not under "Response sent". */}
        <CaughtBody key={s.id} s={s} />
        <CatchTimeline events={events} />
      </div>
      <div className="catch-detail-right">
        <SentResponse s={s} />
      </div>
    </div>
  );
}
