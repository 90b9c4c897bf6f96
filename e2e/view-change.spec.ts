import { expect, test } from './fixtures';

test.describe('the view change that carries locks', () => {
  test('unsafe-view-change stalls with liveness red; without the reference rule every round is decided', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('unsafe-view-change');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('run-status')).toContainText('ended', { timeout: 45_000 });
    const timeline = page.getByTestId('commit-timeline');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(1);
    await expect(timeline.locator('tr[data-status="aborted"]')).toHaveCount(2);
    await expect(page.getByTestId('invariant-liveness-after-heal')).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('invariant-agreement')).toHaveAttribute('data-ok', 'true');
    const stalledHash = await page.getByTestId('trace-hash').textContent();
    await page.screenshot({ path: 'test-results/unsafe-view-change.png', fullPage: true });

    // The switch is on in the configuration panel; turning it off restores the carried locks.
    const config = page.getByTestId('config-panel');
    await config.getByText('Unsafe teaching switches', { exact: true }).click();
    const toggle = config.getByTestId('config-unsafe-viewChange');
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await config.getByTestId('config-apply').click();
    await expect(page.getByTestId('trace-hash')).not.toHaveText(stalledHash!, { timeout: 45_000 });
    await expect(page.getByTestId('run-status')).toContainText('ended', { timeout: 45_000 });
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(3);
    for (const name of ['agreement', 'validity', 'certified-commits', 'liveness-after-heal']) {
      await expect(page.getByTestId(`invariant-${name}`)).toHaveAttribute('data-ok', 'true');
    }
    await page.screenshot({ path: 'test-results/view-change-carried.png', fullPage: true });
  });
});
