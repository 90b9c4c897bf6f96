import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The layers of STYLE.md, enforced: core is pure and depends only on @noble, plus the two
// WebAssembly crypto libraries in its one fast-backend module; zustand lives in src/app/store;
// comlink lives in the worker entry and in src/app/bridge.
const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3', 'd3-*'];
const wasmCryptoLibraries = ['libsodium-wrappers', 'hash-wasm'];
const wasmCryptoModule = 'src/core/cryptoWasm.ts';
const renderAsText = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render user text as text.',
};
const coreMessage =
  'src/core is pure TypeScript: it may import only @noble/* and other core modules ' +
  '(libsodium-wrappers and hash-wasm only in core/cryptoWasm.ts).';

function restrict(paths, patterns, message, typePatterns = []) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: [
          ...patterns.map((group) => ({ group: [group], message })),
          ...typePatterns.map((group) => ({ group: [group].flat(), message, allowTypeImports: true })),
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', renderAsText],
    },
  },
  {
    // Type-aware rules: every switch over a union handles each member (or says why not in a
    // default), and no promise is dropped or handed where a plain value is expected.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.core.json', './tsconfig.worker.json', './tsconfig.app.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/app/**/*.ts', 'src/app/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', wasmCryptoModule],
    rules: {
      ...restrict(
        [...uiLibraries, 'comlink', ...wasmCryptoLibraries],
        ['**/app/**', '**/worker/**', '**/cli/**', 'node:*', 'd3-*', 'react-dom/*', 'zustand/*', 'hash-wasm/*'],
        coreMessage,
      ),
      // no-restricted-imports does not see `import('…')`, which would slip past it.
      // (Setting the rule here replaces the list above, so it is repeated.)
      'no-restricted-syntax': [
        'error',
        renderAsText,
        ...wasmCryptoLibraries.map((name) => ({ selector: `ImportExpression[source.value='${name}']`, message: coreMessage })),
      ],
    },
  },
  {
    files: [wasmCryptoModule],
    rules: restrict(
      [...uiLibraries, 'comlink'],
      ['**/app/**', '**/worker/**', '**/cli/**', 'node:*', 'd3-*', 'react-dom/*', 'zustand/*'],
      coreMessage,
    ),
  },
  {
    files: ['src/pool/**/*.ts'],
    ignores: ['src/pool/**/*.test.ts'],
    rules: restrict(
      [...uiLibraries, 'comlink'],
      ['**/app/**', '**/worker/**', '**/cli/**', '**/core/**', 'node:*', 'd3-*', 'react-dom/*', 'zustand/*'],
      'src/pool is a transport-agnostic scheduler: it imports nothing; its callers bring the workers.',
    ),
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrict(
      uiLibraries,
      ['**/app/**', 'd3-*', 'react-dom/*', 'zustand/*'],
      'src/worker runs the core; it knows nothing of React, zustand, d3 or the app.',
    ),
  },
  {
    files: ['src/app/**/*.ts', 'src/app/**/*.tsx'],
    // Tests may build real traces with the core; the app's own code may not.
    ignores: ['src/app/store/**', 'src/app/bridge/**', 'src/app/**/*.test.ts', 'src/app/**/*.test.tsx'],
    rules: restrict(
      ['zustand', 'comlink'],
      ['zustand/*', '**/worker/worker'],
      'zustand is imported only in src/app/store, comlink only in src/app/bridge; ' +
        'the app reaches the protocol only through the worker API and shared types ' +
        '(and the values of core/values: limits, defaults, quorum arithmetic, agent ids).',
      [['**/core/**', '!**/core/values']],
    ),
  },
  {
    files: ['src/app/store/**/*.ts'],
    rules: restrict(['comlink'], [], 'comlink is imported only in src/app/bridge.'),
  },
  {
    files: ['src/app/bridge/**/*.ts'],
    rules: restrict(['zustand'], ['zustand/*'], 'zustand is imported only in src/app/store.'),
  },
);
