import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';

/** The trace hash the command line computes in Node for a preset. */
function nodeTraceHash(preset: string): string {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--preset', preset, '--json'], {
    encoding: 'utf8',
  });
  return JSON.parse(stdout).traceHash as string;
}

test.describe('ResonanceBFT runs', () => {
  test('plays on a time cursor: play moves it, pause stops it, step and back jump between events', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('crash-leader');
    // Slow enough that a busy machine cannot reach the run's end before the pause click.
    await page.getByTestId('speed').selectOption('4');
    await page.getByTestId('play').click();
    await expect(page.getByTestId('run-status')).toContainText(/tick [1-9]/);
    await page.getByTestId('pause').click();
    const scrubber = page.getByTestId('scrubber');
    const paused = Number(await scrubber.inputValue());
    await page.getByTestId('step').click();
    await expect.poll(async () => Number(await scrubber.inputValue())).toBeGreaterThan(paused);
    const stepped = Number(await scrubber.inputValue());
    await page.getByTestId('back').click();
    await expect.poll(async () => Number(await scrubber.inputValue())).toBeLessThan(stepped);
    const before = Number(await scrubber.inputValue());
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    await expect.poll(async () => Number(await scrubber.inputValue())).toBeGreaterThan(before);
    await expect(page.getByTestId('trace-hash')).toHaveText('');
    await expect(page.locator('.marker-view').first()).toBeAttached();
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('commit-timeline').locator('tr[data-status="committed"]')).toHaveCount(3);

    // The narrated log follows the cursor; clicking a row moves the cursor to that event.
    const log = page.getByTestId('event-log');
    await expect(log).toContainText('timed out');
    await log.getByRole('button', { name: /timed out/ }).first().click();
    await expect.poll(async () => Number(await scrubber.inputValue())).toBeLessThan(60);
    await expect(page.getByTestId('trace-hash')).toHaveText('');

    // A committed round's number jumps the cursor to its commit.
    await page.getByTestId('run-end').click();
    await page.getByRole('button', { name: /Jump to the commit of round 1/ }).click();
    await expect(page.getByTestId('commit-timeline').locator('tr[data-status="committed"]')).toHaveCount(1);
  });

  test('byzantine-tamper commits every round with both tamperers flagged, as in Node', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await expect(page.getByTestId('trace-hash')).toHaveText('');
    await page.getByTestId('run-end').click();
    const timeline = page.getByTestId('commit-timeline');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(5);
    await expect(timeline.getByTestId('round-1')).toContainText('a1, a2');
    await expect(timeline.getByTestId('round-1')).toContainText('5 ≥ 5');
    await expect(page.getByTestId('quorum-view')).toContainText('n−f');
    await expect(page.getByTestId('trust-matrix').locator('rect.trust-cell')).toHaveCount(49);
    await expect(page.getByTestId('trust-matrix').locator('rect.trust-cell.unknown')).toHaveCount(7);
    await expect(page.getByTestId('invariants-panel').locator('li[data-ok="false"]')).toHaveCount(0);
    await expect(page.getByTestId('trace-hash')).toHaveText(nodeTraceHash('byzantine-tamper'));
    await page.screenshot({ path: 'test-results/byzantine-tamper.png', fullPage: true });
  });

  test('unsafe-mean turns the validity invariant red', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('unsafe-mean');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('invariant-validity')).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('invariant-validity')).toContainText('outside the box');
    await expect(page.getByTestId('invariant-agreement')).toHaveAttribute('data-ok', 'true');
  });

  test('a shared link opens the same scenario and reproduces the same trace hash', async ({ page, context }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('crash-leader');
    await page.getByTestId('run-end').click();
    const hash = page.getByTestId('trace-hash');
    await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
    const original = await hash.textContent();
    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('notice')).toBeVisible();
    const url = page.url();
    expect(url).toMatch(/#s=1\./);

    const student = await context.newPage();
    await student.goto(url);
    await expect(student.getByTestId('run-status')).toContainText('ready');
    await student.getByTestId('run-end').click();
    await expect(student.getByTestId('trace-hash')).toHaveText(original!);
    await expect(student.getByTestId('commit-timeline').locator('tr[data-status="committed"]')).toHaveCount(3);
  });

  test('a bad link shows a clear error and the page stays usable', async ({ page }) => {
    await page.goto('/#s=1.this-is-not-a-scenario');
    await expect(page.getByTestId('error-banner')).toContainText('This link could not be opened');
    await expect(page.getByTestId('preset-select')).toHaveValue('happy-path');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('commit-timeline').locator('tr[data-status="committed"]')).toHaveCount(5);
  });
});
