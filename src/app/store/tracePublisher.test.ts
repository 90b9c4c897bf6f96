import { describe, expect, it } from 'vitest';
import { idleIntervalMs, pendingEventsMax, publishIntervalMs, TracePublisher } from './tracePublisher';

describe('TracePublisher', () => {
  function publisher() {
    let nowMs = 0;
    const published: number[] = [];
    const it = new TracePublisher((frontier) => published.push(frontier), () => nowMs);
    return { it, published, wait: (ms: number) => (nowMs += ms) };
  }

  it('publishes the first batch at once, so the first frame does not wait', () => {
    const { it: p, published } = publisher();
    expect(p.due(10, 3)).toBe(true);
    expect(published).toEqual([3]);
  });

  it('waits for a whole tick before publishing anything', () => {
    const { it: p, published } = publisher();
    expect(p.due(10, -1)).toBe(false);
    expect(published).toEqual([]);
  });

  it('then publishes at most once per interval', () => {
    const { it: p, published, wait } = publisher();
    p.due(10, 3);
    wait(publishIntervalMs - 1);
    expect(p.due(20, 5)).toBe(true);
    wait(1);
    p.due(30, 7);
    expect(published).toEqual([3, 7]);
  });

  it('stretches the interval as the trace grows', () => {
    const { it: p, published, wait } = publisher();
    p.due(1_000_000, 3);
    wait(publishIntervalMs * 2);
    p.due(1_000_000, 9);
    expect(published).toEqual([3]);
    wait(1_000_000 / 2_000);
    p.due(1_000_000, 9);
    expect(published).toEqual([3, 9]);
  });
});

describe('TracePublisher while the cursor is far behind the frontier', () => {
  it('hands the trace over only every idle interval, so playback is not redrawn for nothing', () => {
    let nowMs = 0;
    const published: number[] = [];
    const publisher = new TracePublisher((frontier) => published.push(frontier), () => nowMs);
    publisher.due(10, 3, false);
    nowMs += publishIntervalMs;
    publisher.due(20, 5, false);
    expect(published).toEqual([3]);
    publisher.due(20, 5, true);
    expect(published).toEqual([3, 5]);
    nowMs += idleIntervalMs;
    publisher.due(30, 9, false);
    expect(published).toEqual([3, 5, 9]);
  });
});

describe('TracePublisher when events pile up', () => {
  it('hands the trace over once pendingEventsMax events wait, before the interval is up', () => {
    let nowMs = 0;
    const published: number[] = [];
    const publisher = new TracePublisher((frontier) => published.push(frontier), () => nowMs);
    publisher.due(10, 3, false);
    nowMs += 1;
    publisher.due(10 + pendingEventsMax - 1, 5, false);
    expect(published).toEqual([3]);
    publisher.due(10 + pendingEventsMax, 6, false);
    expect(published).toEqual([3, 6]);
    // Counted from that hand-over: the next pile starts there.
    publisher.due(10 + pendingEventsMax + 1, 7, false);
    expect(published).toEqual([3, 6]);
    publisher.due(10 + 2 * pendingEventsMax, 8, false);
    expect(published).toEqual([3, 6, 8]);
  });
});
