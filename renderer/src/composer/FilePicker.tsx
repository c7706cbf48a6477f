// Choosing a file to upload: the platform's native picker where it has one (the core keeps
// the path, the page a token), else an <input type="file"> whose File the page holds until
// it is uploaded at send time (uploader.ts).
import { useState } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { describeError } from '../platform/index.js';
import type { FileRef } from './body-model.js';
import { holdFile } from './uploader.js';

const sizeText = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${n} bytes`);

export function FilePicker({ file, onPick, testId }: { file: FileRef | undefined; onPick: (f: FileRef) => void; testId: string }) {
  const platform = usePlatform();
  const [error, setError] = useState<string>();
  const pickNative = async () => {
    try {
      const r = await platform.pickFile?.();
      if (r) onPick({ name: r.name, size: r.size, fileToken: r.fileToken });
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <span className="file-picker">
      {platform.pickFile ? (
        <button type="button" className="btn btn-small" data-testid={testId} onClick={() => void pickNative()}>
          Choose file…
        </button>
      ) : (
        <input
          type="file"
          data-testid={testId}
          aria-label="File"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) onPick(holdFile(f));
          }}
        />
      )}
      {file && (file.fileToken || file.localId) && <span className="muted file-name">{`${file.name} (${sizeText(file.size)})`}</span>}
      {/* Only the name is known (restored tabs): the file itself must be chosen again. */}
      {file && !file.fileToken && !file.localId && (
        <span className="error" data-testid={`${testId}-unchosen`}>
          {`${file.name}: choose this file again`}
        </span>
      )}
      {error && <span className="error">{error}</span>}
    </span>
  );
}
