// The Cookies view of the sidebar: the jar of the workspace shown (the same switcher as the
// Collections view), live (a push lists it again), grouped per domain with counts; each row
// its name, value (elided), path, expiry and flags, with Edit and Delete; a domain's Add and
// Clear; a search; Add (for the active tab's host) and Clear all. A jar file that could not be used is said at the top.
import { useEffect } from 'react';
import type { Cookie } from '../../../contract/cookies.js';
import { appStore, useApp } from '../app-store.js';
import { activeTab } from '../tabs/tabs-slice.js';
import { WorkspaceSwitcher } from '../collections/WorkspaceSwitcher.js';
import { usePlatform } from '../platform/platform-context.js';
import { ReportLine } from '../sidebar/ReportLine.js';
import { clearCookies, deleteCookie, watchCookies } from './cookie-actions.js';
import { elide, expiryText, flagsOf, groupByDomain, hostOfUrl, keyText, type DomainGroup } from './cookie-model.js';
import { ClearConfirm, CookieDialog } from './CookieDialog.js';
import { cookiesStore, useCookies } from './cookies-store.js';
import './cookies.css';

function CookieRow({ id, c }: { id: string; c: Cookie }) {
  const platform = usePlatform();
  const flags = flagsOf(c);
  return (
    <li className="cookie-row" data-testid="cookie-row" data-name={c.name} data-domain={c.domain}>
      <div className="cookie-main">
        <span className="cookie-name">{c.name}</span>
        <span className="cookie-value" title={c.value} data-testid="cookie-row-value">
          {elide(c.value)}
        </span>
      </div>
      <div className="cookie-meta muted">
        <span title="Path">{c.path}</span>
        <span title={c.expires === undefined ? 'Kept until the jar is cleared' : 'Expires'} data-testid="cookie-row-expiry">
          {expiryText(c.expires)}
        </span>
        {flags.map((f) => (
          <span key={f} className="cookie-flag">
            {f}
          </span>
        ))}
        <span className="cookie-actions">
          <button type="button" className="btn-icon" data-testid="cookie-edit" aria-label={`Edit ${c.name}`} title="Edit" onClick={() => cookiesStore.setState({ editing: { cookie: c } })}>
            ✎
          </button>
          <button type="button" className="btn-icon" data-testid="cookie-delete" aria-label={`Delete ${c.name}`} title="Delete" onClick={() => void deleteCookie(platform, id, c)}>
            ×
          </button>
        </span>
      </div>
    </li>
  );
}

function DomainSection({ id, g }: { id: string; g: DomainGroup }) {
  return (
    <section className="cookie-domain" data-testid="cookie-domain" data-domain={g.domain} aria-label={`Cookies of ${g.domain}`}>
      <h3 className="cookie-domain-head">
        <span className="cookie-domain-name">{g.domain}</span>
        <span className="muted cookie-count" data-testid="cookie-domain-count">
          {g.cookies.length}
        </span>
        <button type="button" className="btn btn-small" data-testid="cookie-domain-add" aria-label={`Add a cookie to ${g.domain}`} onClick={() => cookiesStore.setState({ editing: { domain: g.domain } })}>
          Add
        </button>
        <button type="button" className="btn btn-small" data-testid="cookie-domain-clear" aria-label={`Clear the cookies of ${g.domain}`} onClick={() => cookiesStore.setState({ confirmClear: { domain: g.domain } })}>
          Clear
        </button>
      </h3>
      <ul>
        {g.cookies.map((c) => (
          <CookieRow key={keyText(c)} id={id} c={c} />
        ))}
      </ul>
    </section>
  );
}

function Dialogs({ id }: { id: string }) {
  const platform = usePlatform();
  const editing = useCookies((s) => s.editing);
  const confirm = useCookies((s) => s.confirmClear);
  const cookies = useCookies((s) => s.cookies);
  if (editing) return <CookieDialog key={editing.cookie ? keyText(editing.cookie) : 'new'} id={id} cookie={editing.cookie} domain={editing.domain} />;
  if (!confirm) return null;
  const count = confirm.domain === undefined ? cookies.length : cookies.filter((c) => c.domain === confirm.domain).length;
  const go = () => {
    cookiesStore.setState({ confirmClear: undefined });
    void clearCookies(platform, id, confirm.domain);
  };
  return <ClearConfirm domain={confirm.domain} count={count} onConfirm={go} />;
}

function JarList({ id }: { id: string }) {
  const listed = useCookies((s) => s.id === id);
  const cookies = useCookies((s) => s.cookies);
  const query = useCookies((s) => s.query);
  if (!listed) return <p className="muted cookie-empty">Reading the cookies…</p>;
  const groups = groupByDomain(cookies, query);
  if (groups.length === 0) {
    return (
      <p className="muted cookie-empty" data-testid="cookies-empty">
        {cookies.length === 0 ? 'No cookies yet: a response that sets one puts it here.' : 'No cookie matches the search.'}
      </p>
    );
  }
  return (
    <div className="cookie-list" data-testid="cookie-list">
      {groups.map((g) => (
        <DomainSection key={g.domain} id={id} g={g} />
      ))}
    </div>
  );
}

export function CookiesPanel() {
  const platform = usePlatform();
  const id = useApp((s) => s.workspaceId);
  const total = useCookies((s) => (s.id === id ? s.cookies.length : 0));
  const problem = useCookies((s) => (s.id === id ? s.problem : undefined));
  const query = useCookies((s) => s.query);
  const report = useCookies((s) => s.report);
  useEffect(() => (id === undefined ? undefined : watchCookies(platform, id)), [platform, id]);
  return (
    <section className="cookies" data-testid="cookies" aria-label="Cookies">
      <WorkspaceSwitcher />
      <input
        type="search"
        className="coll-search"
        data-testid="cookies-search"
        aria-label="Search the cookies"
        placeholder="Search names, values, domains"
        spellCheck={false}
        value={query}
        onChange={(e) => cookiesStore.setState({ query: e.target.value })}
      />
      <div className="coll-toolbar">
        <button type="button" className="btn btn-small" data-testid="cookie-add" disabled={id === undefined} onClick={() => cookiesStore.setState({ editing: { domain: hostOfUrl(activeTab(appStore.getState()).draft.url) } })}>
          Add cookie
        </button>
        <button type="button" className="btn btn-small" data-testid="cookies-clear-all" disabled={total === 0} onClick={() => cookiesStore.setState({ confirmClear: {} })}>
          Clear all
        </button>
        <span className="muted coll-hint" data-testid="cookies-count">{`${total} ${total === 1 ? 'cookie' : 'cookies'}`}</span>
      </div>
      {problem && (
        <p className="error cookie-problem" role="alert" data-testid="cookies-problem">
          {problem}
        </p>
      )}
      <ReportLine report={report} testId="cookies-report" onDismiss={() => cookiesStore.setState({ report: undefined })} />
      {id === undefined ? <p className="muted cookie-empty">Connecting to the core…</p> : <JarList id={id} />}
      {id !== undefined && <Dialogs id={id} />}
    </section>
  );
}
