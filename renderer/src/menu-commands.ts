// The application menu's commands (Electron), each doing what its button or shortcut does.
import { sendActive } from './composer/send-actions.js';
import { saveResponse } from './response/save-response.js';
import { appStore } from './app-store.js';
import { activeTab } from './tabs/tabs-slice.js';
import { openDialog } from './dialogs/dialog-store.js';
import { importHar } from './history/har-actions.js';
import { currentEntry, resendEntry } from './history/history-actions.js';
import { toggleCollections, toggleHistory } from './sidebar/sidebar-store.js';
import { saveTab } from './collections/save-actions.js';
import { requestClose } from './tabs/close-actions.js';
import { cycleTab } from './tabs/shortcuts.js';
import { toggleOrientation, toggleTimelinePlace } from './layout/layout-store.js';
import { copyActiveAsCurl } from './interop/interop-actions.js';
import type { MenuCommand, Platform } from './platform/index.js';

export function runMenuCommand(platform: Platform, command: MenuCommand): void {
  switch (command) {
    case 'send':
      return void sendActive(platform);
    case 'saveRequest':
      return void saveTab(platform, appStore.getState().activeTab);
    case 'saveRequestAs':
      return openDialog('saveAs', { tabKey: appStore.getState().activeTab });
    case 'closeTab':
      return requestClose(appStore.getState().activeTab);
    case 'saveResponse': {
      const id = activeTab(appStore.getState()).requestId;
      if (id) void saveResponse(platform, id);
      return;
    }
    case 'resend': {
      const id = currentEntry();
      if (id) void resendEntry(platform, id);
      return;
    }
    case 'importCurl':
      return openDialog('curlImport');
    case 'copyCurl':
      return void copyActiveAsCurl();
    case 'showCode':
      return openDialog('code');
    case 'importHar':
      return void importHar(platform);
    case 'exportHar':
      return openDialog('harExport');
    case 'toggleCollections':
      return toggleCollections();
    case 'toggleHistory':
      return toggleHistory();
    case 'manageEnvironments':
      return openDialog('environments');
    case 'settings':
      return openDialog('settings');
    case 'newTab':
      return void appStore.getState().newTab();
    case 'nextTab':
      return cycleTab(1);
    case 'previousTab':
      return cycleTab(-1);
    case 'toggleLayout':
      return toggleOrientation();
    case 'toggleTimeline':
      return toggleTimelinePlace();
  }
}
