// The footer of a dialog's form: Cancel (closes it) and the submit button, which says
// what it does ("Saving…" while it runs) and waits while the form cannot be sent.
interface Props {
  onCancel(): void;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  disabled?: boolean;
  submitTestId: string;
}

export function DialogButtons({ onCancel, submitLabel, busyLabel, busy, disabled = false, submitTestId }: Props) {
  return (
    <div className="modal-buttons">
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" data-testid={submitTestId} disabled={busy || disabled}>
        {busy ? busyLabel : submitLabel}
      </button>
    </div>
  );
}
