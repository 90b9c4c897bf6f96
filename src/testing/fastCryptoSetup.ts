/**
 * Vitest setup (vite.config.ts `test.setupFiles`): every test file runs on the fast WebAssembly
 * crypto backend by default, as the worker and the CLI do. Tests that need the reference say
 * so with `useCryptoBackend('noble')`; results are identical either way (crypto.backends.test.ts).
 */
import { initFastCrypto } from '../core/crypto';

const backend = await initFastCrypto();
if (backend !== 'wasm') {
  throw new Error(`fastCryptoSetup: the wasm crypto backend did not load (using ${backend})`);
}
