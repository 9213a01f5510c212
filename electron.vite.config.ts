import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { RENDERER_CSP_META } from './src/shared/csp';

export default defineConfig({
  main: {
    build: {
      // lowdb and steno are ESM-only; bundle them into the CommonJS main build.
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [
      react(),
      // One CSP definition (src/shared/csp.ts): the page's meta tag is written from it.
      { name: 'copydesk-csp', transformIndexHtml: (html: string) => html.replace('%COPYDESK_CSP%', RENDERER_CSP_META) },
    ],
  },
});
