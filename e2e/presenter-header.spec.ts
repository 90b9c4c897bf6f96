import { expect, test } from './fixtures';

/** Issue 12, item 13: at 1280 × 720 in presenter mode the header stays one row. */
test.describe('presenter header', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('keeps one row with a long status line, the whole line in its title', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('unsafe-membership');
    await expect(page.getByTestId('run-status')).toContainText('ready');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 100_000 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await expect(page.locator('.app')).toHaveClass(/\bpresenter\b/);
    // Every visible item of the header shares one row: their vertical middles agree.
    const middles = await page.locator('.app-header > *').evaluateAll((items) =>
      items.flatMap((item) => {
        const box = item.getBoundingClientRect();
        return box.height > 0 ? [box.top + box.height / 2] : [];
      }),
    );
    expect(middles.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
    const status = page.getByTestId('run-status');
    const text = (await status.textContent())!;
    expect(text).toContain('view 6');
    await expect(status).toHaveAttribute('title', text);
    // The status line never wraps: one line of its own height.
    const lines = await status.evaluate((element) => element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));
    expect(lines).toBeLessThan(1.5);
    await page.screenshot({ path: 'test-results/presenter-header-1280.png' });
  });
});
