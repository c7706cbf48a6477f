// The UI: request tabs, the sidebar, the composer, then the response and the live timeline
// (waterfall and events), in resizable split panes (layout/).
import { useEffect } from 'react';
import { cancelActive, sendActive } from './composer/send-actions.js';
import { appStore, useApp } from './app-store.js';
import { activeTab } from './tabs/tabs-slice.js';
import { RequestLine, ComposerDetails } from './composer/Composer.js';
import { Timeline } from './timeline/Timeline.js';
import { ResponsePane } from './response/ResponsePane.js';
import { TabBar } from './tabs/TabBar.js';
import { InteropBar } from './interop/InteropBar.js';
import { usePlatform } from './platform/platform-context.js';
import { Sidebar } from './sidebar/Sidebar.js';
import { useSidebar } from './sidebar/sidebar-store.js';
import { EnvironmentSelect, UndoToast } from './collections/CollectionsChrome.js';
import { MoveToDialog, SaveAsDialog, SaveConflictDialog } from './collections/SaveDialogs.js';
import { ImportResultDialog } from './collections/ImportDialog.js';
import { CollectionExportDialog } from './collections/ExportDialog.js';
import { useCollectionsShortcuts } from './collections/shortcuts.js';
import { EnvironmentsDialog } from './environments/EnvironmentsDialog.js';
import { useEnvironmentShortcuts } from './environments/shortcuts.js';
import { HistoryButtons } from './history/HistoryChrome.js';
import { HarExportDialog } from './history/HarExportDialog.js';
import { CodeDialog } from './interop/CodeDialog.js';
import { CurlImportDialog } from './interop/CurlImportDialog.js';
import { SettingsDialog } from './settings/SettingsDialog.js';
import { useOpenDialog } from './dialogs/dialog-store.js';
import { useHistoryShortcuts } from './history/shortcuts.js';
import type { InetEvent } from '../../contract/events.js';
import { CatchPanel, CatchToggle } from './catch/CatchPanel.js';
import { useCatch } from './catch/catch-store.js';
import { OFFLINE_MESSAGE } from './platform/index.js';
import { SessionNotice } from './tabs/SessionNotice.js';
import { ScriptTrustDialog } from './scripts/ScriptTrustDialog.js';
import { CloseTabDialog } from './tabs/CloseTabDialog.js';
import { useTabShortcuts } from './tabs/shortcuts.js';
import { Split } from './layout/Split.js';
import { useLayout } from './layout/layout-store.js';
import { LayoutToggle, TimelinePlaceToggle } from './layout/LayoutToggles.js';
import { ShortcutsButton, ShortcutsDialog, useShortcutHelp } from './dialogs/ShortcutsDialog.js';

const NO_EVENTS: InetEvent[] = [];

function useShortcuts(): void {
  const platform = usePlatform();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.shiftKey) {
        e.preventDefault();
        void sendActive(platform);
      } else if (e.key === 'Escape' && activeTab(appStore.getState()).inFlightId !== undefined && !document.querySelector('[aria-modal="true"]')) {
        // (With a dialog open, Escape closes the dialog only.)
        void cancelActive(platform);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [platform]);
}

function ConnectionBadge() {
  const state = useApp((s) => s.connection);
  return (
    <span className={`conn conn-${state}`} data-testid="connection-state" data-state={state} role="status">
      {state === 'reconnecting' ? 'reconnecting…' : state}
    </span>
  );
}

/** In the tab, under the request line: why Send does nothing now, until the core is back. */
function ConnectionNotice() {
  const lost = useApp((s) => s.connection === 'reconnecting');
  if (!lost) return null;
  return (
    <p className="conn-notice" role="alert" data-testid="connection-notice">
      {OFFLINE_MESSAGE} Send works again as soon as it is back.
    </p>
  );
}

