// The preload of the sandboxed renderer. Sandboxed preloads must be CommonJS and
// self-contained, so esbuild bundles this file (npm run build:electron) into
// dist/electron/preload.cjs; only `electron` stays external.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api.js';

contextBridge.exposeInMainWorld('inetscope', createApi(ipcRenderer));
