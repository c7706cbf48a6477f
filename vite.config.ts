// The renderer is built with Vite into dist/renderer (served by browser mode and loaded
// by the Electron window in later releases).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
});
