// The Catch panel: start/stop the catch server (host, port; a warning off loopback), its
// URL to copy, the response rules, the caught requests live (newest first), and the
// selected one in detail.
import { useEffect, useState } from 'react';
import type { CaughtSummary } from '../../../contract/catch.js';
import { usePlatform } from '../platform/platform-context.js';
import { copyText } from '../timeline/clipboard.js';
import { formatBytes } from '../format.js';
import { appStore } from '../app-store.js';
import { refreshCatch, selectCaught, startCatch, stopCatch } from './catch-actions.js';
import { catchStore, useCatch } from './catch-store.js';
import { CaughtDetail } from './CaughtDetail.js';
import { DEFAULT_LIMITS_TEXT, parseLimits } from './catch-limits.js';
import { LimitsEditor } from './LimitsEditor.js';
import { parseRulesText, RulesEditor } from './RulesEditor.js';
import './catch.css';

const isLoopbackHost = (h: string): boolean => h === '' || h === 'localhost' || h === '::1' || /^127\./.test(h);

function Controls({ rulesText }: { rulesText: string }) {
  const platform = usePlatform();
  const status = useCatch((s) => s.status);
  const error = useCatch((s) => s.error);
  const [host, setHost] = useState('127.0.0.1');
  const [port, setPort] = useState('');
  const [copied, setCopied] = useState('');
  const [limitsText, setLimitsText] = useState(DEFAULT_LIMITS_TEXT);
  const start = () => {
    const parsed = parseRulesText(rulesText);
    if ('error' in parsed) return catchStore.getState().setError(parsed.error);
    const limits = parseLimits(limitsText);
    if ('error' in limits) return catchStore.getState().setError(limits.error);
    void startCatch(platform, host, port, parsed.rules, limits.limits);
  };
  return (
    <div className="catch-controls">
      <input aria-label="Host" data-testid="catch-host" value={host} disabled={status.running} onChange={(e) => setHost(e.target.value)} />
      <input aria-label="Port" className="catch-port" data-testid="catch-port" placeholder="any" value={port} disabled={status.running} onChange={(e) => setPort(e.target.value)} />
      {status.running ? (
        <button className="btn btn-cancel" data-testid="catch-stop" onClick={() => void stopCatch(platform)}>Stop</button>
      ) : (
        <button className="btn btn-primary" data-testid="catch-start" onClick={start}>Start</button>
      )}
      {!status.running && !isLoopbackHost(host.trim()) && <p className="catch-warning">Another address than loopback: other machines will be able to send requests here.</p>}
      {status.running && (
        <>
          <span className="catch-url" data-testid="catch-url">{status.url}</span>
          <button className="btn btn-small" onClick={() => void copyText(status.url).then((ok) => setCopied(ok ? 'copied' : 'select the URL to copy it'))}>Copy</button>
          <span className="muted">{copied}</span>
          {!status.loopback && <p className="catch-warning" data-testid="catch-exposed">Listening on {status.host}: reachable from other machines.</p>}
        </>
      )}
      <LimitsEditor text={limitsText} onChange={setLimitsText} status={status} />
      {error && <p className="error" data-testid="catch-error">{error}</p>}
    </div>
  );
}

function Item({ s, selected }: { s: CaughtSummary; selected: boolean }) {
  const platform = usePlatform();
  return (
    <li
      className={`catch-item${selected ? ' selected' : ''}${s.state === 'aborted' ? ' aborted' : ''}`}
      data-testid="caught-item"
      data-state={s.state}
      aria-selected={selected}
      onClick={() => void selectCaught(platform, s.id)}
    >
      <span>{s.method}</span>
      <span className="catch-path" title={s.path}>{s.path}</span>
      <span>{s.response?.statusCode ?? ''}</span>
      <span className="catch-state">{s.state === 'receiving' ? formatBytes(s.bodyBytes) : s.state}</span>
    </li>
  );
}

function CaughtList() {
  const order = useCatch((s) => s.order);
  const requests = useCatch((s) => s.requests);
  const selected = useCatch((s) => s.selected);
  if (order.length === 0) return <p className="placeholder muted">Requests sent to the catch server show up here as they arrive.</p>;
  return (
    <ul className="catch-list" data-testid="caught-list" aria-label="Caught requests">
      {order.map((id) => requests[id] && <Item key={id} s={requests[id]} selected={id === selected} />)}
    </ul>
  );
}

export function CatchPanel() {
  const platform = usePlatform();
  const selected = useCatch((s) => s.selected);
  const rulesText = useCatch((s) => s.rulesText);
  const setRulesText = useCatch((s) => s.setRulesText);
  useEffect(() => void refreshCatch(platform), [platform]);
  // Picking a request tab (or a new one) leaves the panel.
  useEffect(() => appStore.subscribe((s, prev) => s.activeTab !== prev.activeTab && catchStore.getState().setOpen(false)), []);
  return (
    <div className="catch-panel" data-testid="catch-panel">
      <div className="catch-side">
        <Controls rulesText={rulesText} />
        <RulesEditor text={rulesText} setText={setRulesText} />
        <CaughtList />
      </div>
      {selected ? <CaughtDetail id={selected} /> : <p className="placeholder muted">Select a caught request to see what arrived, its server-side timeline and the response sent.</p>}
    </div>
  );
}

/** The top bar's switch between the request tabs and the Catch panel. */
export function CatchToggle() {
  const open = useCatch((s) => s.open);
  const running = useCatch((s) => s.status.running);
  return (
    <button className={`btn btn-small view-toggle${open ? ' active' : ''}`} data-testid="catch-toggle" aria-pressed={open} onClick={() => catchStore.getState().setOpen(!open)}>
      {running ? 'Catch ●' : 'Catch'}
    </button>
  );
}
