// The composer's Assertions tab: one row per check (its kind, its fields, remove), Add, and
// under a row what is wrong with it. Saved with the request; checked after each send.
import { useState } from 'react';
import { KIND_ORDER, newRow, ROW_KINDS, rowProblem, type AssertionRow, type AssertionRowKind } from './assertion-rows.js';
import './assertions.css';

interface Props {
  rows: AssertionRow[];
  onChange(rows: AssertionRow[]): void;
}

function RowView({ row, index, onChange, onRemove }: { row: AssertionRow; index: number; onChange(r: AssertionRow): void; onRemove(): void }) {
  // A field's problem shows once something was typed in it, or it was left.
  const [left, setLeft] = useState(false);
  const spec = ROW_KINDS[row.kind];
  const problem = rowProblem(row);
  const shown = problem && (left || (problem.field === 'target' ? row.target : row.value) !== '') ? problem : undefined;
  const problemId = `assertion-problem-${index}`;
  const invalid = (field: 'target' | 'value') => (shown?.field === field ? { 'aria-invalid': true, 'aria-describedby': problemId } : {});
  const n = index + 1;
  return (
    <li className="assertion-row" data-testid="assertion-row">
      <div className="assertion-fields" onBlur={() => setLeft(true)}>
        <select data-testid="assertion-kind" aria-label={`Assertion ${n} kind`} value={row.kind} onChange={(e) => onChange({ ...row, kind: e.target.value as AssertionRowKind })}>
          {KIND_ORDER.map((k) => (
            <option key={k} value={k}>
              {ROW_KINDS[k].label}
            </option>
          ))}
        </select>
        <input data-testid="assertion-target" aria-label={`Assertion ${n} ${spec.target.label}`} placeholder={spec.target.placeholder} spellCheck={false} value={row.target} onChange={(e) => onChange({ ...row, target: e.target.value })} {...invalid('target')} />
        {spec.value && (
          <input data-testid="assertion-value" aria-label={`Assertion ${n} ${spec.value.label}`} placeholder={spec.value.placeholder} spellCheck={false} value={row.value} onChange={(e) => onChange({ ...row, value: e.target.value })} {...invalid('value')} />
        )}
        <button type="button" className="btn-icon" data-testid="assertion-remove" aria-label={`Remove assertion ${n}`} title="Remove assertion" onClick={onRemove}>
          ×
        </button>
      </div>
      {shown && (
        <p className="error assertion-problem" id={problemId} role="alert" data-testid="assertion-problem">
          {shown.message}
        </p>
      )}
    </li>
  );
}

export function AssertionsEditor({ rows, onChange }: Props) {
  return (
    <div className="assertions-edit" data-testid="assertions-editor">
      {rows.length === 0 && <p className="muted">No assertions. After each send, the response is checked against the ones added here (and by inetscope run).</p>}
      <ol className="assertion-rows">
        {rows.map((r, i) => (
          <RowView key={i} row={r} index={i} onChange={(row) => onChange(rows.map((x, j) => (j === i ? row : x)))} onRemove={() => onChange(rows.filter((_, j) => j !== i))} />
        ))}
      </ol>
      <button type="button" className="btn btn-small" data-testid="assertion-add" disabled={rows.length >= 100} onClick={() => onChange([...rows, newRow()])}>
        Add assertion
      </button>
    </div>
  );
}
