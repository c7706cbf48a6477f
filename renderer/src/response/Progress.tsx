// Download and upload progress: a <progress> bar (no style attributes: CSP), bytes so far
// of the total when known, the rate over about the last second of progress events (their
// own clock, t and bytes) and, with a known total, the time left.
import { useMemo } from 'react';
import type { InetEvent } from '../../../contract/events.js';
import { formatBytes } from '../format.js';
import { useApp } from '../app-store.js';
import './Progress.css';

/** The window the rate is taken over (ms of the events' clock). */
export const RATE_WINDOW_MS = 1000;

type Kind = 'body' | 'upload';

export interface Rate {
  /** Bytes per second, or undefined before two samples of the last hop. */
  bytesPerSec?: number;
}

/** The rate of the last ~1 s of `kind` events of the last hop: scanned from the end, so a
 * long timeline costs only the events of that second. */
export function rateOf(events: readonly InetEvent[] | undefined, kind: Kind, windowMs = RATE_WINDOW_MS): number | undefined {
  if (!events) return undefined;
  let last: { t: number; bytes: number; hop: number } | undefined;
  let first: { t: number; bytes: number } | undefined;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as InetEvent;
    if (e.type !== kind) continue;
    if (!last) {
      last = { t: e.t, bytes: e.bytes, hop: e.hop };
      continue;
    }
    if (e.hop !== last.hop || e.bytes > last.bytes) break; // an earlier hop's counter
    first = { t: e.t, bytes: e.bytes };
    if (last.t - e.t >= windowMs) break;
  }
  if (!last || !first || last.t <= first.t) return undefined;
  return ((last.bytes - first.bytes) * 1000) / (last.t - first.t);
}

export function formatRate(bps: number): string {
  return `${formatBytes(Math.round(bps))}/s`;
}

export function formatLeft(seconds: number): string {
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 1) return '< 1 s left';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.ceil(seconds - m * 60)} s left`;
  return `${Math.floor(m / 60)} h ${m % 60} min left`;
}

interface Props {
  id: string;
  kind: Kind;
  label: string;
  testId: string;
  bytes: number;
  total?: number;
}

export function Progress({ id, kind, label, testId, bytes, total }: Props) {
  const events = useApp((s) => s.timeline[id]);
  const rate = useMemo(() => rateOf(events, kind), [events, kind]);
  const known = total !== undefined && total > 0;
  const left = known && rate !== undefined && rate > 0 ? formatLeft((total - bytes) / rate) : '';
  const parts = [known ? `${formatBytes(bytes)} / ${formatBytes(total)}` : formatBytes(bytes)];
  if (known) parts.push(`${Math.floor((bytes / total) * 100)}%`);
  if (rate !== undefined) parts.push(formatRate(rate));
  if (left) parts.push(left);
  return (
    <div className="xfer" data-testid={testId} data-bytes={bytes} data-total={total} data-rate={rate === undefined ? undefined : Math.round(rate)}>
      <span className="xfer-label">{label}</span>
      {known ? <progress className="xfer-bar" max={total} value={Math.min(bytes, total)} /> : <progress className="xfer-bar" />}
      <span className="xfer-text" data-testid={`${testId}-text`}>
        {parts.join(' · ')}
      </span>
    </div>
  );
}
