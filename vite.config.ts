// The renderer is built with Vite into dist/renderer (served by browser mode and loaded
// by the Electron window). Vitest runs the renderer's pure tests (node environment).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or eval: the page runs under script-src 'self'.
    modulePreload: { polyfill: false },
  },
  test: {
    root: '.',
    include: ['renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx'],
    environment: 'node',
  },
});
