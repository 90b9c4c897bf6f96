import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Issue 15, the page's half: a proof becomes a Council proposal you can open, the tally and the
 * audit entries follow it, the ring and the inspector mark the quarantined agent, the timeline
 * tells the story in order; a forged proof is shown not to verify and its accuser penalised.
 */

async function runPreset(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption(name);
  await page.getByTestId('run-end').click();
  await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
}

function ringAgent(page: Page, agent: number) {
  return page.getByTestId('network-view').locator(`[data-agent="${agent}"]`);
}

test.describe('Accountability in the page', () => {
  test('evidence-to-quarantine: the proof, every check, the tally, the audit entries and the quarantine', async ({ page }) => {
    await runPreset(page, 'evidence-to-quarantine');
    const panel = page.getByTestId('accountability-view');
    const proposal = panel.getByTestId('proposal-prop-0001');
    await expect(proposal.getByTestId('decision')).toHaveText('✓ approved');
    await expect(panel.getByTestId('accusation-claim')).toContainText('a4 shows that a3 signed 2 different evaluations');

    // The proof opens to the two records a3 signed, both verifying under its key.
    const proof = panel.getByTestId('accusation-proof');
    await expect(proof).toHaveAttribute('data-holds', 'true');
    await proof.locator('summary').click();
    const records = proof.getByTestId('proof-record');
    await expect(records).toHaveCount(2);
    await expect(records.nth(0)).toContainText("✓ verifies under a3's roster key");
    await expect(records.nth(1)).toContainText("✓ verifies under a3's roster key");

    // Every voter checked it itself: six find it holds and approve, the accused rejects.
    const checks = panel.getByTestId('accusation-checks').locator('li');
    await expect(checks).toHaveCount(7);
    await expect(checks.filter({ hasText: 'checked: the proof holds → approve' })).toHaveCount(6);
    await expect(checks.filter({ hasText: 'a3 (accused): the accused → reject' })).toHaveCount(1);
    await expect(panel.getByTestId('accusation-outcome')).toHaveAttribute('data-quarantined', 'true');
    await expect(panel.getByTestId('accusation-outcome')).toContainText('honest replicas ignore a3 from round 2 on');
    await expect(panel.getByTestId('accusation-audit')).toContainText('propose');
    await expect(panel.getByTestId('accusation-audit')).toContainText('execute');

    // The audit chain panel shows the same entries, read from the trace, and verifies.
    await expect(page.getByTestId('audit-verdict')).toContainText('✓ Chain verifies');
    await expect(page.getByTestId('audit-chain').getByTestId('audit-entry').first()).toContainText('propose');

    // The ring marks a3 and says why; the inspector tells its quarantine.
    await expect(ringAgent(page, 3).getByTestId('ring-quarantined')).toHaveCount(1);
    await expect(ringAgent(page, 3)).toHaveAttribute('aria-label', /quarantined by Council vote prop-0001/);
    await expect(page.getByTestId('network-view').getByTestId('ring-quarantined')).toHaveCount(1);
    await ringAgent(page, 3).click();
    await expect(page.getByTestId('inspector-quarantined')).toContainText('Quarantined at tick 10 by Council vote prop-0001');
    await ringAgent(page, 4).click();
    await expect(page.getByTestId('inspector-accountability')).toContainText('Accused a3 at tick 5 with an equivocation proof (it holds)');

    // The timeline marks the accusation in round 1 with its outcome.
    const mark = page.getByTestId('commit-timeline').locator('[data-kind="accusation"]');
    await expect(mark).toHaveAttribute('data-status', 'approved');
    await expect(mark).toHaveAttribute('aria-label', /quarantine executed at tick 10/);

    // Before the proof, nothing of it is shown: the panels follow the cursor.
    await page.getByTestId('scrubber').fill('4');
    await expect(panel).toContainText('No accusation yet at tick 4');
    await expect(page.getByTestId('network-view').getByTestId('ring-quarantined')).toHaveCount(0);
    // Between the proof and the tally, the vote is open and a3 not yet quarantined.
    await page.getByTestId('scrubber').fill('7');
    await expect(proposal.getByTestId('decision')).toHaveText('… voting');
    await expect(page.getByTestId('network-view').getByTestId('ring-quarantined')).toHaveCount(0);
  });

  test('false-accusation: a forged proof does not verify, is rejected, and costs its accuser', async ({ page }) => {
    await runPreset(page, 'false-accusation');
    const panel = page.getByTestId('accountability-view');
    await expect(panel.getByTestId('decision')).toHaveText('✗ rejected');
    await expect(panel.getByTestId('accusation-claim')).toContainText('a6 claims that a2 signed');
    const proof = panel.getByTestId('accusation-proof');
    await expect(proof).toHaveAttribute('data-holds', 'false');
    await expect(proof.locator('summary')).toContainText("does not hold: 0 of 2 signatures verify under a2's key");
    await expect(panel.getByTestId('accusation-checks').locator('li').filter({ hasText: 'the proof does not hold → reject' })).toHaveCount(5);
    await expect(panel.getByTestId('accusation-outcome')).toHaveAttribute('data-quarantined', 'false');
    await expect(panel.getByTestId('accusation-outcome')).toContainText('a6 lost reputation');
    await expect(page.getByTestId('network-view').getByTestId('ring-quarantined')).toHaveCount(0);
    await expect(page.getByTestId('commit-timeline').locator('[data-kind="accusation"]')).toHaveAttribute('data-status', 'rejected');
  });
});
