import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../canonicalJson';
import { parseScenario } from '../parseScenario';
import {
  byzantineOptionCount,
  exhaustiveSpace,
  partitionOptionCount,
  partitionWindow,
} from './exhaustiveSpace';

describe('exhaustiveSpace', () => {
  it('has the documented size: 10,397 at n = 4, 27,646 at n = 5, 38,043 in all', () => {
    expect(byzantineOptionCount(4)).toBe(37);
    expect(partitionOptionCount(4)).toBe(281);
    expect(byzantineOptionCount(5)).toBe(46);
    expect(partitionOptionCount(5)).toBe(601);
    expect(exhaustiveSpace({ n: 4 })).toMatchObject({ firstIndex: 0, size: 10397 });
    expect(exhaustiveSpace({ n: 5 })).toMatchObject({ firstIndex: 10397, size: 27646 });
    expect(exhaustiveSpace().size).toBe(38043);
  });

  it('enumerates valid scenarios with no duplicates', () => {
    const space = exhaustiveSpace();
    const seen = new Set<string>();
    for (let index = 0; index < space.size; index++) {
      const { scenario } = space.scenarioAt(index);
      // The name carries the index; the rest of the scenario must differ between indices.
      seen.add(canonicalJson({ ...scenario, name: '' }));
    }
    expect(seen.size).toBe(space.size);
    for (const index of [0, 1, 280, 281, 10396, 10397, 38042]) {
      const { scenario } = space.scenarioAt(index);
      expect(parseScenario(scenario)).toEqual({ ok: true, value: scenario });
    }
  });

  it('puts each Byzantine kind at each position, and every 2-way split in each window', () => {
    const space = exhaustiveSpace({ n: 4 });
    expect(space.scenarioAt(0).scenario.faults).toEqual([]);
    expect(space.scenarioAt(0).scenario.network?.partitions).toEqual([]);
    // Byzantine option 1 (silent at agent 0), partition option 1 (agent 0 alone, view 0, R).
    expect(space.scenarioAt(281 + 1).scenario).toMatchObject({
      faults: [{ kind: 'silent', agents: [0] }],
      network: { partitions: [{ groups: [[0]], from: 0, healAt: 1 }] },
    });
    // The last n = 4 scenario: a twin at agent 3, split {0, 1, 2} | {3}, view 1 commit to
    // the end of view 2.
    expect(space.scenarioAt(10396).scenario).toMatchObject({
      faults: [{ kind: 'twin', agents: [3] }],
      network: { partitions: [{ groups: [[0, 1, 2]], from: 44, healAt: 120 }] },
    });
    const impersonators = Array.from({ length: 4 }, (_, agent) => 281 * (1 + 7 * 4 + agent));
    expect(impersonators.map((index) => space.scenarioAt(index).scenario.faults)).toEqual(
      [0, 1, 2, 3].map((agent) => [
        { kind: 'impersonate', agents: [agent], victim: (agent + 1) % 4 },
      ]),
    );
  });

  it('cuts one phase, the rest of the view, or the rest of the first three views', () => {
    const windows = Array.from({ length: 40 }, (_, window) => partitionWindow(window));
    expect(windows.slice(0, 10)).toEqual([
      { from: 0, healAt: 1 }, { from: 1, healAt: 2 }, { from: 2, healAt: 3 },
      { from: 3, healAt: 4 }, { from: 4, healAt: 5 },
      { from: 0, healAt: 40 }, { from: 1, healAt: 40 }, { from: 2, healAt: 40 },
      { from: 3, healAt: 40 }, { from: 4, healAt: 40 },
    ]);
    expect(windows[10]).toEqual({ from: 40, healAt: 41 });
    expect(windows[29]).toEqual({ from: 84, healAt: 120 });
    const toViewTwo = [0, 1, 2, 3, 4, 40, 41, 42, 43, 44].map((from) => ({ from, healAt: 120 }));
    expect(windows.slice(30)).toEqual(toViewTwo);
  });

  it('refuses an index outside the space', () => {
    expect(() => exhaustiveSpace({ n: 5 }).scenarioAt(3)).toThrow(/outside/);
    expect(() => exhaustiveSpace().scenarioAt(38043)).toThrow(/outside/);
  });
});
