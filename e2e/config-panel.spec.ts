import { expect, test } from './fixtures';

test.describe('Configuration panel', () => {
  test('adds a silent fault, applies it, keeps the run on a bad edit, and shares the edit', async ({ page, context }) => {
    // With both first leaders crashed the run goes through many view changes: slower to simulate.
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('happy-path');
    await page.getByTestId('run-end').click();
    const timeline = page.getByTestId('commit-timeline');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(5);
    // textContent, not innerText: the panels under the ring skip rendering while off screen
    // (content-visibility), and innerText reads only what is rendered.
    const honestTimeline = await timeline.textContent();
    const honestHash = await page.getByTestId('trace-hash').textContent();

    const config = page.getByTestId('config-panel');
    await expect(config.getByTestId('config-derived')).toContainText('f = 2');
    await expect(config.getByTestId('config-derived')).toContainText('n−f = 5');
    await expect(config.getByTestId('config-edited')).toHaveCount(0);

    // Two crashed agents, the first two leaders: within f = 2, so no warning yet.
    await config.getByTestId('config-fault-kind').selectOption('silent');
    await config.getByTestId('config-add-fault').click();
    const chips = config.getByTestId('config-fault-0-agents');
    await chips.getByRole('button', { name: 'a0', exact: true }).click();
    await chips.getByRole('button', { name: 'a1', exact: true }).click();
    await expect(chips.locator('[aria-pressed="true"]')).toHaveCount(2);
    await expect(config.getByTestId('config-edited')).toBeVisible();
    await expect(config.getByTestId('config-f-warning')).toHaveCount(0);

    // A third one is more than f: the panel says safety is no longer guaranteed.
    await chips.getByRole('button', { name: 'a2', exact: true }).click();
    await expect(config.getByTestId('config-f-warning')).toContainText('more than f Byzantine agents');
    await chips.getByRole('button', { name: 'a2', exact: true }).click();
    await expect(config.getByTestId('config-f-warning')).toHaveCount(0);

    await config.getByTestId('config-apply').click();
    await expect(page.getByTestId('run-status')).toContainText('ended', { timeout: 45_000 });
    await expect(timeline.locator('tr[data-status="pending"]')).toHaveCount(0);
    expect(await timeline.textContent()).not.toBe(honestTimeline);
    await expect(page.getByTestId('preset-select').locator('option:checked')).toHaveText('Seven honest agents (edited)');
    await expect(config.getByTestId('config-edited')).toHaveCount(0);
    const hash = page.getByTestId('trace-hash');
    await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
    const appliedHash = await hash.textContent();
    expect(appliedHash).not.toBe(honestHash);
    const appliedTimeline = await timeline.textContent();

    // An impossible latency range is named by the validator; the applied run stays on screen.
    await config.getByText('Network', { exact: true }).click();
    await config.getByTestId('config-latency-min').fill('5');
    await config.getByTestId('config-latency-max').fill('2');
    await config.getByTestId('config-apply').click();
    await expect(config.getByTestId('config-error')).toContainText('network.latency');
    await expect(config.getByTestId('config-error')).toContainText('low is above high');
    await expect(hash).toHaveText(appliedHash!);
    expect(await timeline.textContent()).toBe(appliedTimeline);
    await expect(config.getByTestId('config-edited')).toBeVisible();
    await page.locator('.config-column').evaluate((column) => column.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/config-panel.png' });

    // Lowering n lists what Apply would leave out; the draft itself keeps it.
    await config.getByTestId('config-n').fill('1');
    await expect(config.getByTestId('config-removals')).toContainText('Removes a1 from fault 1 (silent)');
    await config.getByTestId('config-n').fill('7');
    await expect(config.getByTestId('config-removals')).toHaveCount(0);

    await config.getByTestId('config-discard').click();
    await expect(config.getByTestId('config-edited')).toHaveCount(0);
    await expect(config.getByTestId('config-latency-min')).toHaveValue('1');

    // The share link carries the applied fault: a new page opens it with the same configuration.
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('notice')).toBeVisible();
    const student = await context.newPage();
    await student.goto(page.url());
    const shared = student.getByTestId('config-panel');
    await expect(shared.getByTestId('config-fault-0')).toHaveAttribute('data-kind', 'silent');
    await expect(shared.getByTestId('config-fault-0-agents').locator('[aria-pressed="true"]')).toHaveText(['✓a0', '✓a1']);
    await student.getByTestId('run-end').click();
    await expect(student.getByTestId('trace-hash')).toHaveText(appliedHash!, { timeout: 45_000 });
  });

  test('shows only the council sections for a council scenario, with bloc among the faults', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('council-bloc');
    const config = page.getByTestId('config-panel');
    // The draft follows the picked preset: its name shows once the preset has loaded.
    await expect(config.getByTestId('config-name')).toHaveValue('A colluding bloc is detected');
    const sections = config.locator('summary .config-section-title');
    await expect(sections).toHaveText(['Run', 'Network', 'Faults', 'Council', 'Opinions']);
    await expect(config.getByTestId('config-fault-kind').locator('option')).toContainText(['bloc']);
    await expect(config.getByTestId('config-fault-kind').locator('option[value="tamper"]')).toHaveCount(0);
    await expect(config.getByTestId('config-fault-0')).toHaveAttribute('data-kind', 'bloc');

    // Switching the protocol lists what Apply would leave out instead of failing on it.
    await config.getByTestId('config-protocol').selectOption('resonance');
    await expect(config.getByTestId('config-removals')).toContainText("Removes fault 1 (bloc): it has no effect with protocol 'resonance'");
    await config.getByTestId('config-protocol').selectOption('council');
    await sections.getByText('Council', { exact: true }).click();
    await page.locator('.config-column').screenshot({ path: 'test-results/config-panel-council.png' });
  });
});
