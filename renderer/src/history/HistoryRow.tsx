// One history entry in the sidebar: a checkbox (Shift-click: a range), the exchange at a
// glance (method, status, duration, size, "imported" for a HAR entry, "token" for an OAuth 2.0
// token request, URL) which opens it,
// and Re-send.
import { memo, type MouseEvent } from 'react';
import { formatBytes, formatMs } from '../format.js';
import type { HistorySummary } from './history-model.js';

interface Props {
  entry: HistorySummary;
  index: number;
  selected: boolean;
  current: boolean;
  onCheck: (index: number, shift: boolean) => void;
  onOpen: (id: string) => void;
  onResend: (id: string) => void;
}

/** A failed exchange never shows as its status code (a cancelled 200 is not a success). */
export function statusOf(e: Pick<HistorySummary, 'statusCode' | 'ok' | 'error'>): { text: string; cls: string; title?: string } {
  const code = e.statusCode !== undefined ? ` (after ${e.statusCode})` : '';
  if (e.ok === false && e.error === 'CANCELLED') return { text: 'cancelled', cls: 'status-cancelled', title: `Cancelled${code}: the bytes that arrived are kept` };
  if (e.ok === false) return { text: 'failed', cls: 'status-err', title: `${e.error ?? 'Failed'}${code}` };
  if (e.statusCode !== undefined) return { text: String(e.statusCode), cls: `status-${Math.floor(e.statusCode / 100)}xx` };
  return { text: '—', cls: '' };
}

export const HistoryRow = memo(function HistoryRow({ entry: e, index, selected, current, onCheck, onOpen, onResend }: Props) {
  const status = statusOf(e);
  const when = new Date(e.startedAt).toLocaleString();
  // The click (not the change) knows whether Shift was held; the checked state is the store's.
  const onCheckClick = (ev: MouseEvent<HTMLInputElement>): void => onCheck(index, ev.shiftKey);
  return (
    <div
      className={`hist-row${selected ? ' hist-selected' : ''}${current ? ' hist-current' : ''}`}
      role="listitem"
      data-testid="history-row"
      data-id={e.id}
      data-source={e.source}
      data-index={index}
    >
      <input type="checkbox" className="hist-check" aria-label="Select for export" data-testid="history-check" checked={selected} onChange={() => {}} onClick={onCheckClick} />
      <button type="button" className="hist-open" data-testid="history-open" title={`${e.method} ${e.url}\n${when} · ${e.engine}`} onClick={() => onOpen(e.id)}>
        <span className="hist-line">
          <span className="hist-method">{e.method}</span>
          <span className={`hist-status ${status.cls}`} data-testid="history-status" title={status.title}>
            {status.text}
          </span>
          {/* Before the figures: on a long line they give way, the badge never. */}
          {e.source === 'har' && (
            <span className="hist-imported" data-testid="history-imported" title="Imported from a HAR file">
              imported
            </span>
          )}
          {e.tokenRequest && (
            <span className="hist-imported" data-testid="history-token" title="An OAuth 2.0 token request (made for a request, or by Get new token)">
              token
            </span>
          )}
          {e.durationMs !== undefined && <span className="muted hist-figure">{formatMs(e.durationMs)}</span>}
          {e.bodyBytes !== undefined && <span className="muted hist-figure">{formatBytes(e.bodyBytes)}</span>}
        </span>
        <span className="hist-url" data-testid="history-url">{e.url}</span>
      </button>
      <button type="button" className="btn-icon hist-resend" data-testid="history-resend" aria-label="Re-send" title="Re-send as a new request (Ctrl+Shift+Enter)" onClick={() => onResend(e.id)}>
        ↻
      </button>
    </div>
  );
});
