// curl's -E/--cert, --key, --cert-type, --pass in the composer's options: the files chosen
// like an upload (a pasted command's or a restored tab's names must be chosen again), the
// password as typed ({{secret}} references are resolved by the core, which masks it in exports).
import type { ComposerClientCert } from '../../../contract/composer-draft.js';
import type { FileRef } from './body-model.js';
import { FilePicker } from './FilePicker.js';

const unchosen = (f: FileRef | undefined): f is FileRef => Boolean(f && !f.fileToken && !f.localId);

function Pick({ file, onPick, testId, what }: { file: FileRef | undefined; onPick: (f: FileRef) => void; testId: string; what: string }) {
  return (
    <>
      <FilePicker file={unchosen(file) ? undefined : file} onPick={onPick} testId={testId} />
      {unchosen(file) && <span className="error" data-testid={`${testId}-unchosen`}>{`${file.name}: choose this ${what}`}</span>}
    </>
  );
}

const guessType = (name: string): ComposerClientCert['type'] => (/\.(p12|pfx)$/i.test(name) ? 'P12' : 'PEM');

/** One layout with or without a certificate, so the picker stays the same element (it shows what was chosen). */
export function ClientCertField({ cert, onChange }: { cert: ComposerClientCert | undefined; onChange: (c: ComposerClientCert | undefined) => void }) {
  const set = (patch: Partial<ComposerClientCert>) => cert && onChange({ ...cert, ...patch });
  const pick = (f: FileRef) => onChange(cert ? { ...cert, cert: f } : { cert: f, type: guessType(f.name), password: '' });
  return (
    <span className="field client-cert" title="Send a client certificate when the server asks (mTLS), like curl -E">
      <span>Client cert</span>
      <Pick file={cert?.cert} onPick={pick} testId="client-cert" what="certificate" />
      {cert && (
        <>
          <select aria-label="Client certificate type" data-testid="client-cert-type" value={cert.type} onChange={(e) => set({ type: e.target.value === 'P12' ? 'P12' : 'PEM' })}>
            <option value="PEM">PEM</option>
            <option value="P12">P12</option>
          </select>
          {cert.type === 'PEM' && (
            <span className="client-key" title="The private key (PEM), when it is not in the certificate file">
              <span className="muted">Key</span>
              <Pick file={cert.key} onPick={(key) => set({ key })} testId="client-key" what="key" />
            </span>
          )}
          <input
            className="client-cert-password"
            type="password"
            aria-label="Client certificate password"
            data-testid="client-cert-password"
            placeholder="password or {{secret}}"
            spellCheck={false}
            value={cert.password}
            onChange={(e) => set({ password: e.target.value })}
          />
          <button type="button" className="btn btn-small" data-testid="client-cert-clear" aria-label="No client certificate" onClick={() => onChange(undefined)}>
            ✕
          </button>
        </>
      )}
    </span>
  );
}
