import { expect, test } from './fixtures';

/** Screenshots of the main screens, saved for a person to look at (issue 6). */
test.describe('screens', () => {
  for (const preset of ['sycophancy', 'hk-classic', 'partition-heal'] as const) {
    test(`${preset} after a run`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto('/');
      await page.getByTestId('preset-select').selectOption(preset);
      await page.getByTestId('run-end').click();
      await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 45_000 });
      await expect(page.getByTestId('opinion-view')).toBeVisible();
      await page.screenshot({ path: `test-results/screen-${preset}.png`, fullPage: true });
    });
  }
});
