// Add or edit one cookie: every field, each checked as it is typed with the contract's rules
// (the core checks again); Save is refused while a field is wrong, and a refusal by the
// core shows in the dialog.
import { useState, type FormEvent } from 'react';
import type { Cookie } from '../../../contract/cookies.js';
import { Modal } from '../dialogs/Modal.js';
import { usePlatform } from '../platform/platform-context.js';
import { FieldRow } from '../settings/FieldRow.js';
import { saveCookie } from './cookie-actions.js';
import { cookieOfForm, formOf, type CookieForm } from './cookie-model.js';
import { cookiesStore } from './cookies-store.js';

const close = (): void => cookiesStore.setState({ editing: undefined });

/** SameSite and the flags. */
function FlagFields({ form, set }: { form: CookieForm; set(patch: Partial<CookieForm>): void }) {
  return (
    <>
      <FieldRow label="SameSite">
        <select data-testid="cookie-samesite" value={form.sameSite} onChange={(e) => set({ sameSite: e.target.value as CookieForm['sameSite'] })}>
          <option value="">not set</option>
          <option value="strict">Strict</option>
          <option value="lax">Lax</option>
          <option value="none">None</option>
        </select>
      </FieldRow>
      <div className="cookie-checks">
        <label className="check">
          <input type="checkbox" data-testid="cookie-secure" checked={form.secure} onChange={(e) => set({ secure: e.target.checked })} /> Secure (HTTPS only)
        </label>
        <label className="check">
          <input type="checkbox" data-testid="cookie-httponly" checked={form.httpOnly} onChange={(e) => set({ httpOnly: e.target.checked })} /> HttpOnly
        </label>
        <label className="check" title="Sent to this exact host only; off: to the domain and its subdomains">
          <input type="checkbox" data-testid="cookie-hostonly" checked={form.hostOnly} onChange={(e) => set({ hostOnly: e.target.checked })} /> Host-only
        </label>
      </div>
    </>
  );
}

export function CookieDialog({ id, cookie, domain }: { id: string; cookie?: Cookie; domain?: string }) {
  const platform = usePlatform();
  const [form, setForm] = useState<CookieForm>(() => formOf(cookie, domain));
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState('');
  const result = cookieOfForm(form, cookie?.expires);
  const errors = touched && !result.ok ? result.errors : {};
  const set = (patch: Partial<CookieForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setTouched(true);
  };
  const text = (field: 'name' | 'value' | 'domain' | 'path', label: string, hint?: string) => (
    <FieldRow label={label} error={errors[field]} hint={hint}>
      <input data-testid={`cookie-${field}`} spellCheck={false} aria-invalid={errors[field] ? true : undefined} value={form[field]} onChange={(e) => set({ [field]: e.target.value })} />
    </FieldRow>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!result.ok) return;
    if (await saveCookie(platform, id, result.cookie, cookie)) close();
    else setFailure(cookiesStore.getState().report?.text ?? 'The core refused the cookie.');
  };
  return (
    <Modal title={cookie ? `Edit cookie ${cookie.name}` : 'Add a cookie'} testId="cookie-dialog" onClose={close}>
      <form className="set-dialog" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="set-fields">
          {text('name', 'Name')}
          <FieldRow label="Value" error={errors.value}>
            <textarea data-testid="cookie-value" rows={3} spellCheck={false} aria-invalid={errors.value ? true : undefined} value={form.value} onChange={(e) => set({ value: e.target.value })} />
          </FieldRow>
          {text('domain', 'Domain', 'A host name such as example.org (no scheme or port).')}
          {text('path', 'Path', 'Sent to this path and the paths below it.')}
          <FieldRow label="Expires" error={errors.expires} hint="Empty: a session cookie (kept until the jar is cleared).">
            <input type="datetime-local" data-testid="cookie-expires" value={form.expires} onChange={(e) => set({ expires: e.target.value })} />
          </FieldRow>
          <FlagFields form={form} set={set} />
        </fieldset>
        {failure && (
          <p className="error set-error" role="alert" data-testid="cookie-dialog-error">
            {failure}
          </p>
        )}
        <div className="modal-buttons">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" data-testid="cookie-save" disabled={touched && !result.ok}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Clear asks first, naming what goes. */
export function ClearConfirm({ domain, count, onConfirm }: { domain?: string; count: number; onConfirm(): void }) {
  const cancel = () => cookiesStore.setState({ confirmClear: undefined });
  return (
    <Modal title={domain ? `Clear the cookies of ${domain}` : 'Clear all cookies'} testId="cookie-clear-confirm" onClose={cancel}>
      <p>{`${count} ${count === 1 ? 'cookie' : 'cookies'} ${domain ? `of ${domain}` : 'of this workspace'} will be deleted. This cannot be undone.`}</p>
      <div className="modal-buttons">
        <button type="button" className="btn" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-cancel" data-testid="cookie-clear-yes" onClick={onConfirm}>
          Clear
        </button>
      </div>
    </Modal>
  );
}
