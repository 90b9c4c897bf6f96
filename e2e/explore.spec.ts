import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Opens the simulator, then Explore from the header. */
async function openExplore(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('run-status')).toContainText('ready');
  await page.getByTestId('explore-open').click();
  await expect(page.getByTestId('explore-page')).toBeVisible();
  await expect(page.getByTestId('sweep-gallery-card')).toHaveCount(5);
}

async function setAxes(page: Page, x: [string, string], y: [string, string] | null, seeds: string): Promise<void> {
  await page.getByTestId('sweep-x-param').selectOption(x[0]);
  await page.getByTestId('sweep-x-values').fill(x[1]);
  if (y !== null) {
    if (await page.getByTestId('sweep-add-y').count() > 0) await page.getByTestId('sweep-add-y').click();
    await page.getByTestId('sweep-y-param').selectOption(y[0]);
    await page.getByTestId('sweep-y-values').fill(y[1]);
  }
  await page.getByTestId('sweep-seeds').fill(seeds);
}

// Waits are generous: CI runs two tests at once on two cores, and every run is a whole
// simulation in a pool worker.
test.describe('explore', () => {
  test('a 10 × 10 sweep with 5 seeds runs, cancels with its partial results, reruns small and opens a run', async ({ page }) => {
    // A whole journey: a sweep, a cancel, a second sweep and a run in the simulator.
    test.setTimeout(240_000);
    await openExplore(page);
    await setAxes(page, ['network.drop', '0..0.09 ×10'], ['resonance.threshold', '0.3..0.75 ×10'], '5');
    await page.getByTestId('sweep-run').click();
    const progress = page.getByTestId('sweep-progress');
    await expect(progress).toHaveAttribute('data-total', '500');
    await expect(page.getByTestId('sweep-cell')).toHaveCount(100);
    await expect(progress).not.toHaveAttribute('data-done', '0', { timeout: 60_000 });
    await expect(progress).toContainText(/\d+ \/ 500 runs · running · about \d+ s left/);
    await page.getByTestId('sweep-cancel').click();
    await expect(progress).toHaveAttribute('data-status', 'cancelled');
    const done = Number(await progress.getAttribute('data-done'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(500);
    // The finished runs stay drawn: the first cell has its mean.
    await expect(page.locator('[data-testid="sweep-cell"][data-xi="0"][data-yi="0"]')).not.toHaveAttribute('data-mean', '');
    expect(new URL(page.url()).hash).toMatch(/^#x=1\./);

    // Rerun, smaller: 2 × 2 cells, 2 seeds each.
    await setAxes(page, ['network.drop', '0, 0.1'], ['resonance.threshold', '0.5, 0.9'], '2');
    await page.getByTestId('sweep-run').click();
    await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 80_000 });
    await expect(progress).toContainText('8 / 8 runs');
    const cells = page.getByTestId('sweep-cell');
    await expect(cells).toHaveCount(4);
    const cell = page.locator('[data-testid="sweep-cell"][data-xi="1"][data-yi="0"]');
    await cell.hover();
    await expect(page.getByTestId('sweep-hover')).toContainText(/Drop rate 0\.1, Commit threshold 0\.5: mean [\d.]+%.* over 2 runs/);
    await expect(page.getByTestId('sweep-legend')).toBeVisible();

    await cell.click();
    const runs = page.getByTestId('sweep-runs');
    await expect(runs).toHaveAttribute('data-xi', '1');
    const link = runs.getByTestId('sweep-run-link');
    await expect(link).toHaveCount(2);
    const hash = await link.nth(1).getAttribute('data-trace-hash');
    const seed = await link.nth(1).getAttribute('data-seed');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await link.nth(1).click();
    await expect(page.getByTestId('explore-page')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=1\./);
    await expect(page.getByTestId('config-panel').getByLabel('Seed')).toHaveValue(seed!);
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(hash!, { timeout: 60_000 });
  });

  test('a sweep link reproduces the diagram in a fresh page; one axis draws a line; bad values keep the text', async ({ page, context }) => {
    test.setTimeout(240_000);
    await openExplore(page);
    await setAxes(page, ['network.drop', '0, 0.2, 0.4'], null, '2');
    await page.getByTestId('sweep-metric').selectOption('viewChangesPerRound');
    await page.getByTestId('sweep-run').click();
    const progress = page.getByTestId('sweep-progress');
    await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 80_000 });
    await expect(page.getByTestId('sweep-heatmap')).toHaveAttribute('data-chart', 'line');
    const means = async (target: Page) =>
      target.getByTestId('sweep-cell').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-mean')));
    const first = await means(page);
    expect(first).toHaveLength(3);
    const link = new URL(page.url()).hash;
    expect(link).toMatch(/^#x=1\./);
    // The rows export as CSV: a header and one line per run.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sweep-export-csv').click()]);
    expect(download.suggestedFilename()).toBe('sweep-results.csv');
    const csv = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString('utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^xi,yi,x,y,seed,traceHash,decided,/);
    expect(lines).toHaveLength(7);

    const fresh = await context.newPage();
    await fresh.goto(`/${link}`);
    await expect(fresh.getByTestId('explore-page')).toBeVisible();
    await expect(fresh.getByTestId('sweep-progress')).toHaveAttribute('data-status', 'done', { timeout: 80_000 });
    await expect(fresh.getByTestId('sweep-metric')).toHaveValue('viewChangesPerRound');
    expect(await means(fresh)).toEqual(first);
    await fresh.close();

    // A value the schema refuses: the message names the cell and the field; the text stays.
    await page.getByTestId('sweep-x-param').selectOption('resonance.threshold');
    await page.getByTestId('sweep-x-values').fill('0.5, 1.5');
    await page.getByTestId('sweep-run').click();
    await expect(page.getByTestId('sweep-error')).toContainText('cell x = 1.5 (x[1]): resonance.threshold: 1.5 is out of range (0, 1]');
    await expect(page.getByTestId('sweep-x-values')).toHaveValue('0.5, 1.5');

    await page.getByTestId('explore-close').click();
    await expect(page.getByTestId('explore-page')).toHaveCount(0);
    await expect(page.getByTestId('run-status')).toContainText('ready');
  });
});
