// The request line (method, URL, Send/Cancel), then the tabs: query params (kept in step
// with the URL both ways), headers, body, auth, assertions, options (engine, HTTP version,
// redirects, certificates, timeout, proxy).
import { useState, type ReactNode } from 'react';
import { AuthEditor } from './AuthEditor.js';
import { AssertionsEditor } from '../assertions/AssertionsEditor.js';
import { BodyEditor } from './BodyEditor.js';
import { rowsForUrl, urlForRows } from './params-sync.js';
import { RowsTable } from './RowsTable.js';
import type { ParamRow } from './url-params.js';
import { useUrlProblem } from './url-field.js';
import { METHODS, methodHasBody, urlFieldProblem, type Draft, type DraftOptions } from './draft.js';
import { useApp } from '../app-store.js';
import { activeTab } from '../tabs/tabs-slice.js';
import { cancelActive, sendActive } from './send-actions.js';
import { onUrlPaste } from '../interop/interop-actions.js';
import { EngineSelect } from './EngineSelect.js';
import { HttpVersionSelect } from './HttpVersionSelect.js';
import { ProxyFields } from './ProxyFields.js';
import { FilePicker } from './FilePicker.js';
import { ClientCertField } from './ClientCertField.js';
import type { FileRef } from './body-model.js';
import { usePlatform } from '../platform/platform-context.js';
import { SendSourceButton } from '../variables/SendSourceButton.js';
import { OFFLINE_MESSAGE } from '../platform/index.js';
import { VariableInput } from '../variables/VariableInput.js';
import { Tablist, type TabDef } from '../layout/Tablist.js';
import { changedOptions } from './options-summary.js';

const CUSTOM = '__custom__';

function useDraft(): [Draft, (change: (d: Draft) => Draft) => void] {
  const tab = useApp(activeTab);
  const update = useApp((s) => s.updateDraft);
  return [tab.draft, (change) => update(tab.key, change)];
}

