import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, inProcess } from '../testing/commandRuns';
import { encodeSweepLink, runScenarioOf, type SweepDefinition, type SweepRow } from '../core/sim/sweep';
import { nodeCodec } from './nodeCodec';
import { main as simMain } from './sim';
import { main as sweepMain } from './sweep';


const definition: SweepDefinition = {
  v: 1,
  name: 'tamper and drops',
  base: { v: 1, seed: 5, protocol: 'resonance', n: 7, rounds: 2, faults: [{ kind: 'tamper', agents: [1] }] },
  x: { param: 'faulty', values: [0, 1, 2] },
  y: { param: 'network.drop', values: [0, 0.1] },
  seeds: 2,
  metric: 'committed',
};

function sweepFile(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bft-lab-sweep-'));
  const file = join(dir, 'sweep.json');
  writeFileSync(file, JSON.stringify(definition));
  return { dir, file };
}

const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const rowsOf = (text: string) => lines(text).map((line) => JSON.parse(line) as SweepRow);

describe('sweep command line', () => {
  it('writes one row per run sorted by (xi, yi, seed), and four shards merge to the same lines', async () => {
    const { dir, file } = sweepFile();
    const whole = await inProcess(sweepMain, '--file', file, '--workers', '1');
    expect(whole.code).toBe(0);
    const rows = rowsOf(whole.stdout);
    expect(rows.map(({ xi, yi, seed }) => [xi, yi, seed])).toEqual(
      [0, 1, 2].flatMap((xi) => [0, 1].flatMap((yi) => [5, 6].map((seed) => [xi, yi, seed]))),
    );
    expect(rows[2]).toMatchObject({ x: 0, y: 0.1, seed: 5 });
    expect(rows[0]!.traceHash).toMatch(/^[0-9a-f]{64}$/);
    const shards: string[] = [];
    for (let index = 1; index <= 4; index++) {
      const jsonl = join(dir, `shard-${index}.jsonl`);
      const shard = await inProcess(sweepMain, '--file', file, '--shard', `${index}/4`, '--jsonl', jsonl, '--workers', '1');
      expect(shard.code).toBe(0);
      expect(shard.stdout).toContain(`(shard ${index}/4)`);
      shards.push(...lines(readFileSync(jsonl, 'utf8')));
    }
    const key = (line: string) => {
      const { xi, yi, seed } = JSON.parse(line) as SweepRow;
      return [xi, yi, seed];
    };
    shards.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
    });
    expect(shards).toEqual(lines(whole.stdout));
  }, 120_000);

  it('gives every run the trace hash `sim --json` gives its concrete scenario', async () => {
    const { dir } = sweepFile();
    const link = await encodeSweepLink(definition, nodeCodec);
    const { stdout } = await inProcess(sweepMain, '--link', `http://127.0.0.1:4173/${link}`, '--workers', '2');
    const rows = rowsOf(stdout);
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const file = join(dir, `run-${row.xi}-${row.yi}-${row.seed}.json`);
      writeFileSync(file, JSON.stringify(runScenarioOf(definition, row.xi, row.yi, row.seed)));
      const sim = await inProcess(simMain, '--scenario', file, '--json');
      expect(JSON.parse(sim.stdout).traceHash, `run ${row.xi} ${row.yi} ${row.seed}`).toBe(row.traceHash);
    }
  }, 120_000);

  it('exits 2 with one line naming the problem on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bft-lab-sweep-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...definition, x: { param: 'resonance.threshold', values: [0.5, 2] } }));
    const cases: [string[], RegExp][] = [
      [['--file', bad], /^sweep: --file .*bad\.json: cell x = 2, y = 0 \(x\[1\], y\[0\]\): resonance\.threshold: 2 is out of range/],
      [['--link', '#x=1.garbage!'], /^sweep: --link: link: the sweep data is not base64url/],
      [['--file', join(dir, 'missing.json')], /^sweep: --file: cannot read .*missing\.json \(ENOENT\)/],
      [['--file', bad, '--shard', '5/4'], /^sweep: --shard: 5\/4 needs 1 <= i <= k/],
      [[], /^sweep: give exactly one of --file, --link/],
    ];
    for (const [args, message] of cases) {
      const result = cli('src/cli/sweep.ts', ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  }, 120_000);
});
