import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const opposed = 'I strongly reject this change: it is dangerous, reckless and wrong, and I am definitely against it.';

async function runPreset(page: Page, name: string): Promise<void> {
  await page.getByTestId('preset-select').selectOption(name);
  await page.getByTestId('run-end').click();
  await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
}

function ringAgent(page: Page, agent: number) {
  return page.getByTestId('network-view').locator(`[data-agent="${agent}"]`);
}

test.describe('Agent inspector', () => {
  test('shows a clicked agent\'s persona, sealed evaluation and a verified signature', async ({ page }) => {
    await page.goto('/');
    await runPreset(page, 'happy-path');
    const inspector = page.getByTestId('agent-inspector');
    await expect(inspector).toContainText('Click an agent in the ring (or any panel) to inspect it.');
    await ringAgent(page, 3).click();
    await expect(inspector.locator('.inspector-id')).toHaveText('a3');
    await expect(inspector.getByTestId('inspector-persona')).toContainText('stance');
    await expect(inspector.getByTestId('inspector-persona')).toContainText('certainty');
    await expect(inspector.getByTestId('signature-badge')).toHaveText('✓ signature verifies');
    await expect(inspector.getByTestId('seal-badge')).toHaveText('✓ seal holds');
    await expect(inspector.getByTestId('inspector-text')).not.toBeEmpty();
    await expect(inspector).toContainText('counted it in the quorum');
    await expect(inspector).toContainText('committed rounds 1, 2, 3, 4, 5');
    await inspector.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/inspector.png' });
    await inspector.screenshot({ path: 'test-results/inspector-panel.png' });

    // Scrubbing back shows the agent as it stood then: nothing sealed at tick 0.
    await page.getByTestId('scrubber').fill('0');
    await expect(inspector).toContainText('Nothing sealed yet.');
    await expect(inspector).toContainText('No sealed record yet.');

    // While playing the card follows the cursor; once paused it answers the paused tick.
    await page.getByTestId('speed').selectOption('2');
    await page.getByTestId('play').click();
    await expect(inspector.getByTestId('seal-badge')).toBeVisible();
    await page.getByTestId('pause').click();
    // The status line floors the cursor as the card does; the scrubber rounds it to its 0.1 step.
    const status = (await page.getByTestId('run-status').textContent()) ?? '';
    const paused = Number(/tick (\d+)/.exec(status)?.[1]);
    await expect(inspector).toContainText(`a3 at tick ${paused}`);
    await expect(inspector.locator('.hidden-state')).not.toContainText('as of tick');
  });

  test('shows a tamperer\'s broken seal and the leader flagging it', async ({ page }) => {
    await page.goto('/');
    await runPreset(page, 'byzantine-tamper');
    await ringAgent(page, 1).click();
    const inspector = page.getByTestId('agent-inspector');
    await expect(inspector.getByTestId('seal-badge')).toHaveText('✗ seal broken');
    await expect(inspector.getByTestId('seal-badge')).toHaveAttribute('data-ok', 'false');
    await expect(inspector).toContainText('tamper (semantic +999)');
    await expect(inspector).toContainText('flagged it as tampered');
    await inspector.scrollIntoViewIfNeeded();
    await inspector.screenshot({ path: 'test-results/inspector-tamper.png' });
  });

  test('shows a council voter\'s weight, votes per proposal and its bloc', async ({ page }) => {
    await page.goto('/');
    await runPreset(page, 'council-bloc');
    await ringAgent(page, 7).click();
    const inspector = page.getByTestId('agent-inspector');
    await expect(inspector).toContainText('In a voting bloc with a6, a8');
    await expect(inspector).toContainText('Weight 1');
    await expect(inspector.locator('.inspector-votes li')).toHaveCount(12);
    await expect(inspector).not.toContainText('Sealed evaluation');
    await expect(inspector.getByTestId('edit-evaluation')).toHaveCount(0);
    await inspector.screenshot({ path: 'test-results/inspector-council.png' });
  });

  test('an edited evaluation text changes the run and travels in the share link', async ({ page, context }) => {
    await page.goto('/');
    await runPreset(page, 'happy-path');
    const hash = page.getByTestId('trace-hash');
    const original = await hash.textContent();
    await page.getByTestId('share-button').click();
    await expect(page).toHaveURL(/#s=1\./);
    const originalLink = page.url();

    await ringAgent(page, 3).click();
    const inspector = page.getByTestId('agent-inspector');
    await expect(inspector.getByTestId('signature-badge')).toBeVisible();
    await inspector.getByTestId('edit-evaluation').click();
    const field = inspector.getByTestId('evaluation-text');
    await expect(field).not.toHaveValue('');
    await expect(field).not.toHaveValue(/ratify the/);
    await expect(inspector).toContainText('/ 2000 characters');
    await field.fill(opposed);
    await inspector.screenshot({ path: 'test-results/inspector-edit.png' });
    await inspector.getByTestId('save-evaluation').click();

    await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
    await expect(hash).not.toHaveText(original!);
    await expect(inspector.locator('.inspector-id')).toHaveText('a3');
    await expect(inspector.getByTestId('inspector-text')).toContainText(opposed);
    await expect(inspector.getByTestId('signature-badge')).toHaveText('✓ signature verifies');

    await page.getByTestId('share-button').click();
    await expect.poll(() => page.url()).not.toBe(originalLink);
    const student = await context.newPage();
    await student.goto(page.url());
    await student.getByTestId('run-end').click();
    await expect(student.getByTestId('trace-hash')).toHaveText((await hash.textContent())!);
    await ringAgent(student, 3).click();
    await expect(student.getByTestId('agent-inspector').getByTestId('inspector-text')).toContainText(opposed);

    // Reset to generated removes the override and gives back the preset's run.
    await inspector.getByTestId('reset-evaluation').click();
    await expect(hash).toHaveText(original!);
  });

  test('refuses a text over the schema\'s limit inline and keeps the current run', async ({ page }) => {
    await page.goto('/');
    await runPreset(page, 'happy-path');
    const original = await page.getByTestId('trace-hash').textContent();
    await ringAgent(page, 2).click();
    const inspector = page.getByTestId('agent-inspector');
    await inspector.getByTestId('edit-evaluation').click();
    await inspector.getByTestId('evaluation-text').fill('x'.repeat(2001));
    await expect(inspector).toContainText('2001 / 2000 characters (too long)');
    await inspector.getByTestId('save-evaluation').click();
    await expect(inspector.getByTestId('edit-error')).toContainText('opinions.texts["2"]: a string of 2001 characters is too long');
    await expect(page.getByTestId('trace-hash')).toHaveText(original!);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  });
});
