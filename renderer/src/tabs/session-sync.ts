// Keeps the request tabs in the core (loadSession / saveSession) so they survive a reload
// and a restart. The stored session is loaded once, when the core is reachable, and only
// then does saving begin (a fresh page must not save its one blank tab over the stored
// ones). Saves are debounced: one ~500 ms after the last change, not one per keystroke, and
// one more, best effort, as the page goes away. Each restored tab's last exchange is
// reopened from the history; one no longer there leaves the tab with its draft only. The
// page that loaded last owns the session: once a later page takes it, this one stops saving.
import type { StoreApi } from 'zustand/vanilla';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { jsonBytes, MAX_SESSION_BYTES, type TabSession } from '../../../contract/tab-session.js';
import { describeError, PlatformError, type Platform } from '../platform/index.js';
import type { AppState } from '../app-store.js';
import { sessionOf, tabsOf } from './tab-session.js';

export const SAVE_DELAY_MS = 500;

/** One line about the kept tabs: a restore's notes, or why they are not being kept. */
interface Notice {
  text?: string;
  /** A save problem goes once a save succeeds; a restore's notes stay until dismissed. */
  kind?: 'restore' | 'save';
}
export const sessionNotice = createStore<Notice>(() => ({}));
export const useSessionNotice = (): string | undefined => useStore(sessionNotice, (s) => s.text);
export const dismissSessionNotice = (): void => sessionNotice.setState({ text: undefined, kind: undefined });

const MIB = 1024 * 1024;
const disconnected = (e: unknown): boolean => e instanceof PlatformError && e.code === 'DISCONNECTED';

export class TabSessionSync {
  private loaded = false;
  /** What this page's saves name (loadSession's answer); cleared once another page took over. */
  private owner: string | undefined;
  private loading = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The JSON of the session the core has: an unchanged one is not sent again. */
  private lastSaved: string | undefined;
  private saving = false;
  private again = false;

  constructor(
    private readonly platform: Platform,
    private readonly store: StoreApi<AppState>,
  ) {}

  /** Loads, then saves on changes; `unload` gets the page's pagehide/beforeunload target. */
  start(unload?: Pick<EventTarget, 'addEventListener'>): void {
    this.platform.onConnectionChange((state) => {
      if (state === 'connected') void (this.loaded ? this.saveNow() : this.load());
    });
    this.store.subscribe((s, prev) => {
      if (this.loaded && (s.tabs !== prev.tabs || s.activeTab !== prev.activeTab)) this.schedule();
    });
    const flush = () => void this.saveNow(true);
    unload?.addEventListener('pagehide', flush);
    unload?.addEventListener('beforeunload', flush);
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.loading || this.loaded) return;
    this.loading = true;
    try {
      const { session, problem, owner } = await this.platform.call('loadSession', {});
      this.owner = owner;
      const notes = session ? this.restore(session) : [];
      const text = [problem, ...notes].filter(Boolean).join(' ');
      if (text) sessionNotice.setState({ text, kind: 'restore' });
      this.loaded = true;
      // What the core has; the tabs differ from it when some were open already: they are saved.
      this.lastSaved = session ? JSON.stringify(session) : undefined;
      if (session) this.schedule();
    } catch (e) {
      // Not loaded, not saved: a later connect tries again; the stored tabs stay as they are.
      if (!disconnected(e)) sessionNotice.setState({ text: `The saved tabs could not be loaded, and this page's tabs are not kept: ${describeError(e)}`, kind: 'restore' });
    } finally {
      this.loading = false;
    }
  }

  /** Puts the session's tabs in the store and reopens their exchanges; returns the notes. */
  private restore(session: TabSession): string[] {
    const { tabs, activeTab, notes } = tabsOf(session);
    this.store.getState().restoreTabs(tabs, activeTab);
    // The restored tabs are the last ones, in order (their keys are new beside tabs already open).
    const shown = this.store.getState().tabs.slice(-tabs.length);
    shown.forEach((t, i) => {
      const id = tabs[i]?.requestId;
      if (id) void this.reopen(t.key, id);
    });
    return notes;
  }

  private async reopen(key: string, id: string): Promise<void> {
    try {
      const entry = await this.platform.call('loadHistoryEntry', { id });
      this.store.getState().attachExchange(key, id, entry.events);
    } catch {
      this.store.getState().forgetRequest(key, id);
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Sends the session if it changed. `leaving`: the page is going away, send at once even
   * while a save is answered (the core keeps the latest). */
  async saveNow(leaving = false): Promise<void> {
    const owner = this.owner;
    if (!this.loaded || owner === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.saving && !leaving) {
      this.again = true;
      return;
    }
    const session = sessionOf(this.store.getState());
    const json = JSON.stringify(session);
    if (json === this.lastSaved) return;
    const bytes = jsonBytes(json);
    if (bytes > MAX_SESSION_BYTES) {
      const text = `Tabs are not being kept: together they hold ${(bytes / MIB).toFixed(1)} MiB, more than the ${MAX_SESSION_BYTES / MIB} MiB kept. Shorten or close the tab with the largest body.`;
      return sessionNotice.setState({ text, kind: 'save' });
    }
    this.saving = true;
    try {
      await this.platform.call('saveSession', { owner, session });
      this.lastSaved = json;
      if (sessionNotice.getState().kind === 'save') dismissSessionNotice();
    } catch (e) {
      if (e instanceof PlatformError && e.code === 'SESSION_TAKEN') {
        this.owner = undefined;
        sessionNotice.setState({ text: 'Changes in this window are no longer kept: a window opened later keeps the tabs now (a reload here shows those).', kind: 'restore' });
      } else if (!disconnected(e)) sessionNotice.setState({ text: `Tabs could not be kept: ${describeError(e)}`, kind: 'save' });
    } finally {
      this.saving = false;
      if (this.again) {
        this.again = false;
        void this.saveNow();
      }
    }
  }
}
