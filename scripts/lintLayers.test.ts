import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of STYLE.md are lint errors; this proves each one actually fires. */
// The probes are virtual files outside every tsconfig, so the type-aware rules (which need a
// project) are switched off here; the layer rules need no types.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { project: null } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

/** Every layer-rule message, static imports and dynamic `import()` alike. */
async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const rules = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];
  return (result?.messages ?? []).filter((message) => rules.includes(message.ruleId ?? '')).map((message) => message.message);
}

describe('layer rules', () => {
  it('keep React, zustand, d3 and comlink out of src/core', async () => {
    for (const library of ['react', 'zustand', 'd3', 'comlink']) {
      const messages = await restrictedImports(`import * as x from '${library}';\nexport { x };\n`, 'src/core/x.ts');
      expect(messages, library).toHaveLength(1);
      expect(messages[0]).toContain('src/core is pure TypeScript');
    }
  });

  it('keep node built-ins and the app out of src/core', async () => {
    expect(await restrictedImports(`import { readFileSync } from 'node:fs';\nexport { readFileSync };\n`, 'src/core/x.ts')).toHaveLength(1);
    expect(await restrictedImports(`import { useRun } from '../app/store/runStore';\nexport { useRun };\n`, 'src/core/x.ts')).toHaveLength(1);
  });

  it('allow @noble in src/core', async () => {
    expect(await restrictedImports(`import { sha256 } from '@noble/hashes/sha2.js';\nexport { sha256 };\n`, 'src/core/x.ts')).toEqual([]);
  });

  it('keep libsodium and hash-wasm in core/cryptoWasm.ts, statically or dynamically imported', async () => {
    for (const library of ['libsodium-wrappers', 'hash-wasm']) {
      const staticImport = `import * as x from '${library}';\nexport { x };\n`;
      const dynamicImport = `export const load = () => import('${library}');\n`;
      for (const code of [staticImport, dynamicImport]) {
        const messages = await layerErrors(code, 'src/core/x.ts');
        expect(messages, `${library}: ${code}`).toHaveLength(1);
        expect(messages[0]).toContain('only in core/cryptoWasm.ts');
        expect(await layerErrors(code, 'src/core/cryptoWasm.ts'), code).toEqual([]);
      }
    }
  });

  it('keep zustand in src/app/store and comlink in src/app/bridge', async () => {
    expect(await restrictedImports(`import { create } from 'zustand';\nexport { create };\n`, 'src/app/panels/X.ts')).toHaveLength(1);
    expect(await restrictedImports(`import { wrap } from 'comlink';\nexport { wrap };\n`, 'src/app/panels/X.ts')).toHaveLength(1);
    expect(await restrictedImports(`import { wrap } from 'comlink';\nexport { wrap };\n`, 'src/app/store/s.ts')).toHaveLength(1);
    expect(await restrictedImports(`import { create } from 'zustand';\nexport { create };\n`, 'src/app/bridge/b.ts')).toHaveLength(1);
    expect(await restrictedImports(`import { create } from 'zustand';\nexport { create };\n`, 'src/app/store/s.ts')).toEqual([]);
    expect(await restrictedImports(`import { wrap } from 'comlink';\nexport { wrap };\n`, 'src/app/bridge/b.ts')).toEqual([]);
  });

  it('let the app import core types but not core code', async () => {
    expect(await restrictedImports(`import type { AuditEntry } from '../../core/audit';\nexport type { AuditEntry };\n`, 'src/app/panels/X.ts')).toEqual([]);
    expect(await restrictedImports(`import { verifyChain } from '../../core/audit';\nexport { verifyChain };\n`, 'src/app/panels/X.ts')).toHaveLength(1);
    // The one exception: the shared limits, defaults and quorum arithmetic of core/values.
    expect(await restrictedImports(`import { faultBound } from '../../core/values';\nexport { faultBound };\n`, 'src/app/panels/X.ts')).toEqual([]);
    expect(await restrictedImports(`import { withDefaults } from '../../core/sim/scenario';\nexport { withDefaults };\n`, 'src/app/panels/X.ts')).toHaveLength(1);
  });

  it('keep React out of the worker', async () => {
    expect(await restrictedImports(`import { useState } from 'react';\nexport { useState };\n`, 'src/worker/w.ts')).toHaveLength(1);
  });
});
