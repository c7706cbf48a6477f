// A labelled field of a dialog, with its hint and, when the typed value is wrong, why.
import type { ReactNode } from 'react';

export function FieldRow({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <label className="set-row">
      <span className="set-label">{label}</span>
      <span className="set-input">
        {children}
        {hint && <span className="muted set-hint">{hint}</span>}
        {error && (
          <span className="error set-error" role="alert">
            {error}
          </span>
        )}
      </span>
    </label>
  );
}