function MethodPicker({ method, onChange }: { method: string; onChange: (m: string) => void }) {
  const known = (METHODS as readonly string[]).includes(method);
  return (
    <>
      <select data-testid="method-select" aria-label="Method" className="method" value={known ? method : CUSTOM} onChange={(e) => onChange(e.target.value === CUSTOM ? '' : e.target.value)}>
        {METHODS.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
        <option value={CUSTOM}>Custom…</option>
      </select>
      {!known && (
        <input className="method-custom" aria-label="Custom method" placeholder="METHOD" value={method} autoFocus onChange={(e) => onChange(e.target.value)} />
      )}
    </>
  );
}

export function RequestLine() {
  const platform = usePlatform();
  const tab = useApp(activeTab);
  const [draft, update] = useDraft();
  const [focused, setFocused] = useState(false);
  const problem = useUrlProblem(draft.url, focused, tab.error);
  const busy = tab.inFlightId !== undefined;
  const lost = useApp((s) => s.connection === 'reconnecting');
  return (
    <form
      className="request-line"
      onSubmit={(e) => {
        e.preventDefault();
        void sendActive(platform);
      }}
    >
      <MethodPicker method={draft.method} onChange={(method) => update((d) => ({ ...d, method }))} />
      <span className="url-field">
        <VariableInput
          data-testid="url-input"
          className="url"
          aria-label="URL"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'url-problem' : undefined}
          placeholder="https://example.org/"
          spellCheck={false}
          value={draft.url}
          onPaste={onUrlPaste}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onChange={(e) => {
            const url = e.target.value;
            update((d) => ({ ...d, url, params: rowsForUrl(url, d.params) }));
          }}
        />
        {problem && (
          <span className="url-problem" id="url-problem" role="alert" data-testid="url-problem">
            {problem}
          </span>
        )}
      </span>
      {busy ? (
        <button type="button" data-testid="cancel-button" className="btn btn-cancel" onClick={() => void cancelActive(platform)}>
          Cancel
        </button>
      ) : (
        <button type="submit" data-testid="send-button" className="btn btn-primary" disabled={lost} title={lost ? OFFLINE_MESSAGE : (problem ?? 'Send (Ctrl+Enter)')}>
          Send
        </button>
      )}
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** curl's --cacert: a PEM file chosen like an upload; a pasted command's path must be chosen again. */
function CaFileField({ file, onChange }: { file: FileRef | undefined; onChange: (f: FileRef | undefined) => void }) {
  const unchosen = file && !file.fileToken && !file.localId;
  return (
    <span className="field ca-file" title="Trust only the CA certificates (PEM) in this file, like curl --cacert">
      <span>CA file</span>
      <FilePicker file={unchosen ? undefined : file} onPick={onChange} testId="ca-file" />
      {unchosen && (
        <span className="error" data-testid="ca-file-unchosen">
          {`${file.name}: choose this file`}
        </span>
      )}
      {file && (
        <button type="button" className="btn btn-small" data-testid="ca-file-clear" aria-label="No CA file" onClick={() => onChange(undefined)}>
          ✕
        </button>
      )}
    </span>
  );
}

function withClientCert(options: DraftOptions, clientCert: DraftOptions['clientCert']): DraftOptions {
  const { clientCert: _old, ...rest } = options;
  return clientCert ? { ...rest, clientCert } : rest;
}

function OptionsPane({ options, onChange }: { options: DraftOptions; onChange: (o: DraftOptions) => void }) {
  const set = (patch: Partial<DraftOptions>) => onChange({ ...options, ...patch });
  return (
    <div className="options-row" data-testid="options-pane">
      <Field label="Engine">
        <EngineSelect testId="engine-select" value={options.engine} onChange={(engine) => set({ engine })} />
      </Field>
      <Field label="HTTP">
        <HttpVersionSelect value={options.httpVersion} onChange={(httpVersion) => set({ httpVersion })} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={options.followRedirects} onChange={(e) => set({ followRedirects: e.target.checked })} /> Follow redirects
      </label>
      <label className="check">
        <input type="checkbox" checked={options.insecure} onChange={(e) => set({ insecure: e.target.checked })} /> Insecure (any certificate)
      </label>
      <label className="check" title="Off: the workspace's cookies are not sent (what the response sets is still kept)">
        <input type="checkbox" data-testid="send-cookies" checked={options.sendCookies !== false} onChange={(e) => set({ sendCookies: e.target.checked })} /> Send cookies
      </label>
      <CaFileField file={options.caFile} onChange={(caFile) => set({ caFile })} />
      <ClientCertField cert={options.clientCert} onChange={(clientCert) => onChange(withClientCert(options, clientCert))} />
      <Field label="Timeout (s)">
        <input className="num" inputMode="decimal" placeholder="none" value={options.timeoutS} onChange={(e) => set({ timeoutS: e.target.value })} />
      </Field>
      <ProxyFields options={options} set={set} />
    </div>
  );
}

type TabName = 'params' | 'headers' | 'body' | 'auth' | 'assertions' | 'options';

/** Rows that take part: enabled, with a name. */
const used = (rows: ReadonlyArray<{ name: string; enabled?: boolean }>): number => rows.filter((r) => r.enabled !== false && r.name.trim() !== '').length;
const counted = (label: string, n: number): string => (n > 0 ? `${label} (${n})` : label);

function DetailTabs({ tab, onTab, draft }: { tab: TabName; onTab: (t: TabName) => void; draft: Draft }) {
  const authKind = draft.auth?.kind ?? 'none';
  const defaultEngine = useApp((s) => s.defaultEngine);
  const changed = changedOptions(draft.options, defaultEngine);
  const tabs: Array<TabDef<TabName>> = [
    { id: 'params', label: counted('Params', used(rowsForUrl(draft.url, draft.params))) },
    { id: 'headers', label: counted('Headers', used(draft.headers)) },
    ...(methodHasBody(draft.method) ? [{ id: 'body' as const, label: 'Body' }] : []),
    { id: 'auth', label: authKind === 'none' ? 'Auth' : `Auth (${authKind})` },
    { id: 'assertions', label: `Assertions (${draft.assertions?.length ?? 0})` },
    { id: 'options', label: counted('Options', changed.length), title: changed.length ? `Set: ${changed.join(', ')}` : 'Every option at its default' },
  ];
  return <Tablist className="composer-tabs" label="Request parts" testPrefix="composer-tab" tabs={tabs} selected={tab} onSelect={onTab} />;
}

function DetailPane({ tab }: { tab: TabName }) {
  const [draft, update] = useDraft();
  switch (tab) {
    case 'params': {
      const rows = rowsForUrl(draft.url, draft.params);
      const onChange = (params: ParamRow[]) => update((d) => ({ ...d, params, url: urlForRows(d.url, params) }));
      return <RowsTable rows={rows} onChange={onChange} testId="params-table" what="parameter" variables />;
    }
    case 'headers':
      return <RowsTable rows={draft.headers} onChange={(headers) => update((d) => ({ ...d, headers }))} testId="headers-table" what="header" variables />;
    case 'body':
      return (
        <BodyEditor body={draft.bodyDraft} text={draft.body} onBody={(bodyDraft) => update((d) => ({ ...d, bodyDraft }))} onText={(body) => update((d) => ({ ...d, body }))} />
      );
    case 'auth':
      return <AuthEditor auth={draft.auth} onChange={(auth) => update((d) => ({ ...d, auth }))} />;
    case 'assertions':
      return <AssertionsEditor rows={draft.assertions ?? []} onChange={(assertions) => update((d) => ({ ...d, assertions }))} />;
    case 'options':
      return <OptionsPane options={draft.options} onChange={(options) => update((d) => ({ ...d, options }))} />;
  }
}

export function ComposerDetails() {
  const [draft] = useDraft();
  // A URL the check refused says so at the URL field (RequestLine), not twice.
  const error = useApp((s) => activeTab(s).error);
  const shownAtUrl = error !== undefined && error === urlFieldProblem(draft.url);
  const [chosen, setTab] = useState<TabName>('params');
  const hasBody = methodHasBody(draft.method);
  const tab = chosen === 'body' && !hasBody ? 'params' : chosen;
  return (
    <section className="composer-details" aria-label="Request">
      <DetailTabs tab={tab} onTab={setTab} draft={draft} />
      <div className="pane composer-pane" role="tabpanel" id="composer-tab-panel" aria-labelledby={`composer-tab-${tab}`}>
        <DetailPane tab={tab} />
      </div>
      {error && !shownAtUrl && (
        <p className="error" role="alert" data-testid="request-error">
          {error} <SendSourceButton error={error} />
        </p>
      )}
    </section>
  );
}
