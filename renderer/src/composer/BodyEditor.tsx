// The body tab: a mode (none, raw, form, multipart, binary) and its editor.
import type { BodyDraft, BodyMode, FileRef, MultipartRow, RawType } from './body-model.js';
import { FilePicker } from './FilePicker.js';
import { RawEditor } from './RawEditor.js';
import { RowsTable } from './RowsTable.js';
import { useUploadProgress } from './uploader.js';
import './composer.css';

const MODES: Array<[BodyMode, string]> = [
  ['none', 'None'],
  ['raw', 'Raw'],
  ['form', 'Form (urlencoded)'],
  ['multipart', 'Multipart'],
  ['binary', 'Binary file'],
];

interface Props {
  body: BodyDraft;
  text: string;
  onBody: (b: BodyDraft) => void;
  onText: (t: string) => void;
}

function MultipartTable({ rows, onChange }: { rows: MultipartRow[]; onChange: (rows: MultipartRow[]) => void }) {
  const set = (i: number, patch: Partial<MultipartRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = (kind: 'text' | 'file') => onChange([...rows, { name: '', value: '', enabled: true, kind }]);
  return (
    <div data-testid="multipart-table">
      {rows.map((r, i) => (
        <div key={i} className="part-row" data-testid="multipart-row">
          <input type="checkbox" aria-label="Part enabled" checked={r.enabled} onChange={(e) => set(i, { enabled: e.target.checked })} />
          <input aria-label="Part name" placeholder="Name" value={r.name} onChange={(e) => set(i, { name: e.target.value })} />
          {r.kind === 'text' ? (
            <input aria-label="Part value" placeholder="Value" value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
          ) : (
            <>
              <FilePicker file={r.file} testId="multipart-file-input" onPick={(file: FileRef) => set(i, { file })} />
              <input aria-label="Part content type" placeholder="application/octet-stream" value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
            </>
          )}
          <button type="button" className="btn-icon" aria-label="Remove part" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" data-testid="multipart-add-text" onClick={() => add('text')}>
        Add text field
      </button>{' '}
      <button type="button" className="btn btn-small" data-testid="multipart-add-file" onClick={() => add('file')}>
        Add file field
      </button>
    </div>
  );
}

function ModeEditor({ body, text, onBody, onText }: Props) {
  switch (body.mode) {
    case 'none':
      return <p className="muted">No body.</p>;
    case 'raw':
      return (
        <>
          <select data-testid="raw-type-select" aria-label="Content type" value={body.rawType} onChange={(e) => onBody({ ...body, rawType: e.target.value as RawType })}>
            <option value="json">JSON</option>
            <option value="xml">XML</option>
            <option value="text">Text</option>
          </select>
          <RawEditor key={body.rawType} type={body.rawType} value={text} onChange={onText} />
        </>
      );
    case 'form':
      return <RowsTable rows={body.form} onChange={(form) => onBody({ ...body, form })} testId="form-table" what="field" variables />;
    case 'multipart':
      return <MultipartTable rows={body.multipart} onChange={(multipart) => onBody({ ...body, multipart })} />;
    case 'binary':
      return <FilePicker file={body.binary} testId="binary-file-input" onPick={(binary) => onBody({ ...body, binary })} />;
  }
}

export function BodyEditor(props: Props) {
  const progress = useUploadProgress();
  const { body, onBody } = props;
  return (
    <div className="body-editor">
      <select data-testid="body-mode-select" aria-label="Body mode" value={body.mode} onChange={(e) => onBody({ ...body, mode: e.target.value as BodyMode })}>
        {MODES.map(([m, label]) => (
          <option key={m} value={m}>
            {label}
          </option>
        ))}
      </select>
      <ModeEditor {...props} />
      {progress && (
        <p className="muted upload-progress" data-testid="staging-progress" role="status">
          {progress}
        </p>
      )}
    </div>
  );
}
