// "Import HAR…": the platform's native picker where it has one, else a file input whose File
// is uploaded to the core in chunks before importHar.
import { useRef } from 'react';
import { HiddenFileInput } from '../platform/HiddenFileInput.js';
import { usePlatform } from '../platform/platform-context.js';
import { importHar } from './har-actions.js';
import { useHistory } from './history-store.js';

export function HarImportButton() {
  const platform = usePlatform();
  const input = useRef<HTMLInputElement>(null);
  const busy = useHistory((s) => s.report?.kind === 'busy');
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        data-testid="import-har"
        disabled={busy}
        onClick={() => (platform.pickFile ? void importHar(platform) : input.current?.click())}
      >
        Import HAR…
      </button>
      {!platform.pickFile && <HiddenFileInput ref={input} accept=".har,application/json" testId="import-har-file" onFile={(file) => void importHar(platform, file)} />}
    </>
  );
}
