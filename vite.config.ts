import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { channelsDefine } from './scripts/contract-channels';

// The renderer is built once and served both to Electron (file://) and by
// `bringup serve` (http), so every asset path is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  define: channelsDefine,
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});
