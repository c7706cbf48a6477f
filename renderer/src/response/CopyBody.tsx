// Copy body: the body as UTF-8 text onto the clipboard, for bodies up to COPY_MAX (a larger
// one is saved instead); says what happened beside the button.
import { useState } from 'react';
import type { SliceCache } from '../viewers/slice-cache.js';
import { copyText } from '../timeline/clipboard.js';

export const COPY_MAX = 16 * 1024 * 1024;

export function CopyBody({ cache, total, complete }: { cache: SliceCache | undefined; total: number; complete: boolean }) {
  const [said, setSaid] = useState('');
  const tooLarge = total > COPY_MAX;
  const copy = async () => {
    if (!cache) return;
    const text = new TextDecoder('utf-8').decode(await cache.read(0, total));
    setSaid((await copyText(text)) ? 'Copied.' : 'The clipboard refused: select the raw text and copy it, or save the body.');
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        data-testid="copy-body"
        disabled={!cache || !complete || total === 0 || tooLarge}
        title={tooLarge ? `Over ${COPY_MAX / 1024 / 1024} MiB: save it instead` : 'Copy the body as text'}
        onClick={() => void copy().catch((e: unknown) => setSaid(`Not copied: ${String(e)}`))}
      >
        Copy body
      </button>
      {said && (
        <span className="muted" data-testid="copy-body-result" role="status">
          {said}
        </span>
      )}
    </>
  );
}
