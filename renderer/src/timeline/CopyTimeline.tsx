// "Copy as text" (the CLI's --timeline lines) and "Copy as JSON" (the raw events). When
// the clipboard refuses (no permission, no focus, not a secure context) the text is shown
// in a read-only box, selected, to copy by hand.
import { useLayoutEffect, useRef, useState } from 'react';
import type { InetEvent } from '../../../contract/events.js';
import { copyText } from './clipboard.js';
import { formatTimelineJson, formatTimelineText } from '../../../domain/timeline-text.js';

interface Outcome {
  message: string;
  /** Set when the clipboard refused: the text to copy by hand. */
  fallback?: string;
}

function Fallback({ text, onClose }: { text: string; onClose: () => void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, [text]);
  return (
    <div className="copy-fallback">
      <textarea data-testid="copy-fallback" ref={ref} readOnly value={text} aria-label="Timeline to copy" />
      <button type="button" className="btn btn-small" onClick={onClose}>Close</button>
    </div>
  );
}

export function CopyTimeline({ events }: { events: readonly InetEvent[] }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const copy = async (kind: 'text' | 'JSON'): Promise<void> => {
    // Formatted at click time: the snapshot is what the list shows now.
    const text = kind === 'text' ? formatTimelineText(events) : formatTimelineJson(events);
    const ok = await copyText(text);
    setOutcome(
      ok
        ? { message: `Copied ${events.length} events as ${kind}.` }
        : { message: 'The clipboard is not available here: select the text below and copy it.', fallback: text },
    );
  };
  return (
    <span className="copy-timeline">
      <button type="button" className="btn btn-small" data-testid="copy-timeline-text" disabled={events.length === 0} onClick={() => void copy('text')}>
        Copy as text
      </button>
      <button type="button" className="btn btn-small" data-testid="copy-timeline-json" disabled={events.length === 0} onClick={() => void copy('JSON')}>
        Copy as JSON
      </button>
      {outcome && (
        <span className="copy-status muted" data-testid="copy-status" role="status">
          {outcome.message}
        </span>
      )}
      {outcome?.fallback !== undefined && <Fallback text={outcome.fallback} onClose={() => setOutcome(undefined)} />}
    </span>
  );
}
