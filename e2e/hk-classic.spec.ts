import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/** The chart's opinions at the first and the last step, read back from its lines (y, in px). */
async function ends(chart: Locator): Promise<{ first: number[]; last: number[] }> {
  const paths = await chart.locator('path.hk-line:not(.selected)').evaluateAll((lines) =>
    lines.map((line) => line.getAttribute('d') ?? ''),
  );
  const points = paths.map((d) => [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[2])));
  return { first: points.map((p) => p[0]!), last: points.map((p) => p.at(-1)!) };
}

/** Groups of final positions more than 3 px apart. */
function clusters(ys: readonly number[]): number {
  const sorted = [...ys].sort((a, b) => a - b);
  return 1 + sorted.slice(1).filter((y, i) => y - sorted[i]! > 3).length;
}

/** Issue 12, item 7: hk-classic draws the classic picture, and ε sets the number of clusters. */
test.describe('hk-classic', () => {
  test('starts from uniform opinions and ends in fewer clusters the wider ε is', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('hk-classic');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 200_000 });
    const chart = page.getByTestId('opinion-hk-chart');
    await expect(chart).toBeVisible();
    const wide = await ends(chart);
    expect(wide.first.length).toBeGreaterThan(100);
    // Uniform starts span nearly the whole axis (the plot is 266 px tall); ε = 0.15 leaves two.
    expect(Math.max(...wide.first) - Math.min(...wide.first)).toBeGreaterThan(240);
    expect(clusters(wide.last)).toBe(2);

    const config = page.getByTestId('config-panel');
    await config.locator('summary', { hasText: 'ResonanceBFT' }).click();
    await config.getByLabel('Confidence ε').fill('0.05');
    await config.getByTestId('config-apply').click();
    await expect(page.getByTestId('run-status')).toContainText('ended', { timeout: 200_000 });
    await expect.poll(async () => clusters((await ends(chart)).last), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    await page.getByTestId('opinion-view').screenshot({ path: 'test-results/hk-classic-eps-0.05.png' });
  });
});
