// Settings (Ctrl/Cmd+,): stored-bodies limit, HAR inline-body limit, default engine, theme
// and, where saving does not ask where (browser mode), the downloads folder (shown read-only:
// it is fixed where the server starts, never by the page). Checked as typed, saved through setSettings.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../contract/api.js';
import { usePlatform } from '../platform/platform-context.js';
import { closeDialog } from '../dialogs/dialog-store.js';
import { EngineSelect } from '../composer/EngineSelect.js';
import { DialogButtons } from '../dialogs/DialogButtons.js';
import { DialogForm } from '../dialogs/DialogForm.js';
import { FieldRow } from './FieldRow.js';
import { describeError } from '../platform/index.js';
import { appStore } from '../app-store.js';
import { activeTab, isBlankTab } from '../tabs/tabs-slice.js';
import { BODY_STORE_MAX_MIB, BODY_STORE_MIN_MIB, formFromSettings, HAR_INLINE_MAX_KIB, settingsFromForm, type FieldErrors, type SettingsForm } from './settings-form.js';

function Fields({ form, errors, set, downloads }: { form: SettingsForm; errors: FieldErrors; set: (p: Partial<SettingsForm>) => void; downloads: boolean }) {
  return (
    <div className="set-fields">
      <FieldRow label="Stored bodies limit (MiB)" error={errors.bodyStoreLimitMiB} hint={`${BODY_STORE_MIN_MIB}–${BODY_STORE_MAX_MIB}; the oldest bodies are deleted above it`}>
        <input data-testid="settings-body-limit" inputMode="numeric" aria-invalid={errors.bodyStoreLimitMiB !== undefined} value={form.bodyStoreLimitMiB} onChange={(e) => set({ bodyStoreLimitMiB: e.target.value })} />
      </FieldRow>
      <FieldRow label="HAR inline-body limit (KiB)" error={errors.harInlineKiB} hint={`0–${HAR_INLINE_MAX_KIB}; larger bodies are left out of exported HAR files`}>
        <input data-testid="settings-har-limit" inputMode="decimal" aria-invalid={errors.harInlineKiB !== undefined} value={form.harInlineKiB} onChange={(e) => set({ harInlineKiB: e.target.value })} />
      </FieldRow>
      <FieldRow label="Default engine">
        <EngineSelect testId="settings-engine" value={form.defaultEngine} onChange={(defaultEngine) => set({ defaultEngine })} />
      </FieldRow>
      <FieldRow label="Theme">
        <select data-testid="settings-theme" value={form.theme} onChange={(e) => set({ theme: e.target.value as Settings['theme'] })}>
          <option value="system">follow the system</option>
          <option value="light">light</option>
          <option value="dark">dark</option>
        </select>
      </FieldRow>
      {downloads && (
        <FieldRow label="Downloads folder" hint="responses and HAR files are saved here; set where InetScope starts (--downloads-dir or INETSCOPE_DOWNLOADS_DIR)">
          <input data-testid="settings-downloads" className="set-path" spellCheck={false} readOnly value={form.downloadsDir} />
        </FieldRow>
      )}
    </div>
  );
}

export function SettingsDialog() {
  const platform = usePlatform();
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ error?: string; saving?: boolean }>({});
  useEffect(() => {
    platform.call('getSettings', {}).then(
      (s) => setForm(formFromSettings(s)),
      (e: unknown) => setStatus({ error: `Reading the settings failed: ${describeError(e)}` }),
    );
  }, [platform]);
  const set = (patch: Partial<SettingsForm>): void => {
    if (!form) return;
    const next = { ...form, ...patch };
    setForm(next);
    const r = settingsFromForm(next);
    setErrors(r.ok ? {} : r.errors);
  };
  const save = async (): Promise<void> => {
    if (!form) return;
    const r = settingsFromForm(form);
    if (!r.ok) return setErrors(r.errors);
    setStatus({ saving: true });
    try {
      const saved = await platform.call('setSettings', r.settings);
      appStore.getState().setTheme(saved.theme);
      appStore.getState().setDefaultEngine(saved.defaultEngine);
      // A blank tab takes the new default engine at once (others keep the one they show).
      const tab = activeTab(appStore.getState());
      if (isBlankTab(tab)) appStore.getState().updateDraft(tab.key, (d) => ({ ...d, options: { ...d.options, engine: saved.defaultEngine } }));
      closeDialog();
    } catch (e) {
      setStatus({ error: `Saving failed: ${describeError(e)}` });
    }
  };
  return (
    <DialogForm title="Settings" testId="settings-dialog" onSubmit={() => void save()}>
        {form ? <Fields form={form} errors={errors} set={set} downloads={!platform.chooseSaveLocation} /> : !status.error && <p className="muted">Loading…</p>}
        {status.error && (
          <p className="error" role="alert" data-testid="settings-error">
            {status.error}
          </p>
        )}
        <DialogButtons onCancel={closeDialog} submitLabel="Save" busyLabel="Saving…" busy={status.saving === true} disabled={!form || Object.keys(errors).length > 0} submitTestId="settings-save" />
    </DialogForm>
  );
}
