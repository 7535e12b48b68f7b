import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Two pages: the tab (side panel, stage, details) and its configuration page; served at /tab/. */
export default defineConfig({
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads it to find each view's initial JavaScript.
    manifest: true,
    target: 'es2022',
    rollupOptions: { input: { index: page('index.html'), config: page('config.html') } },
  },
});
