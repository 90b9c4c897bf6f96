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

  test('a refused evaluation is labelled by the reason the trace gives', async ({ page }) => {
    // a3 garbles every message (rate 1): the leader a0 refuses its evaluation as garbled.
    const garbler = '#s=1.JYwxDsIwEMC-gjzfQkFCuo13oA5Hc1SIcEFJylLxd0TZPNheudmSe0MvKzZ7bHgYhcc9Esps9ZodoVp3dP8ZhUBPQtjTUc67v1IRXrX0MpWMUr2VsJi2tCyRGjoIzT2hx0F4_2Zf';
    await page.goto(`/${garbler}`);
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await page.getByTestId('scrubber').fill('5');
    const chip = page.getByTestId('quorum-view').locator('li[data-agent="3"]');
    await expect(chip).toHaveAttribute('data-status', 'rejected');
    await expect(chip.locator('[title]')).toHaveAttribute('title', 'a3: rejected by the leader (garbled payload)');
  });

  test('the equivocation certificate is shown: two records signed by the accused, side by side', async ({ page }) => {
    await runPreset(page, 'equivocation');
    const certificates = page.getByTestId('invariants-panel').getByTestId('equivocation-certificate');
    await expect(certificates.first()).toBeVisible();
    const first = certificates.first();
    await expect(first).toHaveAttribute('data-accused', '3');
    await expect(first).toContainText('Certificate against a3');
    await expect(first).toContainText('✓ verifies');
    const records = first.getByTestId('certificate-record');
    await expect(records).toHaveCount(2);
    // One record approves and the other rejects: that is the conflict.
    await expect(records.nth(0)).toContainText(/favor|support|approve/);
    await expect(records.nth(1)).toContainText(/oppose|reject|against/);
    await expect(first.getByTestId('certificate-signature')).toHaveCount(2);
    for (const signature of await first.getByTestId('certificate-signature').all()) {
      await expect(signature).toHaveAttribute('data-verifies', 'true');
      await expect(signature).toContainText("verifies under a3's key");
    }
    await expect(records.nth(0)).toContainText(/received by a\d/);
    // The log names the accused as accused, never as the finder.
    const log = page.getByTestId('event-log');
    await expect(log).toContainText('signed by a3');
    await expect(log).not.toContainText('a3 found');
    await first.screenshot({ path: 'test-results/equivocation-certificate.png' });
  });

  test('crash-leader: one count per quantity, on the status line, the log and the timeline alike', async ({ page }) => {
    await runPreset(page, 'crash-leader');
    await expect(page.getByTestId('run-status')).toContainText('✓3');
    const log = page.getByTestId('event-log');
    await expect(log).toContainText('3 committed, 1 view change');
    const timeline = page.getByTestId('commit-timeline');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(3);
    await expect(timeline).not.toContainText(/\b\d+\/\d+\b/);
    await expect(page.getByTestId('quorum-resolution')).toContainText(/committed with \d+ counted, \d+ needed/);
  });

  for (const preset of ['unsafe-2f1-fork', 'unsafe-membership', 'unsafe-lock-off'] as const) {
    test(`${preset}: the fork is drawn, two sides in the ring, one timeline row per conflicting commit`, async ({ page }) => {
      await runPreset(page, preset);
      const legend = page.getByTestId('fork-legend');
      await expect(legend).toContainText('Fork in round 1');
      await expect(legend.locator('[data-side="A"]')).toContainText(/winner a\d+/);
      await expect(legend.locator('[data-side="B"]')).toContainText(/winner a\d+/);
      const ring = page.getByTestId('network-view');
      await expect(ring.locator('.ring-fork.fork-side-0').first()).toBeAttached();
      await expect(ring.locator('.ring-fork.fork-side-1').first()).toBeAttached();
      const conflicts = page.getByTestId('commit-timeline').getByTestId('timeline-conflict');
      await expect(conflicts).toHaveCount(2);
      await expect(conflicts.nth(0)).toContainText('fork, value A');
      await expect(conflicts.nth(1)).toContainText('fork, value B');
      await expect(page.locator('.scrubber-markers .marker-fork')).toHaveCount(1);
      await expect(page.getByTestId('invariant-agreement')).toHaveAttribute('data-ok', 'false');
      // Every panel's end state stays right: the leader did resolve, and the round was deliberated.
      await expect(page.getByTestId('quorum-view')).not.toContainText('not resolved yet');
      await expect(page.getByTestId('opinion-view').getByTestId('consensus-type')).toBeVisible();
      await page.getByTestId('network-view').screenshot({ path: `test-results/fork-${preset}.png` });
    });
  }

  test('the configuration warns before Apply that ResonanceBFT cannot decide with n < 4', async ({ page }) => {
    await page.goto('/');
    const config = page.getByTestId('config-panel');
    await config.getByTestId('config-n').fill('3');
    await expect(config.getByTestId('config-n-warning')).toContainText('needs at least 4 agents');
    await expect(config.getByTestId('config-n-warning')).toContainText('aborts every round');
    await config.getByTestId('config-n').fill('4');
    await expect(config.getByTestId('config-n-warning')).toHaveCount(0);

    // A cleared field says so instead of showing nothing.
    await config.getByTestId('config-n').fill('');
    const field = config.getByTestId('config-n').locator('xpath=ancestor::div[contains(@class, "config-field")]');
    await expect(field.getByTestId('config-field-problem')).toHaveText('Empty: enter a number.');
    await config.getByTestId('config-n').fill('7');
    await expect(field.getByTestId('config-field-problem')).toHaveCount(0);
  });

  test('presenter mode narrates the key event of the step with its reason', async ({ page }) => {
    await runPreset(page, 'byzantine-tamper');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    const narration = page.getByTestId('presenter-narration');
    // Step from the start until the leader resolves round 1: the line tells why two records are out.
    await page.getByTestId('scrubber').fill('0');
    await expect(async () => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('ArrowRight');
      await expect(narration).toContainText('resolves round 1', { timeout: 500 });
    }).toPass({ timeout: 30_000 });
    await expect(narration).toContainText('The seals of a1, a2 do not match their vectors');
    await expect(narration).toContainText('tampering is caught, not counted');
    // [ and ] reach every preset in presenter mode, past the nine number keys.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(']');
    await expect(page.getByTestId('preset-select')).toHaveValue('partition-heal');
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await expect(page.getByTestId('preset-select')).toHaveValue('crash-leader');
  });

  test('the ring fits: above the playback bar at 1440 × 900, with its narration at 1280 × 720 presenting, full width on a phone', async ({ page }) => {
    const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;
    const ringBox = async () => (await page.getByTestId('network-view').locator('svg.ring-svg').boundingBox())!;
    const footerTop = async () => (await page.locator('.app-footer').boundingBox())!.y;

    await runPreset(page, 'byzantine-tamper');
    await page.evaluate(() => window.scrollTo(0, 0));
    expect((await ringBox()).y + (await ringBox()).height).toBeLessThanOrEqual(await footerTop());

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await page.getByTestId('scrubber').fill('6');
    await page.evaluate(() => window.scrollTo(0, 0));
    const ring = await ringBox();
    const narration = await box('presenter-narration');
    expect(ring.height).toBeGreaterThan(250);
    expect(ring.y + ring.height).toBeLessThanOrEqual(narration.y);
    expect(narration.y + narration.height).toBeLessThanOrEqual(await footerTop());
    const label = page.getByTestId('network-view').locator('.ring-agent-label').first();
    const labelPx = await label.evaluate((text) => (text as SVGGraphicsElement).getBoundingClientRect().height);
    expect(labelPx).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: 'test-results/presenter-1280x720.png' });
    await page.keyboard.press('p');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await ringBox()).width).toBeGreaterThan(330);
    await page.screenshot({ path: 'test-results/phone-390x844.png' });
  });

  test('presenting a long claim with a fork at 1280 × 720: the brief folds to two lines and the narration stays on screen', async ({ page }) => {
    await runPreset(page, 'unsafe-lock-off');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await page.evaluate(() => window.scrollTo(0, 0));
    const brief = page.getByTestId('scenario-brief');
    await expect(brief).toHaveAttribute('aria-expanded', 'false');
    const folded = (await brief.boundingBox())!.height;
    const narration = (await page.getByTestId('presenter-narration').boundingBox())!;
    const footerTop = (await page.locator('.app-footer').boundingBox())!.y;
    expect(narration.y + narration.height).toBeLessThanOrEqual(footerTop);
    await expect(page.getByTestId('fork-legend')).toBeInViewport();
    // The whole claim is one click away.
    await brief.click();
    await expect(brief).toHaveAttribute('aria-expanded', 'true');
    expect((await brief.boundingBox())!.height).toBeGreaterThan(folded * 1.5);
    await brief.press('Enter');
    await expect(brief).toHaveAttribute('aria-expanded', 'false');
  });

  test('split-stance: the false-agreement audit and the opposed stances inside the quorum are on the page', async ({ page }) => {
    await runPreset(page, 'split-stance');
    const audit = page.getByTestId('quorum-view').getByTestId('stance-audit');
    await expect(audit).toContainText('False agreement');
    await expect(audit).toContainText("6 of the quorum's 10 pairs are close in topic but take opposite stances (60%)");
    await expect(audit).toContainText(/for a\d \(\+0\.\d{3}\).* against a\d \(−0\.\d{3}\)/);
    // Without the stance embedding there is no such audit to show.
    await page.getByTestId('preset-select').selectOption('happy-path');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('stance-audit')).toHaveCount(0);
  });

  test('the Council tells an honest majority voting alike from a colluding bloc', async ({ page }) => {
    await runPreset(page, 'council-quarantine');
    const majority = page.getByTestId('voting-blocs').locator('li');
    await expect(majority).toHaveCount(1);
    await expect(majority).toHaveAttribute('data-kind', 'majority');
    await expect(majority).toContainText('expected of honest voters, not collusion');
    // Each tally, the Council's decision, has its mark on the scrubber.
    await expect(page.locator('.scrubber-markers .marker-tally')).toHaveCount(2);

    await page.getByTestId('preset-select').selectOption('council-bloc');
    await page.getByTestId('run-end').click();
    const bloc = page.getByTestId('voting-blocs').locator('li');
    await expect(bloc).toContainText('{a6, a7, a8}');
    await expect(bloc).toHaveAttribute('data-kind', 'against');
    await expect(bloc).toContainText('a colluding bloc');
  });

  test('a red invariant links to the tick of its violation', async ({ page }) => {
    await runPreset(page, 'unsafe-mean');
    const validity = page.getByTestId('invariant-validity');
    await expect(validity).toHaveAttribute('data-ok', 'false');
    const link = validity.getByTestId('invariant-seek');
    const at = Number(/tick (\d+)/.exec((await link.textContent()) ?? '')?.[1]);
    await link.click();
    await expect.poll(async () => Number(await page.getByTestId('scrubber').inputValue())).toBe(at);
    await expect(page.getByTestId('invariant-validity')).toHaveAttribute('data-ok', 'false');
    // The evidence is drawn: the honest box, the biased agent's value and the centroid outside.
    const evidence = page.getByTestId('invariant-validity').getByTestId('validity-box');
    await expect(evidence).toContainText(/the honest agents' values span \[[-\d.]+, [-\d.]+\], the committed centroid is [-\d.]+, pulled by a[56] at/);
    await expect(evidence.locator('.validity-byzantine')).toHaveCount(1);
    await expect(evidence.locator('.validity-centroid')).toHaveCount(1);
    await evidence.screenshot({ path: 'test-results/validity-box.png' });
    // Before the violation the drawing is not there.
    await page.getByTestId('scrubber').fill(String(at - 1));
    await expect(page.getByTestId('validity-box')).toHaveCount(0);
  });

  test('on a phone a long claim folds to three lines, so the ring starts on the first screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await runPreset(page, 'unsafe-lock-off');
    await page.evaluate(() => window.scrollTo(0, 0));
    const brief = page.getByTestId('scenario-brief');
    await expect(brief).toHaveAttribute('aria-expanded', 'false');
    const folded = (await brief.boundingBox())!.height;
    const ring = (await page.getByTestId('network-view').locator('svg.ring-svg').boundingBox())!;
    expect(ring.y).toBeLessThan(844 / 2);
    await brief.click();
    await expect(brief).toHaveAttribute('aria-expanded', 'true');
    expect((await brief.boundingBox())!.height).toBeGreaterThan(folded * 1.5);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
