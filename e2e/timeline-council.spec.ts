import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The tick `run-status` reports at the cursor. */
async function statusTick(page: Page): Promise<number> {
  const text = (await page.getByTestId('run-status').textContent()) ?? '';
  return Number(/tick (\d+)/.exec(text)?.[1] ?? NaN);
}

test.describe('commit timeline and council panels on the time cursor (issue #6)', () => {
  test('silent-two: no mark at tick 0, one committed mark per commit at the end, a click seeks', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('silent-two');
    await page.getByTestId('run-end').click();
    const status = page.getByTestId('run-status');
    await expect(status).toContainText('ended');
    const timeline = page.getByTestId('commit-timeline');
    const commits = Number(/✓(\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    expect(commits).toBe(5);
    await expect(timeline.locator('[data-kind="commit"][data-status="committed"]')).toHaveCount(commits);
    await expect(timeline.locator('[data-kind="resolution"][data-status="committed"]')).toHaveCount(commits);
    await expect(timeline.locator('[data-kind="resolution"]').first()).toContainText('5 ≥ 5');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(commits);
    await page.screenshot({ path: 'test-results/timeline.png', fullPage: true });

    await page.getByTestId('scrubber').fill('0');
    await expect(status).toContainText('tick 0');
    await expect(timeline.getByTestId('timeline-mark')).toHaveCount(0);
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(0);

    await page.getByTestId('run-end').click();
    const third = timeline.locator('[data-kind="commit"]').nth(2);
    const markTick = Number(await third.getAttribute('data-tick'));
    await third.click();
    await expect.poll(() => statusTick(page)).toBe(markTick);
    await expect(timeline.locator('[data-kind="commit"]')).toHaveCount(3);
    await expect(timeline.getByTestId('timeline-cursor')).toContainText(String(markTick));

    // The marks are buttons for the keyboard too.
    await timeline.locator('[data-kind="resolution"]').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => statusTick(page)).toBeLessThan(markTick);
  });

  test('crash-leader: the timeout and the view change are on the timeline, from 1024 px', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('crash-leader');
    await page.getByTestId('run-end').click();
    const timeline = page.getByTestId('commit-timeline');
    await expect(timeline.locator('[data-kind="viewChange"]').first()).toContainText('v1');
    await expect(timeline.locator('[data-kind="timeout"]')).not.toHaveCount(0);
    await timeline.screenshot({ path: 'test-results/timeline-crash-leader.png' });
  });

  test('byzantine-tamper: each resolution carries a badge with its two tampered records', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await page.getByTestId('run-end').click();
    const timeline = page.getByTestId('commit-timeline');
    await expect(timeline.locator('[data-kind="resolution"] .mark-tampered')).toHaveCount(5);
    await expect(timeline.locator('[data-kind="resolution"] .mark-tampered').first()).toHaveText('⚠2');
    await timeline.screenshot({ path: 'test-results/timeline-byzantine-tamper.png' });
  });

  test('council-quarantine: no decision before the first tally, every decision at the end', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('council-quarantine');
    await page.getByTestId('run-end').click();
    const council = page.getByTestId('council-view');
    const timeline = page.getByTestId('commit-timeline');
    const tallies = timeline.locator('[data-kind="tally"]');
    await expect(tallies).toHaveCount(2);
    const firstTallyTick = Number(await tallies.first().getAttribute('data-tick'));

    // At the first tally its decision is there; back, event by event (the tally may share its
    // tick with the votes and the execution), until the tally is undone: no decision yet.
    await page.getByTestId('scrubber').fill(String(firstTallyTick));
    const proposal = council.getByTestId('proposal-prop-0001');
    await expect(proposal).toHaveAttribute('data-decision', 'approved');
    await expect(async () => {
      await page.getByTestId('back').click();
      await expect(proposal).toHaveAttribute('data-decision', 'pending', { timeout: 200 });
    }).toPass({ timeout: 20_000 });
    expect(await statusTick(page)).toBeLessThanOrEqual(firstTallyTick);
    await expect(council.getByTestId('proposal-prop-0001')).toHaveAttribute('data-decision', 'pending');
    await expect(council.getByTestId('proposal-prop-0001').getByTestId('decision')).toHaveText('… voting');
    await expect(council.getByTestId('proposal-prop-0002')).toHaveCount(0);
    await expect(council.locator('[data-decision="approved"], [data-decision="rejected"]')).toHaveCount(0);
    await expect(council.locator('.quorum-line')).toHaveCount(1);
    await expect(council.locator('.threshold-line')).toHaveCount(1);
    await expect(council.getByTestId('voting-blocs')).toHaveAttribute('data-shown', 'false');
    await expect(council.getByTestId('voting-blocs')).toContainText('once the cursor passes the last tally');
    await expect(tallies).toHaveCount(0);
    const audit = page.getByTestId('audit-chain');
    const entriesBefore = await audit.getByTestId('audit-entry').count();
    expect(entriesBefore).toBeGreaterThan(0);
    expect(entriesBefore).toBeLessThan(20);
    await page.screenshot({ path: 'test-results/council.png', fullPage: true });

    await page.getByTestId('run-end').click();
    await expect(council.locator('.proposal')).toHaveCount(2);
    await expect(council.locator('.proposal[data-decision="pending"]')).toHaveCount(0);
    await expect(council.getByTestId('proposal-prop-0002').getByTestId('decision')).toHaveText('✓ approved');
    await expect(council.locator('.quorum-line')).toHaveCount(2);
    await expect(council.locator('.threshold-line-label').last()).toContainText('supermajority');
    await expect(council.getByTestId('voting-blocs')).toHaveAttribute('data-shown', 'true');
    await expect(audit.getByTestId('audit-entry')).toHaveCount(20);
    await page.screenshot({ path: 'test-results/council-end.png', fullPage: true });
    await timeline.screenshot({ path: 'test-results/timeline-council.png' });
  });

  test('a tampered audit entry turns the chain red only from the tampering tick', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('council-quarantine');
    await page.getByTestId('run-end').click();
    const entry = page.getByRole('button', { name: /Tamper with audit entry 3 / });
    await entry.click();
    const verdict = page.getByTestId('audit-verdict');
    await expect(verdict).toContainText('Chain broken at entry 3');
    const tamperTick = Number(/tampered at tick (\d+)/.exec((await verdict.textContent()) ?? '')?.[1]);
    await page.getByTestId('scrubber').fill(String(tamperTick - 1));
    await expect(verdict).toContainText('Chain verifies');
    await expect(page.getByTestId('audit-entry').last()).toHaveAttribute('data-broken', 'false');
    await page.getByTestId('scrubber').fill(String(tamperTick));
    await expect(verdict).toContainText('Chain broken at entry 3');
    await expect(page.getByTestId('audit-entry').nth(3)).toHaveAttribute('data-broken', 'true');
  });
});
