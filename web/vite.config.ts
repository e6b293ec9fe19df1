import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The workbench is built into web/dist and served by `dragnet serve`; `vite` in web/ proxies the API
// to a running server for development.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
