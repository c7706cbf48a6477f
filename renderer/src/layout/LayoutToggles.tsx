// The top bar's two layout switches, as icons (the bar also holds the request tabs, which
// need its width at 1000 px): stacked / side by side, and the timeline beside the response
// or in one of its tabs. Each names its state and its action in its label and tooltip.
import type { ReactNode } from 'react';
import { toggleOrientation, toggleTimelinePlace, useLayout } from './layout-store.js';

/** A 16 px frame with the parts the layout splits it into (drawn in currentColor). */
function Frame({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1" />
      {children}
    </svg>
  );
}

export function LayoutToggle() {
  const side = useLayout((s) => s.orientation === 'side');
  const label = side ? 'Layout: side by side (click for stacked)' : 'Layout: stacked (click for side by side)';
  return (
    <button type="button" className="btn btn-small layout-toggle" data-testid="layout-toggle" aria-pressed={side} aria-label={label} title={label} onClick={toggleOrientation}>
      <Frame>{side ? <line x1="6" y1="2.5" x2="6" y2="13.5" /> : <line x1="1.5" y1="7" x2="14.5" y2="7" />}</Frame>
    </button>
  );
}

export function TimelinePlaceToggle() {
  const inTab = useLayout((s) => s.timeline === 'tab');
  const label = inTab ? 'Timeline: in a response tab (click for a pane beside the response)' : 'Timeline: a pane beside the response (click for a response tab)';
  return (
    <button type="button" className="btn btn-small layout-toggle" data-testid="timeline-place-toggle" aria-pressed={inTab} aria-label={label} title={label} onClick={toggleTimelinePlace}>
      <Frame>
        {inTab ? (
          <>
            <line x1="1.5" y1="6" x2="14.5" y2="6" />
            <line x1="6" y1="2.5" x2="6" y2="6" />
          </>
        ) : (
          <>
            <line x1="10" y1="2.5" x2="10" y2="13.5" />
            <line x1="11.5" y1="6" x2="13" y2="6" />
            <line x1="11.5" y1="9" x2="13" y2="9" />
          </>
        )}
      </Frame>
    </button>
  );
}
