// The JSON filter over the Pretty view: a JSONPath run in the core over the stored body
// (filterJsonBody), its matches shown in the same viewer; Escape or an empty path shows the
// whole body again.
import { useState } from 'react';
import { describeError } from '../platform/index.js';

export type JsonFilterRun = (path: string) => Promise<{ text: string; matches: number }>;

export interface Filtered {
  path: string;
  text: string;
  matches: number;
}

export function JsonFilterBar({ run, onResult }: { run: JsonFilterRun; onResult(r: Filtered | undefined): void }) {
  const [path, setPath] = useState('');
  const [said, setSaid] = useState<{ text: string; error?: boolean }>({ text: '' });
  const apply = (p: string) => {
    if (!p.trim()) {
      setSaid({ text: '' });
      return onResult(undefined);
    }
    setSaid({ text: 'Filtering…' });
    run(p.trim()).then(
      (r) => {
        setSaid({ text: `${r.matches} ${r.matches === 1 ? 'match' : 'matches'}` });
        onResult({ path: p.trim(), ...r });
      },
      (e: unknown) => setSaid({ text: describeError(e), error: true }),
    );
  };
  return (
    <div className="json-filter" role="search">
      <input
        type="search"
        data-testid="json-filter"
        placeholder="JSONPath filter, e.g. $.items[*].name (Enter)"
        aria-label="JSONPath filter (Enter applies, Escape clears)"
        spellCheck={false}
        value={path}
        onChange={(e) => setPath(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(path);
          else if (e.key === 'Escape') {
            setPath('');
            apply('');
          } else return;
          e.preventDefault();
        }}
      />
      <span className={said.error ? 'error' : 'muted'} data-testid="json-filter-result" aria-live="polite">
        {said.text}
      </span>
    </div>
  );
}
