import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core must be deterministic (SPEC §2): the same scenario gives the same trace hash in
 * Node, in the worker and in CI. These APIs would make it depend on the wall clock or on an
 * unseeded generator, so they are banned outright, each with the replacement to use.
 * (TigerBeetle's tidy.zig bans APIs the same way.)
 */
const banned: { pattern: RegExp; name: string; replacement: string }[] = [
  { pattern: /\bMath\.random\s*\(/, name: 'Math.random', replacement: 'Rng.stream(seed, name) from core/rng.ts' },
  { pattern: /\bDate\.now\s*\(/, name: 'Date.now', replacement: 'virtual ticks from the engine clock' },
  { pattern: /\bperformance\.now\s*\(/, name: 'performance.now', replacement: 'virtual ticks; time benchmarks in bench/' },
  { pattern: /\bnew\s+Date\b/, name: 'new Date', replacement: 'virtual ticks from the engine clock' },
  { pattern: /\bsetTimeout\s*\(/, name: 'setTimeout', replacement: 'a timer event in the engine queue' },
  { pattern: /\bsetInterval\s*\(/, name: 'setInterval', replacement: 'a timer event in the engine queue' },
  { pattern: /\bcrypto\.getRandomValues\s*\(/, name: 'crypto.getRandomValues', replacement: 'Rng.stream(seed, name)' },
];

const coreDir = join(import.meta.dirname, '.');

function coreSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return coreSources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Lines that use a banned API, ignoring `//` comments and TSDoc. */
export function findBannedApis(source: string, file: string): string[] {
  const findings: string[] = [];
  source.split('\n').forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*\*/.test(code)) return;
    for (const { pattern, name, replacement } of banned) {
      if (pattern.test(code)) findings.push(`${file}:${index + 1}: ${name} is banned in src/core; use ${replacement}`);
    }
  });
  return findings;
}

describe('tidy: src/core is deterministic', () => {
  it('uses no clock, timer or unseeded randomness', () => {
    const findings = coreSources(coreDir).flatMap((path) =>
      findBannedApis(readFileSync(path, 'utf8'), relative(coreDir, path)),
    );
    expect(findings).toEqual([]);
  });

  it('names the replacement for every banned API it finds', () => {
    const sample = 'const a = Math.random();\nconst t = Date.now();\nsetTimeout(f, 1);\nnew Date();';
    const findings = findBannedApis(sample, 'sample.ts');
    expect(findings).toHaveLength(4);
    expect(findings[0]).toContain('sample.ts:1: Math.random is banned in src/core; use Rng.stream');
    expect(findings[3]).toContain('new Date');
  });

  it('ignores banned names in comments', () => {
    expect(findBannedApis('// never call Math.random() here\n * Date.now() is banned', 'c.ts')).toEqual([]);
  });
});
