import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The two columns of the compare view. */
const column = (page: Page, run: 'base' | 'fork') => page.locator(`[data-testid="compare-run"][data-run="${run}"]`);

/** Waits for both runs of the pair to be simulated and compared. */
async function comparedPair(page: Page): Promise<void> {
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
}

test.describe('what if: a fork compared side by side', () => {
  test('forks byzantine-tamper at tick 20 with the seal checks off: two runs on one cursor, the first difference marked, validity red only in the fork, and the pair link reloads the pair', async ({ page }) => {
    // A whole journey: four simulations of the pair (fork, reload, pasted link) and one alone.
    test.setTimeout(240_000);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
    const baseHash = await page.getByTestId('trace-hash').textContent();
    await page.getByTestId('scrubber').fill('20');

    await page.getByTestId('fork-open').click();
    await expect(page.getByTestId('fork-dialog')).toBeVisible();
    await expect(page.getByTestId('fork-tick')).toHaveValue('20');
    await page.getByTestId('fork-change').selectOption('unsafe');
    await page.getByTestId('fork-rule').selectOption('seal');
    await page.getByTestId('fork-run').click();

    await comparedPair(page);
    await expect(page.getByTestId('compare-caption')).toContainText('What if from tick 20, seals and signatures go unchecked');
    expect(new URL(page.url()).hash).toMatch(/^#c=1\./);
    // The first run is the simulator's run, exactly; the fork differs from tick 20 on.
    await expect(column(page, 'base')).toHaveAttribute('data-trace-hash', baseHash!);
    const forkHash = await column(page, 'fork').getAttribute('data-trace-hash');
    expect(forkHash).toMatch(/^[0-9a-f]{64}$/);
    expect(forkHash).not.toBe(baseHash);
    const divergence = page.getByTestId('compare-divergence');
    await expect(divergence).toContainText(/First difference at tick \d+/);
    const divergenceTick = Number(await divergence.getAttribute('data-tick'));
    expect(divergenceTick).toBeGreaterThanOrEqual(20);
    // Marked on the shared scrubber and on both timelines, and named in both columns.
    await expect(page.getByTestId('compare-divergence-mark')).toHaveAttribute('data-tick', String(divergenceTick));
    for (const run of ['base', 'fork'] as const) {
      await expect(column(page, run).getByTestId('timeline-divergence')).toHaveCount(1);
      await expect(column(page, run).getByTestId('compare-divergent-event')).toContainText(`≠ tick ${divergenceTick}:`);
      await expect(column(page, run).getByTestId('network-view')).toBeVisible();
    }

    // Both invariant lists: at the end, validity broke in the fork only.
    await page.getByTestId('compare-scrubber').fill(String(1e6));
    await expect(column(page, 'base').getByTestId('invariant-validity')).toHaveAttribute('data-ok', 'true');
    await expect(column(page, 'fork').getByTestId('invariant-validity')).toHaveAttribute('data-ok', 'false');
    await expect(column(page, 'fork').getByTestId('invariant-agreement')).toHaveAttribute('data-ok', 'true');

    // One cursor: scrubbing moves both runs.
    await page.getByTestId('compare-scrubber').fill('12');
    await expect(page.getByTestId('compare-tick')).toContainText('tick 12 /');
    for (const run of ['base', 'fork'] as const) {
      await expect(column(page, run).getByTestId('timeline-cursor')).toHaveText('12');
    }
    // Before the fork tick nothing has broken in either run.
    await expect(column(page, 'fork').getByTestId('invariant-validity')).toHaveAttribute('data-ok', 'true');
    await page.getByTestId('compare-to-divergence').click();
    for (const run of ['base', 'fork'] as const) {
      await expect(column(page, run).getByTestId('timeline-cursor')).toHaveText(String(divergenceTick));
      // Both event logs list the first difference, marked, whatever their filters.
      await expect(column(page, run).getByTestId('event-log-marked')).toHaveCount(1);
    }

    // Each run keeps its own link; the fork's opens in the simulator as an ordinary scenario.
    await expect(column(page, 'fork').getByTestId('compare-run-link')).toHaveAttribute('href', /^#s=1\./);

    // The pair link reloads the same pair, as a fresh page.
    const pairUrl = page.url();
    await page.reload();
    await comparedPair(page);
    await expect(page.getByTestId('compare-caption')).toContainText('seals and signatures go unchecked');
    await expect(page.getByTestId('compare-divergence')).toHaveAttribute('data-tick', String(divergenceTick));
    await expect(column(page, 'base')).toHaveAttribute('data-trace-hash', baseHash!);
    await expect(column(page, 'fork')).toHaveAttribute('data-trace-hash', forkHash!);

    // The fork's own link opens it in the simulator, an ordinary scenario with the same trace.
    await column(page, 'fork').getByTestId('compare-run-link').click();
    await expect(page.getByTestId('compare-view')).toHaveCount(0);
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(forkHash!);

    // The same pair link pasted into the open tab opens the pair again; Back to the simulator
    // returns to its scenario's link.
    await page.evaluate((hash) => { location.hash = hash; }, new URL(pairUrl).hash);
    await comparedPair(page);
    await expect(column(page, 'fork')).toHaveAttribute('data-trace-hash', forkHash!);
    await page.getByTestId('compare-close').click();
    await expect(page.getByTestId('compare-view')).toHaveCount(0);
    await expect(page.getByTestId('network-view')).toHaveCount(1);
    expect(new URL(page.url()).hash).toMatch(/^#s=1\./);
  });

  test('crashing the leader mid-run: the fork shows the crash as the first difference', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('happy-path');
    await expect(page.getByTestId('run-status')).toContainText('ready');
    await page.getByTestId('fork-open').click();
    await page.getByTestId('fork-tick').fill('10');
    await page.getByTestId('fork-change').selectOption('crash');
    await page.getByTestId('fork-agent').selectOption('0');
    await page.getByTestId('fork-run').click();
    await comparedPair(page);
    await expect(page.getByTestId('compare-divergence')).toHaveAttribute('data-tick', '10');
    await expect(column(page, 'fork').getByTestId('compare-divergent-event')).toContainText('a0 crashed');
    await page.getByTestId('compare-to-divergence').click();
    await expect(column(page, 'fork').getByTestId('event-log-marked')).toContainText('a0 crashed');
  });

  test('a change that cannot apply is explained in the dialog, and a mangled pair link on the page', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await page.getByTestId('fork-open').click();
    await page.getByTestId('fork-tick').fill('soon');
    await page.getByTestId('fork-run').click();
    await expect(page.getByTestId('fork-problem')).toContainText('The fork tick must be a whole number');
    await page.getByTestId('fork-tick').fill('5');
    await page.getByTestId('fork-change').selectOption('fault');
    await page.getByTestId('fork-agent').selectOption('1');
    await page.getByTestId('fork-fault').selectOption('tamper');
    await page.getByTestId('fork-run').click();
    await expect(page.getByTestId('fork-problem')).toContainText('a1 already has a tamper fault in the base');
    await page.keyboard.press('Escape');

    await page.goto('/#c=1.not-a-comparison');
    await expect(page.getByTestId('error-banner')).toContainText('This comparison link could not be opened: link: the comparison data is corrupt');
    await expect(page.getByTestId('compare-view')).toHaveCount(0);
    await expect(page.getByTestId('network-view')).toBeVisible();
  });
});
