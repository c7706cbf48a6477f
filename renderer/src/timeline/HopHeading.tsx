// A redirect hop's (or an auth leg's) heading row in the event list (its URL and status line; a click shows
// its response headers) and one header line under it. Both are one event row high.
import { memo } from 'react';
import { sectionStatus, type HopSection } from './hop-sections.js';

export const HopHeading = memo(function HopHeading({ section, open, onToggle }: { section: HopSection; open: boolean; onToggle: (hop: number) => void }) {
  const status = sectionStatus(section);
  const n = section.headers.length;
  const cls = section.statusCode !== undefined ? ` hop-${Math.floor(section.statusCode / 100)}xx` : '';
  return (
    <div className={`event-row hop-section${cls}`} role="row" data-testid="hop-section" data-hop={section.hop} data-status={section.statusCode ?? ''}>
      <button
        type="button"
        className="hop-toggle"
        role="cell"
        aria-expanded={open}
        disabled={n === 0}
        title={n === 0 ? 'No response headers for this hop' : open ? 'Hide the response headers' : 'Show the response headers'}
        onClick={() => onToggle(section.hop)}
      >
        <span className="hop-caret" aria-hidden="true">{n === 0 ? '·' : open ? '▾' : '▸'}</span>
        <span className="hop-name">hop {section.hop}</span>
        <span className="hop-status" data-testid="hop-status">{status}</span>
        {section.authLeg && <span className="hop-auth-leg" data-testid="hop-auth-leg">{section.authLeg}</span>}
        <span className="hop-url" title={section.url}>{section.url ?? ''}</span>
        {n > 0 && <span className="hop-count muted">{n} headers</span>}
      </button>
    </div>
  );
});

export const HeaderLine = memo(function HeaderLine({ name, value, alt }: { name: string; value: string; alt: boolean }) {
  return (
    <div className={`event-row ev-row hop-header${alt ? ' ev-alt' : ''}`} role="row" data-testid="hop-header">
      <span className="hop-header-text" role="cell" title={`${name}: ${value}`}>
        <b>{name}</b>: {value}
      </span>
    </div>
  );
});
