// The response's Cookies section: per hop, the cookies its request sent and those its
// response set (read from the headers as they came), each with whether the jar stored it.
import { useApp } from '../app-store.js';
import { hopCookies, type HopCookies, type SetCookie } from './response-cookies.js';
import './cookies.css';

function Outcome({ c }: { c: SetCookie }) {
  if (!c.outcome) return <span className="muted">not kept (no workspace)</span>;
  if (c.outcome.stored) return <span className="cookie-stored">stored</span>;
  return <span className="cookie-refused">{`not stored: ${c.outcome.reason ?? 'refused'}`}</span>;
}

function Hop({ h, many }: { h: HopCookies; many: boolean }) {
  return (
    <div className="resp-cookies-hop" data-testid="response-cookies-hop" data-hop={h.hop}>
      {many && <h3 className="muted">{`Hop ${h.hop + 1}${h.url ? `: ${h.url}` : ''}`}</h3>}
      <h3>Sent</h3>
      {h.sent.length === 0 ? (
        <p className="muted" data-testid="cookies-sent-none">None</p>
      ) : (
        <table data-testid="cookies-sent">
          <tbody>
            {h.sent.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.name}</th>
                <td className="mono">{c.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Set by the response</h3>
      {h.set.length === 0 ? (
        <p className="muted" data-testid="cookies-set-none">None</p>
      ) : (
        <table data-testid="cookies-set">
          <thead>
            <tr>
              <th>Name</th>
              <th>Value</th>
              <th>Domain</th>
              <th>Path</th>
              <th>Expires</th>
              <th>Flags</th>
              <th>Jar</th>
            </tr>
          </thead>
          <tbody>
            {h.set.map((c, i) => (
              <tr key={i} title={c.header} data-testid="cookie-set-row" data-name={c.name}>
                <td>{c.name}</td>
                <td className="mono">{c.value}</td>
                <td>{c.domain ?? <span className="muted">this host</span>}</td>
                <td>{c.path ?? <span className="muted">default</span>}</td>
                <td>{c.expiry}</td>
                <td>{c.flags.join(' ')}</td>
                <td data-testid="cookie-set-outcome">
                  <Outcome c={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ResponseCookies({ id }: { id: string }) {
  const events = useApp((s) => s.timeline[id]);
  const hops = events ? hopCookies(events) : [];
  if (hops.length === 0) return null;
  return (
    <div className="pane resp-cookies" data-testid="response-cookies">
      <h2>Cookies</h2>
      {hops.map((h) => (
        <Hop key={h.hop} h={h} many={hops.length > 1} />
      ))}
    </div>
  );
}
