// The export dialog of the workspace's and folders' menus: what is exported, for HAR the
// environment its {{variables}} resolve against (the one chosen in the top bar to start with),
// for an environment export which one, and the same secrets choice as the history's HAR
// export (off: a secret's value is left out). What the other format cannot hold is listed
// after the export, per item, before the dialog closes.
import { useState } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { useApp } from '../app-store.js';
import { closeDialog, useOpenDialog, type ExportKind } from '../dialogs/dialog-store.js';
import { Modal } from '../dialogs/Modal.js';
import { FieldRow } from '../settings/FieldRow.js';
import { SecretsChoice } from '../history/HarExportDialog.js';
import { environmentOf } from './collections-slice.js';
import { runExport, type ExportOutcome } from './export-actions.js';
import { report } from './ui-store.js';

const TITLES: Record<ExportKind, string> = { postman: 'Export as Postman collection', har: 'Export as HAR', environment: 'Export environment for Postman' };
const HINTS: Record<ExportKind, string> = {
  postman: 'A Postman v2.1 collection: folders as folders, the variables of the workspace and of each folder with them. Assertions and scripts are not part of it.',
  har: 'HAR 1.2: one entry per saved request in collection order, as it would be sent now, with its latest response from the history (a request never sent has status 0).',
  environment: 'A Postman environment file, one environment per file.',
};

function EnvironmentChoice({ value, names, onChange, none }: { value?: string; names: string[]; onChange(v: string | undefined): void; none?: string }) {
  return (
    <FieldRow label={none ? 'Resolve {{variables}} with' : 'Environment'}>
      <select data-testid="export-environment" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {none && <option value="">{none}</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

/** HAR: the environment to resolve with (or none); an environment export: which one. */
function Choices({ kind, names, environment, setEnvironment }: { kind: ExportKind; names: string[]; environment?: string; setEnvironment(v: string | undefined): void }) {
  if (kind === 'har') return <EnvironmentChoice value={environment} names={names} onChange={setEnvironment} none="No environment" />;
  if (kind !== 'environment') return null;
  if (names.length === 0) return <p data-testid="export-no-environment">This workspace has no environments yet: add one in Manage environments….</p>;
  return <EnvironmentChoice value={environment} names={names} onChange={setEnvironment} />;
}

function Notes({ outcome }: { outcome: ExportOutcome }) {
  return (
    <>
      <p data-testid="export-summary">{outcome.text}. Not carried over as is:</p>
      <ul className="import-notes" data-testid="export-notes">
        {outcome.notes.slice(0, 300).map((n, i) => (
          <li key={i} data-testid="export-note" data-path={n.path}>
            <code>{n.path === '' ? 'the workspace' : n.path}</code> {n.note}
          </li>
        ))}
      </ul>
    </>
  );
}

export function CollectionExportDialog() {
  const platform = usePlatform();
  const target = useOpenDialog()?.collectionExport;
  const id = useApp((s) => s.workspaceId);
  const tree = useApp((s) => (id !== undefined ? s.trees[id] : undefined));
  const chosen = useApp((s) => (id !== undefined ? environmentOf(s, id) : undefined));
  const names = (tree?.environments ?? []).map((e) => e.name);
  const [environment, setEnvironment] = useState<string | undefined>(() => (target?.kind === 'environment' ? (chosen ?? names[0]) : chosen));
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome>();
  if (!target || id === undefined || !tree) return null;
  const { kind, folder } = target;
  const what = folder === '' ? `the workspace ${tree.info.name}` : `the folder ${tree.items.find((i) => i.path === folder)?.name ?? folder}`;
  const requests = tree.items.filter((i) => i.kind === 'request' && (folder === '' || i.path.startsWith(`${folder}/`))).length;
  const run = async (): Promise<void> => {
    setBusy(true);
    report({ kind: 'busy', text: `${TITLES[kind]}…` });
    const out = await runExport(platform, { kind, workspaceId: id, folder, environment, includeSecrets });
    setBusy(false);
    report({ kind: out.kind, text: out.text });
    if (out.kind === 'error' || out.notes.length > 0) setOutcome(out);
    else closeDialog();
  };
  return (
    <Modal title={TITLES[kind]} testId="collection-export-dialog" onClose={() => !busy && closeDialog()}>
      <form className="set-dialog" onSubmit={(e) => (e.preventDefault(), void run())}>
        {outcome?.kind === 'info' ? (
          <Notes outcome={outcome} />
        ) : (
          <>
            <p data-testid="export-what">{kind === 'environment' ? `An environment of ${tree.info.name}.` : `Exports ${what} (${requests} ${requests === 1 ? 'request' : 'requests'}).`}</p>
            <p className="muted">{HINTS[kind]}</p>
            <Choices kind={kind} names={names} environment={environment} setEnvironment={setEnvironment} />
            <SecretsChoice checked={includeSecrets} onChange={setIncludeSecrets} />
            {outcome && (
              <p className="error" role="alert" data-testid="export-error">
                {outcome.text}
              </p>
            )}
          </>
        )}
        <div className="modal-buttons">
          <button type="button" className="btn" disabled={busy} data-testid="export-close" onClick={closeDialog}>
            {outcome?.kind === 'info' ? 'Close' : 'Cancel'}
          </button>
          {outcome?.kind !== 'info' && (
            <button type="submit" className="btn btn-primary" data-testid="export-run" disabled={busy || (kind === 'environment' && environment === undefined)}>
              {busy ? 'Exporting…' : 'Export'}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
