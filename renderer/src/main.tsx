// Mounts the UI. The push subscription exists before anything can be sent.
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';
import { App } from './App.js';
import { PlatformContext } from './platform/platform-context.js';
import { getPlatform, type MenuCommand } from './platform/index.js';
import { runMenuCommand } from './menu-commands.js';
import { refreshCatch } from './catch/catch-actions.js';
import { watchWorkspaces } from './collections/workspace-actions.js';
import { watchAssertions } from './assertions/assertion-check.js';
import { appStore, type Theme } from './app-store.js';
import { activeTab, isBlankTab } from './tabs/tabs-slice.js';
import { TabSessionSync } from './tabs/session-sync.js';
import { nextFrame, PushPacer } from './timeline/push-pacer.js';
import './styles.css';

// The page runs under script-src 'self': no eval, so zod must not try its JIT.
zodConfig({ jitless: true });

const platform = getPlatform();
const store = appStore.getState();
// Progress events reach the store once a frame; the response's head is applied (and painted) at once.
const pacer = new PushPacer((events) => appStore.getState().applyPush({ kind: 'events', events }), nextFrame);
platform.onPush((push) => (push.kind === 'events' ? pacer.add(push.events) : appStore.getState().applyPush(push)));
store.setConnection(platform.connection());
platform.onConnectionChange((state) => {
  appStore.getState().setConnection(state);
  // On every (re)connect the page learns what runs in the core (the catch server, after a reload too).
  if (state === 'connected') void refreshCatch(platform);
});
if (platform.connection() === 'connected') void refreshCatch(platform);
// The workspaces are listed on every (re)connect and their trees follow the core's pushes.
watchWorkspaces(platform);
// A sent request's assertions are checked once its exchange finished.
watchAssertions(platform);
platform.onMenuCommand((command: MenuCommand) => runMenuCommand(platform, command));
// The tabs of the last run come back; changes are kept from then on.
new TabSessionSync(platform, appStore).start(window);

function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
appStore.subscribe((s, prev) => {
  if (s.theme !== prev.theme) applyTheme(s.theme);
});
platform.call('getSettings', {}).then(
  (settings) => {
    appStore.getState().setTheme(settings.theme);
    appStore.getState().setDefaultEngine(settings.defaultEngine);
    const tab = activeTab(appStore.getState());
    if (isBlankTab(tab) && tab.draft.options.engine === 'auto') {
      appStore.getState().updateDraft(tab.key, (d) => ({ ...d, options: { ...d.options, engine: settings.defaultEngine } }));
    }
  },
  () => {},
);

const root = document.getElementById('app');
if (root)
  createRoot(root).render(
    <PlatformContext.Provider value={platform}>
      <App />
    </PlatformContext.Provider>,
  );
