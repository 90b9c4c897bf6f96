import { describe, expect, it } from 'vitest';
import { runInOwnTask } from './useStaggered';

describe('runInOwnTask', () => {
  it('runs queued jobs in order, each in a task of its own (the previous one’s microtasks first)', async () => {
    const order: string[] = [];
    const done = new Promise<void>((resolve) => {
      for (const name of ['quorum', 'trust', 'log']) {
        runInOwnTask(() => {
          order.push(name);
          void Promise.resolve().then(() => order.push(`${name} settled`));
          if (name === 'log') setTimeout(resolve, 0);
        });
      }
    });
    expect(order).toEqual([]);
    await done;
    expect(order).toEqual(['quorum', 'quorum settled', 'trust', 'trust settled', 'log', 'log settled']);
  });

  it('takes jobs queued while others run, after them', async () => {
    const order: number[] = [];
    await new Promise<void>((resolve) => {
      runInOwnTask(() => {
        order.push(1);
        runInOwnTask(() => {
          order.push(3);
          resolve();
        });
      });
      runInOwnTask(() => order.push(2));
    });
    expect(order).toEqual([1, 2, 3]);
  });
});
