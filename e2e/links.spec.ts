import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';

/** The link fragment the command line prints for a preset with another seed. */
function linkWithSeed(preset: string, seed: number): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--preset', preset, '--seed', String(seed), '--print-link'], {
    encoding: 'utf8',
  }).trim();
}

/** Links in an open tab (issue 12, item 1): any `#s=` link loads as a fresh page would. */
test.describe('links in an open tab', () => {
  test('a first visit opens the first preset, and picking a preset writes its link', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('preset-select')).toHaveValue('happy-path');
    await page.getByTestId('preset-select').selectOption('crash-leader');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=1\./);
    // A reload brings back the picked preset, by its name, and not a stale one.
    await page.reload();
    await expect(page.getByTestId('preset-select')).toHaveValue('crash-leader');
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  });

  test('a second link pasted into the tab replaces the run; Back brings the first back', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('silent-two');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=1\./);
    const silentLink = new URL(page.url()).hash;
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await expect.poll(() => new URL(page.url()).hash).not.toBe(silentLink);
    const tamperLink = new URL(page.url()).hash;
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);

    // Pasting a link changes only the fragment: the page must still load it.
    await page.evaluate((hash) => { location.hash = hash; }, silentLink);
    await expect(page.getByTestId('preset-select')).toHaveValue('silent-two');
    await expect(page.getByTestId('trace-hash')).toHaveText('');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('run-status')).toContainText('ended');

    await page.goBack();
    await expect(page.getByTestId('preset-select')).toHaveValue('byzantine-tamper');
    expect(new URL(page.url()).hash).toBe(tamperLink);
  });

  test('an edited link that is not a preset opens as a custom scenario; a broken one keeps the run', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('crash-leader');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=1\./);
    const crashLink = new URL(page.url()).hash;

    // The same preset under another seed is a scenario of its own, shown by its name.
    const edited = linkWithSeed('crash-leader', 77);
    await page.evaluate((hash) => { location.hash = hash; }, edited.slice(edited.indexOf('#')));
    await expect(page.getByTestId('preset-select')).not.toHaveValue('crash-leader');
    await expect(page.getByTestId('config-panel').getByLabel('Seed')).toHaveValue('77');
    await page.goBack();
    await expect(page.getByTestId('preset-select')).toHaveValue('crash-leader');

    await page.evaluate(() => { location.hash = '#s=1.not-a-scenario'; });
    await expect(page.getByTestId('error-banner')).toContainText('This link could not be opened');
    await expect(page.getByTestId('preset-select')).toHaveValue('crash-leader');
    // The address shows the scenario on screen again, so a reload does not lose it.
    await expect.poll(() => new URL(page.url()).hash).toBe(crashLink);
  });
});
