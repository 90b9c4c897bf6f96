import { expect, test } from './fixtures';

/** Issue 6: the per-axis data of the trace, as a student reads it after a tampering run. */
test.describe('per-axis scores, trust and diameters', () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 100_000 });
  });

  test('the pentadic report lists the seven agents with the two tamperers flagged', async ({ page }) => {
    await page.getByTestId('drawer-tab-pentadic').click();
    const report = page.getByTestId('pentadic-report');
    await expect(report.locator('[data-testid^="pentadic-row-"]')).toHaveCount(7);
    await expect(report.locator('[data-tampered="true"]')).toHaveCount(2);
    await expect(report.getByTestId('pentadic-row-1')).toContainText('tampered');
    await expect(report.getByTestId('pentadic-row-2')).toContainText('tampered');
    await expect(report.getByTestId('pentadic-round')).toHaveValue('5:0');
    await report.getByTestId('pentadic-round').selectOption('1:0');
    await expect(report.locator('[data-testid^="pentadic-row-"]')).toHaveCount(7);
    await expect(report).toContainText('resolved by a0: committed');
    await report.getByTestId('pentadic-round').selectOption('5:0');
    await report.scrollIntoViewIfNeeded();
    await report.screenshot({ path: 'test-results/pentadic.png' });
    await page.screenshot({ path: 'test-results/pentadic-page.png', fullPage: true });
  });

  test('the trust matrix switches to semantic trust and the heat map changes', async ({ page }) => {
    const matrix = page.getByTestId('trust-matrix');
    const fills = () => matrix.locator('rect.trust-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('fill')));
    const titles = () => matrix.locator('rect.trust-cell title').allTextContents();
    const scalarFills = await fills();
    const scalarTitles = await titles();
    expect(scalarFills).toHaveLength(49);
    await matrix.getByTestId('trust-source').selectOption('semantic');
    await expect.poll(titles).not.toEqual(scalarTitles);
    expect(await fills()).not.toEqual(scalarFills);
    expect((await titles()).some((title) => title.includes('semantic trust'))).toBe(true);
    await matrix.screenshot({ path: 'test-results/trust-semantic.png' });
  });

  test('the opinion panel draws one diameter line per axis, labelled', async ({ page }) => {
    const opinion = page.getByTestId('opinion-view');
    const lines = opinion.locator('.axis-diameter-line');
    await expect(lines).toHaveCount(5);
    for (const label of ['Sem', 'Aff', 'Rel', 'Epi', 'Beh']) {
      await expect(opinion.locator('.axis-diameter-line text', { hasText: label })).toHaveCount(1);
    }
    await expect(opinion.locator('.axis-diameter-legend li')).toHaveCount(5);
    await opinion.scrollIntoViewIfNeeded();
    await opinion.screenshot({ path: 'test-results/opinion-axes.png' });
  });
});
