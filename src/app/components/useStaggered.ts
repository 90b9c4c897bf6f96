import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Work queued by staggered components, run one item per task (a message to the page itself),
 * so the browser can draw a frame and take input between two of them.
 */
const queue: (() => void)[] = [];
let posted = false;
let channel: MessageChannel | null = null;

function runNext(): void {
  posted = false;
  const job = queue.shift();
  if (queue.length > 0) post();
  job?.();
}

function post(): void {
  if (posted) return;
  posted = true;
  if (channel === null && typeof MessageChannel !== 'undefined') {
    channel = new MessageChannel();
    channel.port1.onmessage = runNext;
  }
  if (channel !== null) channel.port2.postMessage(null);
  else setTimeout(runNext, 0);
}

/** Runs `job` in a task of its own, after the items queued before it. */
export function runInOwnTask(job: () => void): void {
  queue.push(job);
  post();
}

/**
 * `values` as last shown: when `enabled`, a change is rendered in a task of its own (one per
 * component, in the order they changed), with the latest values by then; when not, at once.
 * Policy: at 1000 agents a tick redraws a dozen panels, each a few to tens of milliseconds on a
 * busy machine; rendered together they made one main-thread task of 50–150 ms (SPEC §8: none
 * over 50 ms during playback), rendered one by one each is its own short task.
 */
export function useStaggered<T extends readonly unknown[]>(values: T, enabled: boolean): T {
  const shown = useRef(values);
  const latest = useRef(values);
  latest.current = values;
  // Not staggered: shown as they come, so turning it on starts from what is on screen.
  if (!enabled) shown.current = values;
  const [, rendered] = useState(0);
  const queued = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const differs = !sameValues(shown.current, values);
  useEffect(() => {
    if (!enabled || !differs || queued.current) return;
    queued.current = true;
    runInOwnTask(() => {
      queued.current = false;
      if (!mounted.current || sameValues(shown.current, latest.current)) return;
      shown.current = latest.current;
      // Rendered now, in this task: a plain update would be batched with the next ones.
      flushSync(() => rendered((count) => count + 1));
    });
  });
  return shown.current;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
