import { defineConfig } from 'vite';

// The bundle is served by Leefkracht.Web from the build output (dashboard/); file names carry a content hash.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
});
