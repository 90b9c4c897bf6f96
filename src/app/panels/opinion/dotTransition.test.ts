import { describe, expect, it } from 'vitest';
import { dotPositions, dotTransition, type DotFrame } from './dotTransition';
import { pcaLayout, type DeliberationRound } from './opinionLayout';

/** `agentCount` agents drawn toward the origin over `steps` steps. */
function round(agentCount: number, steps: number, roundNo = 1): DeliberationRound {
  const agents = Array.from({ length: agentCount }, (_, row) => row);
  const positions = Array.from({ length: steps + 1 }, (_, step) =>
    agents.map((_, row): [number, number] => {
      const shrink = 1 - step / (steps + 1);
      return [Math.cos(row * 1.3) * (1 + row / agentCount) * shrink, Math.sin(row * 1.3) * shrink];
    }),
  );
  return {
    roundNo, view: 0, t: 5, steps, consensusType: 'genuine', agents,
    sycophancy: agents.map(() => 0), sycophants: [], positions,
    hk1d: positions.map((step) => step.map(() => 0.5)), axisDiameters: null, planeDiameters: positions.map(() => 0),
  };
}

/** The dots of `r` at `step`, as the canvas scatter lays them out. */
function frameAt(r: DeliberationRound, step: number): DotFrame {
  return { basis: r, positions: dotPositions(pcaLayout(r, 480, 300, step).trails) };
}

describe('dotPositions', () => {
  it('lists each row’s dot at the step shown, x then y', () => {
    const r = round(5, 2);
    const trails = pcaLayout(r, 480, 300, 1).trails;
    expect([...dotPositions(trails)]).toEqual(trails.flatMap((trail) => [trail.cx, trail.cy]));
  });
});

describe('dotTransition', () => {
  const r = round(300, 3);
  const step1 = frameAt(r, 1);
  const step2 = frameAt(r, 2);

  it('starts exactly where the dots are drawn and ends exactly at the new step', () => {
    const at = dotTransition(step1, step2, false)!;
    expect(at).not.toBeNull();
    expect([...at(0)]).toEqual([...step1.positions]);
    expect([...at(1)]).toEqual([...step2.positions]);
    // Progress outside [0, 1] (a late first frame) stays at an end.
    expect([...at(-0.2)]).toEqual([...step1.positions]);
    expect([...at(1.7)]).toEqual([...step2.positions]);
  });

  it('moves every dot monotonically, slow at both ends and halfway at half time (ease in and out)', () => {
    const at = dotTransition(step1, step2, false)!;
    const from = step1.positions;
    const to = step2.positions;
    const samples = Array.from({ length: 101 }, (_, i) => Float64Array.from(at(i / 100)));
    let moving = 0;
    for (let i = 0; i < from.length; i += 1) {
      const direction = Math.sign(to[i]! - from[i]!);
      if (direction === 0) continue;
      moving += 1;
      const backwards = samples.findIndex((sample, k) => k > 0 && (sample[i]! - samples[k - 1]![i]!) * direction < 0);
      expect(backwards).toBe(-1);
      const share = (k: number) => (samples[k]![i]! - from[i]!) / (to[i]! - from[i]!);
      expect(share(50)).toBeCloseTo(0.5, 9);
      // A tenth of the time in: far less than a tenth of the way (linear would be 0.1).
      expect(share(10)).toBeLessThan(0.02);
      expect(share(90)).toBeGreaterThan(0.98);
    }
    expect(moving).toBeGreaterThan(500);
  });

  it('writes one array over and over, so a frame allocates nothing', () => {
    const at = dotTransition(step1, step2, false)!;
    const first = at(0.25);
    expect(at(0.75)).toBe(first);
    expect(first).not.toBe(step1.positions);
    expect(first).not.toBe(step2.positions);
  });

  it('starts a move cut short from where it was drawn, not from the step it left', () => {
    const at = dotTransition(step1, step2, false)!;
    const midway: DotFrame = { basis: r, positions: at(0.4) };
    const drawnThen = Float64Array.from(midway.positions);
    const back = dotTransition(midway, frameAt(r, 0), false)!;
    expect([...back(0)]).toEqual([...drawnThen]);
    expect([...back(1)]).toEqual([...frameAt(r, 0).positions]);
  });

  it('draws the new step at once when the user asked for reduced motion', () => {
    expect(dotTransition(step1, step2, true)).toBeNull();
  });

  it('draws at once on another round, with other agents or another basis, or when nothing moves', () => {
    expect(dotTransition(null, step2, false)).toBeNull();
    const other = round(300, 3, 2);
    expect(dotTransition(step1, frameAt(other, 2), false)).toBeNull();
    // The same agent count is not enough: the basis is the round's.
    expect(dotTransition(step1, { basis: other, positions: step2.positions }, false)).toBeNull();
    const fewer = round(299, 3);
    expect(dotTransition({ basis: fewer, positions: frameAt(fewer, 1).positions }, { basis: fewer, positions: step2.positions }, false)).toBeNull();
    expect(dotTransition(step1, { basis: r, positions: Float64Array.from(step1.positions) }, false)).toBeNull();
  });
});
