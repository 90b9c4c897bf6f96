import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No module of the core takes part in an import circle, type imports included (issue 10: the
 * replicas, monitors and helpers used to import `ResonanceEngine`, which imports them). A
 * helper takes a narrow view of the engine (`EngineView`, `CouncilEngineView`) instead.
 */
const coreDir = dirname(new URL(import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [normalize(path)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
    const base = normalize(join(dirname(file), match[1]!));
    const target = [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path));
    if (target !== undefined) targets.push(target);
  }
  return targets;
}

/** Every import circle, as the files on it (Tarjan's strongly connected components). */
function circles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let top = stack.pop()!; ; top = stack.pop()!) {
      onStack.delete(top);
      component.push(relative(coreDir, top));
      if (top === file) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return found;
}

describe('src/core imports', () => {
  it('form no circle', () => {
    expect(circles(sources(coreDir))).toEqual([]);
  });
});
