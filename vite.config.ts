// The renderer is built with Vite into dist/renderer (served by browser mode and loaded
// by the Electron window). Vitest runs the renderer's pure tests (node environment).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  // httpsnippet imports Node's "url" (parse/format); in the page that is the url package.
  resolve: { alias: [{ find: /^url$/, replacement: 'url/' }] },
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
