import { describe, expect, it } from 'vitest';
import { lessonFragment, parseLessonAddress } from './lessonAddress';
import { sameValue, scenarioWith, valueAt } from './scenarioPath';

describe('lesson links', () => {
  it('read a lesson and an optional step, counted from 1', () => {
    expect(parseLessonAddress('#l=partitions')).toEqual({ ok: true, id: 'partitions', step: null });
    expect(parseLessonAddress('#l=partitions/4')).toEqual({ ok: true, id: 'partitions', step: 4 });
    expect(lessonFragment('partitions', 3)).toBe('#l=partitions/4');
    expect(parseLessonAddress('#l=1.abc_-')).toEqual({ ok: true, link: '#l=1.abc_-' });
  });

  it('say what is wrong with a mangled one', () => {
    expect(parseLessonAddress('#l=partitions/0')).toEqual({ ok: false, message: '"0" is not a step number (steps count from 1)' });
    expect(parseLessonAddress('#l=partitions/two')).toEqual({ ok: false, message: '"two" is not a step number (steps count from 1)' });
    expect(parseLessonAddress('#l=a/1/2')).toEqual({ ok: false, message: 'a lesson link has the form #l=<lesson>/<step>' });
    expect(parseLessonAddress('#l=%E0%A4%A')).toEqual({ ok: false, message: 'the lesson name in the link is garbled' });
    expect(parseLessonAddress('#l=<script>')).toEqual({ ok: false, message: '"<script>" is not a lesson name' });
    expect(parseLessonAddress('#l=')).toEqual({ ok: false, message: '"" is not a lesson name' });
  });
});

describe('a "try this" change', () => {
  const scenario = { v: 1, seed: 1, resonance: { unsafe: { quorum: '2f+1' }, accountability: true } };

  it('sets a dotted field on a copy, leaving the original alone', () => {
    const changed = scenarioWith(scenario, 'resonance.unsafe', {});
    expect(changed).toEqual({ v: 1, seed: 1, resonance: { unsafe: {}, accountability: true } });
    expect(scenario.resonance.unsafe).toEqual({ quorum: '2f+1' });
    expect(scenarioWith(scenario, 'network.drop', 0.1)).toMatchObject({ network: { drop: 0.1 } });
  });

  it('is noticed once the scenario has it, whatever the key order', () => {
    expect(valueAt(scenario, 'resonance.unsafe.quorum')).toBe('2f+1');
    expect(valueAt(scenario, 'network.partitions')).toBeUndefined();
    expect(valueAt(scenario, 'seed.toString')).toBeUndefined();
    expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([{ kind: 'silent', agents: [4, 5, 6] }], [{ kind: 'silent', agents: [5, 6] }])).toBe(false);
  });
});
