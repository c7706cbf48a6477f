// The page's file input, hidden: where the platform has no native picker (browser mode), a
// button clicks it and the chosen File is handed on (then uploaded to the core in chunks).
import type { Ref } from 'react';

export function HiddenFileInput({ ref, accept, testId, onFile }: { ref: Ref<HTMLInputElement>; accept: string; testId: string; onFile(file: File): void }) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        // Cleared, so choosing the same file again fires a change.
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
