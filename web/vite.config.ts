import { defineConfig } from 'vite';

// The build lands in public/explorer/, which the API server serves: index.html at `/`, the
// bundles under `/explorer/assets/` (hashed names, cached for good).
const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webDir,
  base: '/explorer/',
  publicDir: false,
  build: {
    outDir: `${webDir}../public/explorer`,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Cytoscape and Chart.js load only on the pages that draw, as chunks of their own.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev:explorer` next to `npm run dev`: the page talks to the API like in production.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
