import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Saves a panel's image and returns the file's text (SVG) or bytes (PNG). */
async function save(page: Page, panel: string, title: string, format: 'SVG' | 'PNG', path?: string) {
  const started = page.waitForEvent('download');
  await page.getByTestId(panel).getByRole('button', { name: `Save ${title} as ${format}` }).click();
  const file = await started;
  if (path) await file.saveAs(path);
  return readFile(await file.path());
}

/** Issue 12, item 13: an exported panel picture stands alone on a slide. */
test.describe('panel images', () => {
  test('carry the panel, the scenario, the tick and the legend', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await expect(page.getByTestId('run-status')).toContainText('ready');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 100_000 });
    const tick = (await page.getByTestId('run-status').textContent())!.match(/tick (\d+)/)![1];

    const trust = (await save(page, 'trust-matrix', 'Trust matrix', 'SVG', 'test-results/export-trust.svg')).toString('utf8');
    expect(trust).toMatch(/<text data-part="title"[^>]*>Trust matrix<\/text>/);
    expect(trust).toMatch(new RegExp(`<text data-part="subtitle"[^>]*>Byzantine tamper · tick ${tick}</text>`));
    const legend = trust.slice(trust.indexOf('data-part="legend"'));
    expect(legend).toContain('self, or not known yet');
    // The cividis swatches of the colour scale, drawn as rects in their colours.
    expect(legend.match(/<rect [^>]*fill="rgb\(/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(trust).not.toContain('class=');

    const timeline = (await save(page, 'commit-timeline', 'Commit timeline', 'SVG')).toString('utf8');
    expect(timeline).toMatch(/<text data-part="title"[^>]*>Commit timeline<\/text>/);
    expect(timeline.slice(timeline.indexOf('data-part="legend"'))).toContain('committed');

    const png = await save(page, 'trust-matrix', 'Trust matrix', 'PNG', 'test-results/export-trust.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
