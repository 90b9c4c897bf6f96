/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Pre-bundle the worker's dependencies up front; discovering them lazily makes the dev
  // server reload the page in the middle of a browser test (SPEC §10).
  optimizeDeps: {
    include: ['comlink', '@noble/ed25519', '@noble/hashes/sha2.js', '@noble/hashes/utils.js'],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
