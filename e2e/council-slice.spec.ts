import { expect, test } from './fixtures';

test.describe('council slice', () => {
  test('runs the weighted council preset in the worker and shows each decision', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'BFT Lab', level: 1 })).toBeVisible();
    const picker = page.getByTestId('preset-select');
    await picker.selectOption('council-quarantine');

    await page.getByTestId('play').click();
    await page.getByTestId('run-end').click();
    const council = page.getByTestId('council-view');
    const quarantine = council.getByTestId('proposal-prop-0001');
    const terminate = council.getByTestId('proposal-prop-0002');
    await expect(quarantine).toHaveAttribute('data-decision', 'approved');
    await expect(quarantine).toContainText('quarantine');
    await expect(quarantine).toContainText('approve weight 7 vs reject 1');
    await expect(terminate).toHaveAttribute('data-decision', 'approved');
    await expect(terminate).toContainText('critical');
    await expect(terminate.getByTestId('decision')).toHaveText('✓ approved');

    const audit = page.getByTestId('audit-chain');
    await expect(audit.getByTestId('audit-verdict')).toHaveText(/Chain verifies: 20 entries/);
    await expect(audit.getByTestId('audit-entry')).toHaveCount(20);
    await expect(page.getByTestId('run-status')).toContainText('2/2 proposals · ✓2 approved');
    await expect(page.getByTestId('run-status')).toContainText('ended');

    await page.screenshot({ path: 'test-results/council-slice.png', fullPage: true });
  });

  test('outlines the detected voting bloc in the agreement matrix', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('council-bloc');
    await page.getByTestId('run-end').click();
    const matrix = page.getByTestId('trust-matrix');
    await expect(matrix.getByTestId('bloc-legend')).toContainText('a6, a7, a8');
    // Three members: every ordered pair of distinct members is outlined.
    await expect(matrix.locator('rect.bloc-cell')).toHaveCount(6);
    await matrix.screenshot({ path: 'test-results/agreement-bloc.png' });
  });

  test('switches presets and plays with the keyboard', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('council-bloc');
    await expect(page.getByTestId('run-status')).toContainText('9 agents · 12 proposals');
    await page.locator('body').press(' ');
    await expect(page.getByTestId('pause')).toBeVisible();
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('council-view').locator('.proposal')).toHaveCount(12);
    await expect(page.getByTestId('voting-blocs')).toContainText('{a6, a7, a8}');
    await expect(page.getByTestId('audit-verdict')).toContainText('Chain verifies');
  });

  test('tampering with an audit entry turns the chain red from that entry on, and the link keeps it', async ({ page, context }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('council-quarantine');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('audit-verdict')).toContainText('Chain verifies');
    await page.getByRole('button', { name: /Tamper with audit entry 3 / }).click();
    await expect(page.getByTestId('audit-verdict')).toContainText('Chain broken at entry 3');
    const entries = page.getByTestId('audit-entry');
    await expect(entries.nth(2)).toHaveAttribute('data-broken', 'false');
    await expect(entries.nth(3)).toHaveAttribute('data-broken', 'true');
    await expect(entries.last()).toHaveAttribute('data-broken', 'true');
    await expect(page.getByTestId('invariant-integrity')).toHaveAttribute('data-ok', 'false');

    await page.getByTestId('share-button').click();
    const student = await context.newPage();
    await student.goto(page.url());
    await student.getByTestId('run-end').click();
    await expect(student.getByTestId('audit-verdict')).toContainText('Chain broken at entry 3');
    await expect(student.getByTestId('trace-hash')).toHaveText((await page.getByTestId('trace-hash').textContent())!);
  });

  test('ships a Content Security Policy without eval or inline script', async ({ page }) => {
    await page.goto('/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    // WebAssembly may compile (the fast crypto backend); eval and new Function may not.
    expect(policy).toContain("'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
  });
});
