// The inline name field of a rename or a new folder: Enter commits, Escape (or leaving it)
// cancels; focused and selected when it appears.
import { useEffect, useRef, useState } from 'react';

export function NameInput({ initial, label, onCommit, onCancel }: { initial: string; label: string; onCommit(name: string): void; onCancel(): void }) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <input
      ref={ref}
      className="tree-name-input"
      data-testid="tree-name-input"
      aria-label={label}
      value={text}
      spellCheck={false}
      onChange={(e) => setText(e.target.value)}
      onBlur={onCancel}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          if (text.trim() === '' || text.trim() === initial) onCancel();
          else onCommit(text.trim());
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    />
  );
}
