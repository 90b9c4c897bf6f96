import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../worker/api';
import { FakeWorker } from '../bridge/FakeWorker';
import { TraceIndex } from '../trace/traceIndex';

// The stores start the page's worker when loaded: a worker that never answers will do, since
// these tests give the run store its trace directly.
vi.stubGlobal('Worker', FakeWorker);
const { usePlayback } = await import('./playbackStore');
const { useRun } = await import('./runStore');

/** A run of four ticks; tick 4 holds a resolution, a vote with its broadcast, and a commit. */
const events: StreamEvent[] = [
  { t: 0, kind: 'agentCrashed', agent: 3 },
  { t: 2, kind: 'agentRestarted', agent: 3 },
  {
    t: 4, kind: 'roundResolved', agent: 0, roundNo: 1, view: 0, status: 'committed', quorumSize: 3,
    quorumNeeded: 3, quorumAgents: [0, 1, 2], tamperedAgents: [], outlierAgents: [], winner: 1, reason: null,
  } as unknown as StreamEvent,
  { t: 4, kind: 'agentCrashed', agent: 2 },
  { t: 4, kind: 'messageSent', id: 1, from: 0, to: 1, type: 'P', roundNo: 1, view: 0, deliverAt: 6 },
  { t: 4, kind: 'messageSent', id: 2, from: 0, to: 2, type: 'P', roundNo: 1, view: 0, deliverAt: 6 },
  { t: 4, kind: 'agentRestarted', agent: 2 },
  { t: 7, kind: 'agentCrashed', agent: 1 },
];

const at = () => {
  const { cursor, eventCount } = usePlayback.getState();
  return { cursor, eventCount };
};

describe('playback cursor', () => {
  beforeEach(() => {
    useRun.setState({
      trace: TraceIndex.of(events),
      status: 'loaded',
      endTick: 7,
      frontier: 7,
      ensureStarted: () => Promise.resolve(true),
      ensureSimulated: () => Promise.resolve(true),
    });
    usePlayback.setState({ cursor: 0, eventCount: null, playing: false });
  });

  it('steps event by event inside a tick, each message riding with the event before it', async () => {
    const { step } = usePlayback.getState();
    await step();
    expect(at()).toEqual({ cursor: 2, eventCount: 2 });
    await step();
    expect(at()).toEqual({ cursor: 4, eventCount: 3 });
    await step();
    expect(at()).toEqual({ cursor: 4, eventCount: 6 });
    await step();
    expect(at()).toEqual({ cursor: 4, eventCount: 7 });
    await step();
    expect(at()).toEqual({ cursor: 7, eventCount: 8 });
    await step();
    expect(at()).toEqual({ cursor: 7, eventCount: null });
  });

  it('goes back over the same events in the reverse order, down to nothing shown', () => {
    usePlayback.getState().seek(7);
    const { back } = usePlayback.getState();
    const stops: (number | null)[] = [];
    for (let i = 0; i < 7; i++) {
      back();
      stops.push(at().eventCount);
    }
    expect(stops).toEqual([7, 6, 3, 2, 1, 0, 0]);
    expect(at().cursor).toBe(0);
  });

  it('from a paused cursor between ticks, steps to the next event and back to the ones before', async () => {
    usePlayback.getState().seek(3.4);
    await usePlayback.getState().step();
    expect(at()).toEqual({ cursor: 4, eventCount: 3 });
    usePlayback.getState().seek(5.5);
    usePlayback.getState().back();
    expect(at()).toEqual({ cursor: 4, eventCount: 6 });
  });

  it('shows every event of the cursor tick again once played, scrubbed or run to the end', async () => {
    await usePlayback.getState().step();
    await usePlayback.getState().step();
    await usePlayback.getState().play();
    expect(at()).toEqual({ cursor: 4, eventCount: null });
    usePlayback.getState().pause();
    usePlayback.getState().back();
    usePlayback.getState().setCursor(4);
    expect(at().eventCount).toBeNull();
    usePlayback.getState().back();
    await usePlayback.getState().runToEnd();
    expect(at()).toEqual({ cursor: 7, eventCount: null });
  });
});
