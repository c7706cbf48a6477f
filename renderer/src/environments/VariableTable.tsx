// The right side of Manage environments: one scope's variables as a table (enabled, name,
// value, secret, delete) with the name's problem under it. A secret's stored value is never
// on the page: its field is empty with a masked placeholder until a new value is typed; only
// a value typed here can be shown, while the eye is held down.
import { useState } from 'react';
import type { RowDraft, RowPatch } from './env-model.js';

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

function Row({ row, problem, onChange, onDelete }: { row: RowDraft; problem?: string; onChange(p: RowPatch): void; onDelete(): void }) {
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
        {row.secret ? (
          <SecretValue row={row} onChange={(value) => onChange({ value })} />
        ) : (
          <input data-testid="env-var-value" aria-label={`Value of ${label}`} spellCheck={false} placeholder="value" value={row.value} onChange={(e) => onChange({ value: e.target.value })} />
        )}
      </td>
      <td className="env-center">
        <input type="checkbox" data-testid="env-var-secret" aria-label={`${label} is secret`} title="Secret: kept outside the workspace folder (per user), masked, left out of exports" checked={row.secret} onChange={(e) => onChange({ secret: e.target.checked })} />
      </td>
      <td>
        <button type="button" className="btn-icon" data-testid="env-var-delete" aria-label={`Delete ${label}`} title="Delete this variable" onClick={onDelete}>
          ×
        </button>
      </td>
    </tr>
  );
}

export function VariableTable(props: { rows: RowDraft[]; problems: Record<number, string>; onChange(rowId: number, p: RowPatch): void; onDelete(rowId: number): void; onAdd(): void }) {
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
            <Row key={r.id} row={r} problem={problems[r.id]} onChange={(p) => props.onChange(r.id, p)} onDelete={() => props.onDelete(r.id)} />
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
