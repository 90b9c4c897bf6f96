import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Issue 12: what each preset shows must be what its paragraph claims. */
async function runPreset(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption(name);
  await page.getByTestId('run-end').click();
  await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
}

test.describe('teaching claims', () => {
  test('only agents the audit flags are called sycophants; scores are shown as quantities', async ({ page }) => {
    await runPreset(page, 'happy-path');
    const opinions = page.getByTestId('opinion-view');
    const note = opinions.getByTestId('sycophancy-note');
    await expect(note).toContainText('mean evidence delta');
    await expect(note).toContainText(/Lowest: a\d −0\.\d{3}/);
    await expect(note).toContainText('The audit flags no sycophant');
    await expect(opinions.getByTestId('sycophants-flagged')).toHaveCount(0);
    await expect(opinions.locator('.sycophant-ring')).toHaveCount(0);

    await page.getByTestId('preset-select').selectOption('sycophancy');
    await page.getByTestId('run-end').click();
    await expect(opinions.getByTestId('sycophants-flagged')).toContainText(/a1 \(−0\.\d{3}\), a2 \(−0\.\d{3}\)/);
    await expect(opinions.getByTestId('sycophants-flagged')).toContainText("repeated the leader's evaluation word for word");
    await expect(opinions.locator('.sycophant-ring')).toHaveCount(2);
  });
});
