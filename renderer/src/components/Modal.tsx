// A modal <dialog> (showModal: focus trapped, Escape closes, the page behind inert).
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

export function Modal({ title, testId, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      className="modal"
      data-testid={testId}
      aria-label={title}
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 className="modal-title">{title}</h2>
      {children}
    </dialog>
  );
}
