import { describe, expect, it } from 'vitest';
import { FakeWorker } from './FakeWorker';
import { WorkerBridge } from './WorkerBridge';


describe('WorkerBridge', () => {
  it('reports a dead worker, rejects its pending calls and starts a fresh one', async () => {
    const workers: FakeWorker[] = [];
    const failures: string[] = [];
    const bridge = new WorkerBridge(
      (message) => failures.push(message),
      () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      },
    );
    const pending = bridge.call((api) => api.presets() as unknown as Promise<unknown>);
    workers[0]!.die('out of memory');
    await expect(pending).rejects.toThrow(/simulation worker stopped \(out of memory\); it was restarted/);
    expect(failures).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.terminated).toBe(false);
  });
});
