// The Headers tab (each hop's response headers and the request headers as sent) and the
// Raw exchange tab (the same heads as text, to read or copy whole).
import type { InetEvent } from '../../../contract/events.js';
import { parseHeaders } from '../format.js';
import { hopHeads, rawExchange } from './hop-heads.js';

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

const NO_HEADS = <p className="muted">The headers show once the response head arrives.</p>;

export function HeadersTab({ events }: { events: readonly InetEvent[] }) {
  const heads = hopHeads(events);
  if (heads.length === 0) return NO_HEADS;
  const last = heads.length - 1;
  return (
    <div className="heads" data-testid="headers-tab">
      {heads.map((h, i) => (
        <section key={h.hop} className="hop-heads" aria-label={`Hop ${h.hop}`}>
          {heads.length > 1 && <h3 className="hop-heads-title">{`Hop ${h.hop}: ${h.statusLine}`}</h3>}
          <div className="pane">
            <h2>Response headers</h2>
            <HeadersTable pairs={parseHeaders(h.response)} testId={i === last ? 'response-headers' : undefined} />
          </div>
          <div className="pane">
            <h2>Request headers</h2>
            {h.request === undefined ? (
              <p className="muted">The engine did not report the request head it sent.</p>
            ) : (
              <HeadersTable pairs={parseHeaders(h.request)} testId={i === last ? 'request-headers' : undefined} />
            )}
          </div>
        </section>
      ))}
    </div>
  );
}

export function RawExchangeTab({ events }: { events: readonly InetEvent[] }) {
  const heads = hopHeads(events);
  if (heads.length === 0) return NO_HEADS;
  return (
    <pre className="raw-exchange" data-testid="raw-exchange" tabIndex={0} aria-label="Request and response heads">
      {rawExchange(heads)}
    </pre>
  );
}
