import { expect, test } from './fixtures';

/** Screenshots of the main screens, saved for a person to look at (issue 6). */
test.describe('screens', () => {
  for (const preset of ['sycophancy', 'hk-classic', 'partition-heal', 'council-bloc'] as const) {
    test(`${preset} after a run`, async ({ page }) => {
      // 200 agents take half a minute in the page alone, several with another test beside.
      test.setTimeout(180_000);
      await page.goto('/');
      await page.getByTestId('preset-select').selectOption(preset);
      await page.getByTestId('run-end').click();
      await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 150_000 });
      await expect(page.getByTestId('network-view')).toBeVisible();
      if (preset !== 'council-bloc') await expect(page.getByTestId('opinion-view')).toBeVisible();
      await page.screenshot({ path: `test-results/screen-${preset}.png`, fullPage: true });
    });
  }

  test('partition-heal mid-run: the split drawn as regions, messages in flight', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('partition-heal');
    await page.getByTestId('step').click();
    await page.getByTestId('scrubber').fill('41.5');
    await expect(page.getByTestId('partition-region').first()).toBeAttached();
    await page.screenshot({ path: 'test-results/screen-partition-mid.png', fullPage: true });
  });

  test('byzantine-tamper mid-run at 1440 × 900, as the README shows it', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await page.getByTestId('step').click();
    await page.getByTestId('scrubber').fill('23.5');
    await page.getByTestId('network-view').locator('[data-agent="1"]').click();
    await expect(page.getByTestId('agent-inspector')).toContainText('a1');
    await page.screenshot({ path: 'test-results/screen-readme.png' });
  });
});
