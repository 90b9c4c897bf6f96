/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content Security Policy of the built page (SPEC §9): scripts only from our own origin,
 * no eval, no inline script. Added at build time only, because the dev server injects an
 * inline React-refresh preamble.
 *
 * Policy: 'wasm-unsafe-eval' lets WebAssembly compile (the fast crypto backend: libsodium and
 * hash-wasm) without allowing eval or new Function, which 'unsafe-eval' would. The worker
 * compiles it, and a worker served without a CSP header of its own is not bound by this meta
 * tag; the source is kept here so that a CSP header carrying this policy keeps the fast path.
 * Were compilation refused, `initFastCrypto` would fall back to @noble, slower, same results.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'bft-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyPlugin()],
  // Pre-bundle the worker's dependencies up front; discovering them lazily makes the dev
  // server reload the page in the middle of a browser test (SPEC §10).
  optimizeDeps: {
    include: [
      'comlink', '@noble/ed25519', '@noble/hashes/sha2.js', '@noble/hashes/utils.js',
      'libsodium-wrappers', 'hash-wasm',
    ],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Unit tests run on the fast WebAssembly crypto backend, as the worker and the CLI do.
    setupFiles: ['src/testing/fastCryptoSetup.ts'],
    testTimeout: 20_000,
  },
});
