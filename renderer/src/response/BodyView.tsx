// The Body tab: the body's size, Save, the decoded/wire switch and the viewers; "No body"
// for an exchange over with no body byte, and why when the body cannot be had.
import { useCallback, useState } from 'react';
import { formatBytes } from '../format.js';
import { saveResponse } from './save-response.js';
import { usePlatform } from '../platform/platform-context.js';
import { useBody } from './use-body.js';
import { useDecoding, type Decoding } from './use-decoding.js';
import { BodyViewers } from '../viewers/BodyViewers.js';
import type { QueryFinder } from '../viewers/core-find.js';
import type { JsonFilterRun } from '../viewers/JsonFilter.js';
import { CopyBody } from './CopyBody.js';

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

export function BodyView({ id, ready, finished, streamed, contentType, partial }: BodyProps) {
  const platform = usePlatform();
  const decoding = useDecoding(id, finished);
  const body = useBody(id, ready, finished, streamed, 'readBodySlice', decoding.view);
  const [saved, setSaved] = useState('');
  const view = decoding.view;
  const filter = useCallback<JsonFilterRun>((path) => platform.call('filterJsonBody', { id, view, path }), [platform, id, view]);
  const find = useCallback<QueryFinder>((query, from, direction) => platform.call('searchBody', { id, view, query, from, direction }), [platform, id, view]);
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
        <CopyBody cache={body.cache} total={body.total} complete={finished && body.complete} />
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
            <BodyViewers cache={body.cache} total={body.total} complete={body.complete} contentType={contentType} find={find} filter={filter} />
          ) : (
            <p className="muted">{finished ? 'Loading…' : 'The body shows once the response headers arrive.'}</p>
          )}
        </div>
      )}
    </div>
  );
}

