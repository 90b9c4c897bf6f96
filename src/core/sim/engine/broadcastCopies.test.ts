import { describe, expect, it } from 'vitest';
import { preset } from '../presets';
import { runScenario } from '../runScenario';
import type { Scenario } from '../scenario';
import { broadcastCopies, broadcastRecipient, withBroadcastsExpanded } from './broadcastCopies';
import type { MessageBroadcast, SimEvent } from './traceEvents';

const broadcast: MessageBroadcast = {
  t: 4, kind: 'messageBroadcast', id: 10, from: 2, type: 'V', roundNo: 1, view: 0, phase: 'commit',
  deliverAt: [6, null, 5, null],
  lost: [[1, 'drop'], [4, 'partition']],
  garbled: [3],
};

describe('broadcastCopies', () => {
  it('sends to every agent but the sender, in index order', () => {
    expect([0, 1, 2, 3].map((copyIndex) => broadcastRecipient(broadcast, copyIndex))).toEqual([0, 1, 3, 4]);
  });

  it('gives each copy its id, delivery tick, loss reason and garbling', () => {
    expect(broadcastCopies(broadcast)).toEqual([
      { t: 4, kind: 'messageSent', id: 10, from: 2, to: 0, type: 'V', roundNo: 1, view: 0, phase: 'commit', deliverAt: 6 },
      { t: 4, kind: 'messageSent', id: 11, from: 2, to: 1, type: 'V', roundNo: 1, view: 0, phase: 'commit', deliverAt: null, lost: 'drop' },
      { t: 4, kind: 'messageSent', id: 12, from: 2, to: 3, type: 'V', roundNo: 1, view: 0, phase: 'commit', deliverAt: 5, garbled: true },
      { t: 4, kind: 'messageSent', id: 13, from: 2, to: 4, type: 'V', roundNo: 1, view: 0, phase: 'commit', deliverAt: null, lost: 'partition' },
    ]);
  });

  it('records a vote phase as one event per sender, with message ids that stay consecutive', () => {
    const scenario: Scenario = { ...preset('partition-heal').scenario, rounds: 1 };
    const trace = runScenario(scenario).trace as SimEvent[];
    const votes = trace.filter((event) => event.kind === 'messageBroadcast' && event.type === 'V');
    expect(votes.length).toBeGreaterThan(0);
    for (const vote of votes) if (vote.kind === 'messageBroadcast') expect(vote.deliverAt).toHaveLength(scenario.n! - 1);
    const ids = withBroadcastsExpanded(trace).flatMap((event) => (event.kind === 'messageSent' ? [event.id] : []));
    expect(ids).toEqual(ids.map((_, index) => index));
  });
});
