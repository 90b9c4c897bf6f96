import { encodeShareLink } from '../src/core/sim/shareLink';
import { nodeCodec } from '../src/cli/nodeCodec';
import { expect, test } from './fixtures';

/** Large enough that the worker is still simulating long after the first ticks exist. */
const scenario = { v: 1, name: '250 agents, 2 rounds', seed: 5, protocol: 'resonance', n: 250, rounds: 2 } as const;

test.describe('Play while simulating', () => {
  test('plays the first ticks while the worker simulates the rest, and never passes the frontier', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(`/${await encodeShareLink(scenario, nodeCodec)}`);
    await expect(page.getByTestId('play')).toBeEnabled();
    await page.getByTestId('speed').selectOption('64');

    // Watch the playback bar from before Play: the cursor must move while the worker is still
    // simulating (the progress note shown), and never beyond the ticks simulated so far.
    const watched = page.evaluate(
      () =>
        new Promise<{ playedWhileSimulating: boolean; passedFrontier: boolean }>((resolve) => {
          let playedWhileSimulating = false;
          let passedFrontier = false;
          const look = () => {
            const text = document.querySelector('.cursor-tick')?.textContent ?? '';
            const [, at, end] = /tick (\d+) \/ (\d+)/.exec(text) ?? [];
            const simulating = document.querySelector('[data-testid="simulation-progress"]') !== null;
            if (simulating && Number(at) > 0) playedWhileSimulating = true;
            if (Number(at) > Number(end)) passedFrontier = true;
            const hash = document.querySelector('[data-testid="trace-hash"]')?.textContent ?? '';
            if (/^[0-9a-f]{64}$/.test(hash)) resolve({ playedWhileSimulating, passedFrontier });
            else requestAnimationFrame(look);
          };
          look();
        }),
    );
    await page.getByTestId('play').click();
    await expect(page.getByTestId('simulation-progress')).toBeVisible();
    await expect(page.getByTestId('run-status')).toContainText('simulating ahead');
    const { playedWhileSimulating, passedFrontier } = await watched;
    expect(playedWhileSimulating).toBe(true);
    expect(passedFrontier).toBe(false);
    await expect(page.getByTestId('simulation-progress')).toHaveCount(0);
    await expect(page.getByTestId('run-status')).toContainText('ended');
  });

  test('a long simulation can be stopped: what was simulated stays to play, and End finishes the run', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(`/${await encodeShareLink(scenario, nodeCodec)}`);
    await expect(page.getByTestId('play')).toBeEnabled();
    await page.getByTestId('play').click();
    await page.getByTestId('pause').click();
    await page.getByTestId('simulation-stop').click();
    await expect(page.getByTestId('simulation-stopped')).toBeVisible();
    await expect(page.getByTestId('run-status')).toContainText('simulation stopped');
    await expect(page.getByTestId('run-status')).not.toContainText('ended');
    await expect(page.getByTestId('trace-hash')).toHaveText('');
    // What was simulated stays: the scrubber reaches the last simulated tick, and no further.
    const text = (await page.locator('.cursor-tick').textContent()) ?? '';
    const end = Number(/tick \d+ \/ (\d+)/.exec(text)?.[1]);
    expect(end).toBeGreaterThan(0);
    await page.getByTestId('scrubber').fill(String(end + 50));
    await expect(page.locator('.cursor-tick')).toContainText(`tick ${end} / ${end}`);
    // End simulates the whole run again, to its end, with its full trace hash.
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 200_000 });
    await expect(page.getByTestId('run-status')).toContainText('ended');
  });
});
