// The renderer's build: React app under renderer/, built to dist/renderer with relative paths so
// that Electron (app://nianbao/) and the browser-mode host (http://127.0.0.1) load the same files.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CSP_META } from './shared/csp.ts';

/** Writes the one CSP (shared/csp.ts) into index.html's meta tag. */
function csp(): Plugin {
  return { name: 'nianbao-csp', transformIndexHtml: (html) => html.replace('%NIANBAO_CSP%', CSP_META) };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), csp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
    // No inline module-preload polyfill: the CSP allows only scripts from 'self'.
    modulePreload: { polyfill: false },
  },
});
