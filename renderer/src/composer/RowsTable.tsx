// An editable list of name/value rows with an enabled box: headers, query parameters, form fields.
import type { KeyValueRow } from './url-params.js';
import { VariableInput } from '../variables/VariableInput.js';
import './composer.css';

interface Props {
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  testId: string;
  what: string;
  /** Values hold {{variables}}: highlighted (headers, query parameters, form fields). */
  variables?: boolean;
}

export function RowsTable({ rows, onChange, testId, what, variables }: Props) {
  const ValueInput = variables ? VariableInput : 'input';
  const set = (i: number, patch: Partial<KeyValueRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const title = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  return (
    <table className="headers-edit rows-edit" data-testid={testId}>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-testid={`${testId}-row`}>
            <td className="cell-check">
              <input type="checkbox" aria-label={`${title} enabled`} checked={r.enabled} onChange={(e) => set(i, { enabled: e.target.checked })} />
            </td>
            <td>
              <input aria-label={`${title} name`} placeholder="Name" spellCheck={false} value={r.name} onChange={(e) => set(i, { name: e.target.value })} />
            </td>
            <td>
              <ValueInput aria-label={`${title} value`} placeholder="Value" spellCheck={false} value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
            </td>
            <td className="cell-check">
              <button type="button" className="btn-icon" aria-label={`Remove ${what}`} title={`Remove ${what}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>
            <button type="button" className="btn btn-small" data-testid={`${testId}-add`} onClick={() => onChange([...rows, { name: '', value: '', enabled: true }])}>
              Add {what}
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
