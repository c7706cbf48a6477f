// A modal box: Escape or the backdrop closes it; focus goes into it when it opens and Tab
// keeps it there (from the last control back to the first, and Shift+Tab the other way).
import { useEffect, useRef, type ReactNode } from 'react';
import './dialogs.css';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** Tab at either end of the box goes round to the other end. */
function trapTab(e: KeyboardEvent, box: HTMLElement): void {
  const all = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  const at = document.activeElement;
  const inside = at instanceof Node && box.contains(at);
  if (!inside || (e.shiftKey ? at === first : at === last)) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

export function Modal({ title, testId, onClose, children }: { title: string; testId: string; onClose: () => void; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      } else if (e.key === 'Tab' && box.current) trapTab(e, box.current);
    };
    window.addEventListener('keydown', onKey);
    box.current?.querySelector<HTMLElement>('textarea, select, button')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} className="modal" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="btn-icon" aria-label="Close" title="Close (Escape)" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
