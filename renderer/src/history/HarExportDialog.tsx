// "Export HAR…": the active exchange, the selected entries or the whole history, with the
// inline-body limit for this export (the setting's value to start with), and whether the
// values of secret variables go in (off: each is written as {{name}}).
import { useEffect, useState } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { closeDialog } from '../dialogs/dialog-store.js';
import { Modal } from '../dialogs/Modal.js';
import { FieldRow } from '../settings/FieldRow.js';
import { useApp } from '../app-store.js';
import { activeTab } from '../tabs/tabs-slice.js';
import { kibText, parseKiB } from '../settings/settings-form.js';
import { exportHar } from './har-actions.js';
import { setReport, useHistory } from './history-store.js';

type Scope = 'active' | 'selection' | 'all';

function useActiveExchange(): string | undefined {
  return useApp((s) => {
    const id = activeTab(s).requestId;
    return id && s.responses[id]?.finished ? id : undefined;
  });
}

function ScopeChoice({ scope, setScope, active, selected, total }: { scope: Scope; setScope: (s: Scope) => void; active?: string; selected: number; total: number }) {
  const choice = (value: Scope, label: string, disabled: boolean) => (
    <label className={`check${disabled ? ' muted' : ''}`}>
      <input type="radio" name="har-scope" data-testid={`har-scope-${value}`} checked={scope === value} disabled={disabled} onChange={() => setScope(value)} /> {label}
    </label>
  );
  return (
    <fieldset className="set-fields har-scope">
      <legend>Export</legend>
      {choice('active', 'the exchange in the active tab', active === undefined)}
      {choice('selection', `the selected entries (${selected})`, selected === 0)}
      {choice('all', `the whole history (${total} entries)`, total === 0)}
    </fieldset>
  );
}

function InlineLimit({ limit, error, onChange }: { limit?: string; error?: string; onChange: (text: string) => void }) {
  return (
    <FieldRow label="Inline bodies up to (KiB)" error={error} hint="larger response bodies are left out of the file (0: none inline)">
      <input data-testid="har-inline-limit" inputMode="decimal" aria-invalid={error !== undefined} value={limit ?? ''} disabled={limit === undefined} onChange={(e) => onChange(e.target.value)} />
    </FieldRow>
  );
}

export function SecretsChoice({ checked, onChange }: { checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="check" title="Off: each secret variable's value is written as {{name}}">
      <input type="checkbox" data-testid="har-include-secrets" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Include the values of secret variables
    </label>
  );
}

export function HarExportDialog() {
  const platform = usePlatform();
  const active = useActiveExchange();
  const selection = useHistory((s) => s.selection.ids);
  const total = useHistory((s) => s.data.total);
  const [scope, setScope] = useState<Scope>(() => (selection.size > 0 ? 'selection' : active ? 'active' : 'all'));
  const [limit, setLimit] = useState<string>();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    platform.call('getSettings', {}).then(
      (s) => setLimit((l) => l ?? kibText(s.harInlineBodyLimitBytes)),
      () => setLimit((l) => l ?? '1024'),
    );
  }, [platform]);
  const parsed = limit === undefined ? undefined : parseKiB(limit, 'Inline bodies up to');
  const limitError = typeof parsed === 'object' ? parsed.error : undefined;
  const run = async (): Promise<void> => {
    if (typeof parsed !== 'number') return;
    const ids = scope === 'active' ? (active ? [active] : []) : scope === 'selection' ? [...selection] : undefined;
    setBusy(true);
    setError(undefined);
    setReport({ kind: 'busy', text: 'Exporting HAR…' });
    const report = await exportHar(platform, ids, parsed, includeSecrets);
    setBusy(false);
    setReport(report);
    if (report.kind === 'error') setError(report.text);
    else closeDialog();
  };
  return (
    <Modal title="Export HAR" testId="har-export-dialog" onClose={() => !busy && closeDialog()}>
      <form
        className="set-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <ScopeChoice scope={scope} setScope={setScope} active={active} selected={selection.size} total={total} />
        <InlineLimit limit={limit} error={limitError} onChange={setLimit} />
        <SecretsChoice checked={includeSecrets} onChange={setIncludeSecrets} />
        {busy && <p className="progress" data-testid="har-exporting">Exporting… (a large history takes a while)</p>}
        {error && (
          <p className="error" role="alert" data-testid="har-export-error">
            {error}
          </p>
        )}
        <div className="modal-buttons">
          <button type="button" className="btn" disabled={busy} onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" data-testid="har-export-run" disabled={busy || typeof parsed !== 'number'}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

