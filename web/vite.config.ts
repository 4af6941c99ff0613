/**
 * Vite build of the Playground: `npm run build:web` writes web/dist, which the server serves at `/`
 * (src/api/playground.ts). Hashed file names under assets/ let the server cache them for a year.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API runs on :8080.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
