// The right side of Manage environments: one scope's variables as a table (enabled, name,
// value, secret, delete) with the name's problem under it. A secret's stored value is never
// on the page: its field is empty with a masked placeholder until a new value is typed; only
// a value typed here can be shown, while the eye is held down. A row's value is typed, or
// taken from a response: a saved request, its body (a JSON path), a header, or its status.
import { useState } from 'react';
import type { ChainSourceKind } from '../../../contract/variables.js';
import type { ChainDraft, RowDraft, RowPatch } from './env-model.js';

export type RequestChoice = { path: string; label: string };

const SOURCES: Array<[ChainSourceKind, string]> = [
  ['body', 'body'],
  ['header', 'header'],
  ['status', 'status'],
];

function ChainEditor({ row, from, requests, onChange }: { row: RowDraft; from: ChainDraft; requests: readonly RequestChoice[]; onChange(f: ChainDraft): void }) {
  const label = row.name || 'the new variable';
  // A path that names no request in the tree (renamed, or typed in a file) stays shown.
  const known = from.request === '' || requests.some((r) => r.path === from.request);
  return (
    <span className="env-chain" data-testid="env-chain">
      <select data-testid="env-chain-request" aria-label={`Request whose response gives ${label}`} value={from.request} onChange={(e) => onChange({ ...from, request: e.target.value })}>
        <option value="">(choose a request)</option>
        {!known && <option value={from.request}>{from.request} (not in the workspace)</option>}
        {requests.map((r) => (
          <option key={r.path} value={r.path}>
            {r.label}
          </option>
        ))}
      </select>
      <select data-testid="env-chain-source" aria-label={`What of the response gives ${label}`} value={from.source} onChange={(e) => onChange({ ...from, source: e.target.value as ChainSourceKind })}>
        {SOURCES.map(([k, text]) => (
          <option key={k} value={k}>
            {text}
          </option>
        ))}
      </select>
      {from.source !== 'status' && (
        <input
          data-testid="env-chain-path"
          aria-label={from.source === 'body' ? `JSON path of ${label}` : `Header name of ${label}`}
          spellCheck={false}
          placeholder={from.source === 'body' ? '$.token' : 'X-Token'}
          value={from.path}
          onChange={(e) => onChange({ ...from, path: e.target.value })}
        />
      )}
    </span>
  );
}

function ValueCell({ row, requests, onChange }: { row: RowDraft; requests: readonly RequestChoice[]; onChange(p: RowPatch): void }) {
  const label = row.name || 'the new variable';
  const kind = (
    <select
      className="env-kind"
      data-testid="env-var-kind"
      aria-label={`Where the value of ${label} comes from`}
      title="Value: typed here. Response: taken at send time from the latest response of a saved request"
      value={row.from ? 'response' : 'value'}
      onChange={(e) => onChange(e.target.value === 'response' ? { from: { request: '', source: 'body', path: '' } } : { from: undefined })}
    >
      <option value="value">Value</option>
      <option value="response">Response</option>
    </select>
  );
  let editor;
  if (row.from) editor = <ChainEditor row={row} from={row.from} requests={requests} onChange={(from) => onChange({ from })} />;
  else if (row.secret) editor = <SecretValue row={row} onChange={(value) => onChange({ value })} />;
  else editor = <input data-testid="env-var-value" aria-label={`Value of ${label}`} spellCheck={false} placeholder="value" value={row.value} onChange={(e) => onChange({ value: e.target.value })} />;
  return (
    <span className="env-value">
      {kind}
      {editor}
    </span>
  );
}

const STORED = '•••••••• (stored: type to replace)';

/** Drawn, not an emoji: a page's fonts may have none. */
function EyeIcon() {
  return (
    <svg className="env-eye" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M1.5 12S5.5 5 12 5s10.5 7 10.5 7-4 7-10.5 7S1.5 12 1.5 12z" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <circle cx="12" cy="12" r="3.2" fill="currentColor" />
    </svg>
  );
}

function SecretValue({ row, onChange }: { row: RowDraft; onChange(value: string): void }) {
  const [shown, setShown] = useState(false);
  const canShow = row.typed && row.value !== '';
  return (
    <span className="env-secret">
      <input
        type={shown && canShow ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        data-testid="env-var-value"
        aria-label={`Secret value of ${row.name || 'the new variable'}`}
        placeholder={row.stored && !row.typed ? STORED : 'secret value'}
        value={row.typed ? row.value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
      {canShow && (
        <button
          type="button"
          className="btn-icon"
          data-testid="env-var-reveal"
          aria-label="Show the value while pressed"
          title="Show the value typed here while pressed"
          onPointerDown={() => setShown(true)}
          onPointerUp={() => setShown(false)}
          onPointerLeave={() => setShown(false)}
          onBlur={() => setShown(false)}
        >
          <EyeIcon />
        </button>
      )}
    </span>
  );
}

function Row({ row, problem, requests, onChange, onDelete }: { row: RowDraft; problem?: string; requests: readonly RequestChoice[]; onChange(p: RowPatch): void; onDelete(): void }) {
  const label = row.name || 'the new variable';
  return (
    <tr data-testid="env-row" data-row={row.id} className={row.enabled ? undefined : 'env-off'}>
      <td>
        <input type="checkbox" data-testid="env-var-enabled" aria-label={`${label} enabled`} checked={row.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} />
      </td>
      <td>
        <input
          className="env-name"
          data-testid="env-var-name"
          aria-label="Variable name"
          aria-invalid={problem !== undefined}
          spellCheck={false}
          placeholder="name"
          value={row.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        {problem && (
          <span className="error env-problem" role="alert" data-testid="env-var-problem">
            {problem}
          </span>
        )}
      </td>
      <td>
        <ValueCell row={row} requests={requests} onChange={onChange} />
      </td>
      <td className="env-center">
        <input
          type="checkbox"
          data-testid="env-var-secret"
          aria-label={`${label} is secret`}
          title={row.from ? 'A value from a response is not stored: it cannot be a secret' : 'Secret: kept outside the workspace folder (per user), masked, left out of exports'}
          disabled={row.from !== undefined}
          checked={row.secret}
          onChange={(e) => onChange({ secret: e.target.checked })}
        />
      </td>
      <td>
        <button type="button" className="btn-icon" data-testid="env-var-delete" aria-label={`Delete ${label}`} title="Delete this variable" onClick={onDelete}>
          ×
        </button>
      </td>
    </tr>
  );
}

export function VariableTable(props: { rows: RowDraft[]; problems: Record<number, string>; requests: readonly RequestChoice[]; onChange(rowId: number, p: RowPatch): void; onDelete(rowId: number): void; onAdd(): void }) {
  const { rows, problems } = props;
  return (
    <div className="env-table-box">
      <table className="env-table" data-testid="env-table">
        <thead>
          <tr>
            <th className="env-col-check" title="Enabled">On</th>
            <th>Name</th>
            <th>Value</th>
            <th className="env-col-check">Secret</th>
            <th className="env-col-check" aria-label="Delete" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} row={r} problem={problems[r.id]} requests={props.requests} onChange={(p) => props.onChange(r.id, p)} onDelete={() => props.onDelete(r.id)} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted env-empty">No variables here yet.</p>}
      <button type="button" className="btn btn-small" data-testid="env-add-variable" onClick={props.onAdd}>
        + Add variable
      </button>
    </div>
  );
}
