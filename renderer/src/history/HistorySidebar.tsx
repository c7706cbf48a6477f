// The history sidebar: a debounced search over the core's history, the entries newest
// first in a virtual list (only the rows in view are rendered and fetched), selection for
// export, Import/Export HAR, and the last report. It refreshes when a request finishes.
// Keys: ArrowUp/ArrowDown between entries, Enter opens the focused one.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePlatform } from '../platform/platform-context.js';
import { virtualWindow } from '../timeline/virtual.js';
import { openEntry, refreshHistory, resendEntry, searchHistory, setView } from './history-actions.js';
import { clickSelect, emptySelection, entryAt } from './history-model.js';
import { historyStore, setReport, useHistory } from './history-store.js';
import { HarImportButton } from './HarImportButton.js';
import { HistoryRow } from './HistoryRow.js';
import { ReportLine } from '../sidebar/ReportLine.js';
import { SearchInput } from '../sidebar/SearchInput.js';
import { openDialog } from '../dialogs/dialog-store.js';
import './history.css';

/** px per row; history.css fixes the rows at this height. */
const ROW_H = 40;
const OVERSCAN = 8;
const SEARCH_DEBOUNCE_MS = 250;
const REFRESH_DEBOUNCE_MS = 150;

/** Refreshes the list (debounced) when a batch carries a finished request. */
function useRefreshOnFinish(): void {
  const platform = usePlatform();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = platform.onPush((push) => {
      if (push.kind !== 'events' || !push.events.some((e) => e.type === 'finished') || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        refreshHistory(platform);
      }, REFRESH_DEBOUNCE_MS);
    });
    // Back after a lost link: what finished meanwhile is listed.
    const offConnection = platform.onConnectionChange((state) => state === 'connected' && refreshHistory(platform));
    refreshHistory(platform);
    return () => {
      off();
      offConnection();
      clearTimeout(timer);
    };
  }, [platform]);
}

function SearchBox() {
  const platform = usePlatform();
  const [text, setText] = useState(() => historyStore.getState().data.query);
  useEffect(() => {
    const timer = setTimeout(() => searchHistory(platform, text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, platform]);
  return <SearchInput className="hist-search" testId="history-search" label="Search the history" placeholder="Search method or URL" value={text} onChange={setText} />;
}

function Toolbar() {
  const total = useHistory((s) => s.data.total);
  const selected = useHistory((s) => s.selection.ids.size);
  return (
    <div className="hist-toolbar">
      <HarImportButton />
      <button type="button" className="btn btn-small" data-testid="export-har" onClick={() => openDialog('harExport')}>
        Export HAR…
      </button>
      <span className="muted hist-count" data-testid="history-count">
        {selected > 0 ? `${selected} of ${total} selected` : `${total} ${total === 1 ? 'entry' : 'entries'}`}
      </span>
      {selected > 0 && (
        <button type="button" className="btn-icon" title="Clear the selection" aria-label="Clear the selection" onClick={() => historyStore.setState({ selection: emptySelection() })}>
          ×
        </button>
      )}
    </div>
  );
}

function useListWindow(total: number) {
  const platform = usePlatform();
  const ref = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const [view, setViewport] = useState({ scrollTop: 0, height: 600 });
  const win = virtualWindow({ count: total, rowHeight: ROW_H, scrollTop: view.scrollTop, viewport: view.height, overscan: OVERSCAN });
  useLayoutEffect(() => {
    if (top.current) top.current.style.height = `${win.padTop}px`;
    if (bottom.current) bottom.current.style.height = `${win.padBottom}px`;
  });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setViewport({ scrollTop: el.scrollTop, height: el.clientHeight });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Before the first answer the total is 0: page 0 is wanted all the same (missingPages).
  const end = Math.max(win.end, win.start + Math.ceil(view.height / ROW_H) + OVERSCAN);
  useEffect(() => setView(platform, win.start, end), [platform, win.start, end]);
  const onScroll = (): void => {
    const el = ref.current;
    if (el) setViewport({ scrollTop: el.scrollTop, height: el.clientHeight });
  };
  return { ref, top, bottom, win, onScroll };
}

/** ArrowUp/ArrowDown move the focus between entries, scrolling the one focused into view
 * (it may be rendered only after the scroll: the focus is tried for a few frames). */
function onListKey(e: KeyboardEvent<HTMLDivElement>, total: number): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const list = e.currentTarget;
  const at = Number((document.activeElement?.closest('[data-index]') as HTMLElement | null)?.dataset.index ?? -1);
  const next = Math.max(0, Math.min(total - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
  if (total === 0 || next === at) return;
  e.preventDefault();
  if (next * ROW_H < list.scrollTop) list.scrollTop = next * ROW_H;
  else if ((next + 1) * ROW_H > list.scrollTop + list.clientHeight) list.scrollTop = (next + 1) * ROW_H - list.clientHeight;
  let tries = 5;
  const focus = (): void => {
    const button = list.querySelector<HTMLButtonElement>(`[data-index="${next}"] .hist-open`);
    if (button) button.focus();
    else if (--tries > 0) requestAnimationFrame(focus);
  };
  focus();
}

export function HistorySidebar() {
  const platform = usePlatform();
  useRefreshOnFinish();
  const data = useHistory((s) => s.data);
  const selection = useHistory((s) => s.selection);
  const current = useHistory((s) => s.current);
  const report = useHistory((s) => s.report);
  const { ref, top, bottom, win, onScroll } = useListWindow(data.total);
  const onCheck = useCallback((index: number, shift: boolean) => historyStore.setState((s) => ({ selection: clickSelect(s.data, s.selection, index, shift) })), []);
  const onOpen = useCallback((id: string) => void openEntry(platform, id), [platform]);
  const onResend = useCallback((id: string) => void resendEntry(platform, id), [platform]);
  const rows: React.ReactElement[] = [];
  for (let i = win.start; i < win.end; i++) {
    const e = entryAt(data, i);
    if (!e) rows.push(<div key={`p-${i}`} className="hist-row hist-placeholder muted">…</div>);
    else rows.push(<HistoryRow key={e.id} entry={e} index={i} selected={selection.ids.has(e.id)} current={e.id === current} onCheck={onCheck} onOpen={onOpen} onResend={onResend} />);
  }
  return (
    <section className="history" data-testid="history" aria-label="History">
      <SearchBox />
      <Toolbar />
      <ReportLine report={report} testId="history-report" onDismiss={() => setReport(undefined)} />
      <div className="hist-list" data-testid="history-list" role="list" ref={ref} onScroll={onScroll} onKeyDown={(e) => onListKey(e, data.total)} tabIndex={-1}>
        <div className="hist-spacer" ref={top} aria-hidden="true" />
        {rows}
        <div className="hist-spacer" ref={bottom} aria-hidden="true" />
        {data.loaded && data.total === 0 && (
          <p className="muted hist-empty" data-testid="history-empty">
            {data.query ? `Nothing matches "${data.query}".` : 'No exchanges yet: every request you send is kept here.'}
          </p>
        )}
      </div>
    </section>
  );
}
