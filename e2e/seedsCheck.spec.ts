import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Opens a preset and waits until it is loaded (the picker follows the store). */
async function openPreset(page: Page, preset: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('run-status')).toContainText('ready');
  await page.getByTestId('preset-select').selectOption(preset);
  await expect(page.getByTestId('preset-select')).toHaveValue(preset);
  await expect(page.getByTestId('run-status')).toContainText('ready');
}

async function openSeedsCheck(page: Page): Promise<void> {
  await page.getByTestId('file-menu').click();
  await page.getByTestId('seeds-open').click();
  await expect(page.getByTestId('seeds-dialog')).toBeVisible();
}

// Waits are generous: CI runs two tests at once on two cores, and each run here is a whole
// simulation in a pool worker.
test.describe('check over seeds', () => {
  test('runs a preset over 20 seeds, lists the forks, and opens one in the simulator', async ({ page }) => {
    await openPreset(page, 'unsafe-2f1-fork');
    await openSeedsCheck(page);
    await page.getByTestId('seeds-count').selectOption('20');
    await page.getByTestId('seeds-run').click();
    const progress = page.getByTestId('seeds-progress');
    await expect(progress).toBeVisible();
    const result = page.getByTestId('seeds-result');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 80_000 });
    await expect(progress).toContainText('20 / 20 runs');
    await expect(progress).toContainText('runs/s');
    await expect(page.getByTestId('seeds-violations')).toContainText(/of 20 runs had a red invariant: agreement/);

    const seed = page.getByTestId('seeds-open-seed').nth(1);
    const seedNumber = await seed.getAttribute('data-seed');
    const hash = await seed.getAttribute('data-trace-hash');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await seed.click();
    await expect(page.getByTestId('seeds-dialog')).toBeHidden();
    await expect(page.getByTestId('config-seed')).toHaveValue(seedNumber!);
    await expect(page.getByTestId('trace-hash')).toHaveText(hash!, { timeout: 60_000 });
    expect(page.url()).toMatch(/#s=1\./);
  });

  test('cancel stops the check and keeps the partial results on screen', async ({ page }) => {
    await openPreset(page, 'unsafe-2f1-fork');
    await openSeedsCheck(page);
    await page.getByTestId('seeds-count').selectOption('500');
    await page.getByTestId('seeds-run').click();
    const progress = page.getByTestId('seeds-progress');
    await expect(progress).not.toHaveAttribute('data-done', '0', { timeout: 60_000 });
    await expect(progress).toContainText(/about \d+ s left/);
    await page.getByTestId('seeds-cancel').click();
    const result = page.getByTestId('seeds-result');
    await expect(result).toHaveAttribute('data-status', 'cancelled');
    await expect(result).toContainText(/Partial: \d+ of 500 runs \(cancelled\)/);
    const done = Number(await progress.getAttribute('data-done'));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(500);
    await expect(page.getByTestId('seeds-cancel')).toBeDisabled();
    await expect(page.getByTestId('seeds-run')).toBeEnabled();
  });
});