/** The response and the timeline, one beside the other (stacked layout) or one over the
 * other (side by side: the composer already takes the left); or the response alone, the
 * timeline then one of its tabs. */
function Exchange() {
  const tab = useApp(activeTab);
  const id = tab.requestId;
  const events = useApp((s) => (id ? (s.timeline[id] ?? NO_EVENTS) : NO_EVENTS));
  const response = useApp((s) => (id ? s.responses[id] : undefined));
  const side = useLayout((s) => s.orientation === 'side');
  const inTab = useLayout((s) => s.timeline === 'tab');
  if (!id || !response) {
    return <p className="placeholder muted">Enter a URL and press Send (Ctrl+Enter). Every status callback of the native stack shows up here, live.</p>;
  }
  // Keyed by tab and request: a scroll position (or any view state) never carries over.
  const key = `${tab.key}:${id}`;
  if (inTab) {
    return (
      <div key={key} className="exchange exchange-alone">
        <ResponsePane id={id} r={response} busy={tab.inFlightId === id} />
      </div>
    );
  }
  return (
    <Split
      key={key}
      className="exchange"
      name="timeline"
      direction={side ? 'column' : 'row'}
      label="Resize the response against the timeline"
      minFirst={side ? 120 : 280}
      minSecond={side ? 80 : 300}
      first={<ResponsePane id={id} r={response} busy={tab.inFlightId === id} />}
      second={<Timeline events={events} />}
    />
  );
}

/** The composer's details over the exchange (stacked) or beside it (side by side). */
function Workbench() {
  const side = useLayout((s) => s.orientation === 'side');
  const activeKey = useApp((s) => s.activeTab);
  return (
    <Split
      className="workbench"
      name="composer"
      direction={side ? 'row' : 'column'}
      label="Resize the request against the response"
      minFirst={side ? 280 : 90}
      minSecond={side ? 360 : 160}
      // Keyed by tab: a new tab opens on the default sub-tab, not the last one used.
      first={<ComposerDetails key={activeKey} />}
      second={<Exchange />}
    />
  );
}

function Main() {
  const catchOpen = useCatch((s) => s.open);
  return (
    <div className="app-main">
      {catchOpen ? (
        <CatchPanel />
      ) : (
        <>
          <RequestLine />
          <ConnectionNotice />
          <InteropBar />
          <Workbench />
        </>
      )}
    </div>
  );
}

const DIALOGS = {
  settings: SettingsDialog,
  harExport: HarExportDialog,
  curlImport: CurlImportDialog,
  code: CodeDialog,
  saveAs: SaveAsDialog,
  saveConflict: SaveConflictDialog,
  moveTo: MoveToDialog,
  environments: EnvironmentsDialog,
  importResult: ImportResultDialog,
  collectionExport: CollectionExportDialog,
  scriptTrust: ScriptTrustDialog,
  closeTab: CloseTabDialog,
  shortcuts: ShortcutsDialog,
};

/** The open modal dialog (at most one). */
function Dialog() {
  const open = useOpenDialog();
  const Shown = open && DIALOGS[open.name];
  return Shown ? <Shown /> : null;
}

export function App() {
  useShortcuts();
  useHistoryShortcuts();
  useCollectionsShortcuts();
  useEnvironmentShortcuts();
  useTabShortcuts();
  useShortcutHelp();
  const sidebarOpen = useSidebar((s) => s.open);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">InetScope</span>
        <TabBar />
        <EnvironmentSelect />
        <LayoutToggle />
        <TimelinePlaceToggle />
        <HistoryButtons />
        <CatchToggle />
        <ShortcutsButton />
        <ConnectionBadge />
      </header>
      <SessionNotice />
      <div className="app-body">
        <Split name="sidebar" direction="row" label="Resize the sidebar" minFirst={200} minSecond={520} showFirst={sidebarOpen} first={<Sidebar />} second={<Main />} />
      </div>
      <Dialog />
      <UndoToast />
    </div>
  );
}
