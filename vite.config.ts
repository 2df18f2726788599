import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served both to Electron (file://) and by
// `bringup serve` (http), so every asset path is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});
