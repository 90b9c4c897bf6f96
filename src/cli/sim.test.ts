import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the command line as a user would, in a child process. */
function sim(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sim command line', () => {
  it('runs a preset and prints the SPEC §6 JSON', () => {
    const { code, stdout } = sim('--preset', 'byzantine-tamper', '--rounds', '2', '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(Object.keys(summary)).toEqual(['scenario', 'traceHash', 'ticks', 'rounds', 'viewChanges', 'invariants', 'certificates']);
    expect(summary.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.rounds).toHaveLength(2);
    expect(summary.rounds[0]).toMatchObject({ round: 1, status: 'committed', quorumNeeded: 5, tamperedAgents: ['a1', 'a2'] });
  });

  it('tells an accusation, its vote and the quarantine in its readable summary', () => {
    const caught = sim('--preset', 'evidence-to-quarantine').stdout;
    expect(caught).toContain('prop-0001 a4 accuses a3 of equivocation at tick 5 · proof holds · approved 6–1 at tick 10 · a3 quarantined: ignored from round 2');
    expect(caught).toContain('audit chain: verifies');
    const forged = sim('--preset', 'false-accusation').stdout;
    expect(forged).toContain('a6 accuses a2 of equivocation at tick 2 (a forged proof) · proof does not hold · rejected 1–6 at tick 8');
    expect(forged).not.toContain('quarantined');
  });

  it('reproduces a run from its share link, with the same trace hash', () => {
    const link = sim('--preset', 'crash-leader', '--print-link').stdout.trim();
    expect(link).toMatch(/^#s=1\./);
    const fromPreset = JSON.parse(sim('--preset', 'crash-leader', '--json').stdout);
    const fromLink = JSON.parse(sim('--link', `http://127.0.0.1:4173/${link}`, '--json').stdout);
    expect(fromLink.traceHash).toBe(fromPreset.traceHash);
  });

  it('runs a scenario file and writes its trace, one event per line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bft-lab-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ v: 1, seed: 3, protocol: 'resonance', n: 4, rounds: 1 }));
    const { code, stdout } = sim('--scenario', file, '--trace', join(dir, 'trace.jsonl'));
    expect(code).toBe(0);
    expect(stdout).toContain('✓ committed');
    const lines = readFileSync(join(dir, 'trace.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!).kind).toBe('runEnded');
  });

  it('exits 2 with one line naming the problem on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bft-lab-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ v: 1, seed: 3, protocol: 'resonance', n: 7, faults: [{ kind: 'silent', agents: [9] }] }));
    for (const args of [
      ['--scenario', file],
      ['--preset', 'no-such-preset'],
      ['--link', '#s=1.not-a-link'],
      ['--preset', 'happy-path', '--seed', 'x'],
      ['--bogus'],
      [],
    ]) {
      const { code, stderr, stdout } = sim(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(sim('--scenario', file).stderr).toContain('faults[0].agents[0]');
  });
});
