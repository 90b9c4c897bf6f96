import { describe, expect, it } from 'vitest';
import { withBroadcastsExpanded } from '../core/sim/engine/broadcastCopies';
import { preset } from '../core/sim/presets';
import { runScenario } from '../core/sim/runScenario';
import type { SimEvent } from '../core/sim/engine/traceEvents';
import type { Scenario } from '../core/sim/scenario';
import { ownText } from './agentCard';
import { SimSession } from './SimSession';

/** A session with `scenario` loaded as run 1 and simulated to its end; returns the end tick. */
function simulated(scenario: Scenario): { session: SimSession; endTick: number } {
  const session = new SimSession();
  session.load(scenario, 1);
  let batch;
  do batch = session.advance(1, Infinity);
  while (!batch.done);
  return { session, endTick: batch.tick };
}

describe('SimSession.inspectAgent', () => {
  it('verifies an honest agent\'s sealed record: seal, signature and key all hold', () => {
    const { session, endTick } = simulated(preset('byzantine-tamper').scenario);
    const { card, epoch, tick, agent } = session.inspectAgent(1, endTick, 3);
    expect({ epoch, tick, agent }).toEqual({ epoch: 1, tick: endTick, agent: 3 });
    if (card.protocol !== 'resonance') throw new Error('expected a ResonanceBFT card');
    expect(card.record).not.toBeNull();
    expect(card.sealValid).toBe(true);
    expect(card.signatureValid).toBe(true);
    expect(card.keyMatches).toBe(true);
    expect(card.record!.pubkey).toBe(card.publicKey);
    expect(card.record!.commitment).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(card.persona).toMatchObject({ stance: expect.any(Number), certainty: expect.any(Number) });
  });

  it('shows a tamperer\'s broken seal while its signature still verifies', () => {
    const { session, endTick } = simulated(preset('byzantine-tamper').scenario);
    const { card } = session.inspectAgent(1, endTick, 1);
    if (card.protocol !== 'resonance') throw new Error('expected a ResonanceBFT card');
    expect(card.sealValid).toBe(false);
    // The tamperer edits its vector after signing the commitment, so only the seal breaks.
    expect(card.signatureValid).toBe(true);
  });

  it('gives the record the trace sealed at that tick, and none before the agent sealed one', () => {
    const scenario = preset('happy-path').scenario;
    const { session, endTick } = simulated(scenario);
    const trace = runScenario(scenario).trace as SimEvent[];
    const sealed = trace.filter(
      (event): event is Extract<SimEvent, { kind: 'evaluationSealed' }> => event.kind === 'evaluationSealed' && event.agent === 3,
    );
    const first = sealed[0]!;
    const before = session.inspectAgent(1, first.t - 1, 3).card;
    const at = session.inspectAgent(1, first.t, 3).card;
    const end = session.inspectAgent(1, endTick, 3).card;
    if (before.protocol !== 'resonance' || at.protocol !== 'resonance' || end.protocol !== 'resonance') {
      throw new Error('expected ResonanceBFT cards');
    }
    expect(before.record).toBeNull();
    expect(before.sealValid).toBeNull();
    expect(at.record).toMatchObject({ commitment: first.commitment, evalText: first.text, roundNo: 1 });
    expect(end.record?.commitment).toBe(sealed.at(-1)!.commitment);
  });

  it('leaves out the round description, so the text can go into opinions.texts as it is', () => {
    const text = 'I strongly reject this change.';
    const { session, endTick } = simulated({ ...preset('happy-path').scenario, opinions: { texts: { 3: text } } });
    const { card } = session.inspectAgent(1, endTick, 3);
    if (card.protocol !== 'resonance') throw new Error('expected a ResonanceBFT card');
    expect(card.record?.ownText).toBe(text);
    expect(card.record?.evalText.endsWith(` ${text}`)).toBe(true);
  });

  it('gives a council voter its public key and nothing of ResonanceBFT', () => {
    const { session, endTick } = simulated(preset('council-bloc').scenario);
    const { card } = session.inspectAgent(1, endTick, 2);
    expect(card).toEqual({ protocol: 'council', agent: 2, publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses an agent that does not exist, and a stale run', () => {
    const { session } = simulated(preset('happy-path').scenario);
    expect(() => session.inspectAgent(1, 0, 7)).toThrow(/agent 7 does not exist \(n = 7\)/);
    expect(() => session.inspectAgent(2, 0, 0)).toThrow(/No scenario loaded for run 2/);
  });

  it('does not disturb the run being streamed', () => {
    const scenario = preset('crash-leader').scenario;
    const session = new SimSession();
    session.load(scenario, 1);
    const first = session.advance(1, 30);
    session.inspectAgent(1, 20, 0);
    const events = [...first.events];
    let batch;
    do {
      batch = session.advance(1, Infinity);
      events.push(...batch.events);
    } while (!batch.done);
    expect(batch.traceHash).toBe(runScenario(scenario).summary.traceHash);
    expect(events).toHaveLength(withBroadcastsExpanded(runScenario(scenario).trace as SimEvent[]).length);
  });
});

describe('ownText', () => {
  it('strips the description the sealed text starts with', () => {
    expect(ownText('ratify the cache change Approve it.', 'ratify the cache change')).toBe('Approve it.');
  });

  it('keeps a text that does not start with the description', () => {
    expect(ownText('Approve it.', 'ratify the cache change')).toBe('Approve it.');
    expect(ownText('Approve it.', null)).toBe('Approve it.');
  });
});
