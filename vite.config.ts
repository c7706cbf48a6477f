// The renderer is built with Vite into dist/renderer (served by browser mode and loaded
// by the Electron window). Vitest runs the renderer's pure tests (node environment).
import { defineConfig, type Plugin } from 'vitest/config';
import { PAGE_META_POLICY } from './domain/page-policy.js';

/** Writes the page policy into index.html's CSP meta tag; a build without the tag fails. */
function pagePolicy(): Plugin {
  return {
    name: 'inetscope-page-policy',
    transformIndexHtml(html: string): string {
      const tag = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/;
      if (!tag.test(html)) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
      return html.replace(tag, `$1${PAGE_META_POLICY}$2`);
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  plugins: [pagePolicy()],
  // httpsnippet imports Node's "url" (parse/format); in the page that is the url package.
  resolve: { alias: [{ find: /^url$/, replacement: 'url/' }] },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or eval: the page runs under script-src 'self'.
    modulePreload: { polyfill: false },
    // The page loads from the app's files or over loopback, never a network: a chunk's size
    // costs parse time, which bench:ui's first paint measures, not download time. The
    // warning's 500 kB is a web-site budget; the main chunk is about 650 kB.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // zod ships comments mentioning `@__PURE__` in spots Rollup cannot use; it drops them
      // (harmless) and says so on every build. Only that warning, only for zod, is silenced.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? '')) return;
        warn(warning);
      },
    },
  },
  test: {
    root: '.',
    include: ['renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx'],
    environment: 'node',
  },
});
