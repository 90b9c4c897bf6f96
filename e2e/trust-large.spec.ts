import { encodeShareLink } from '../src/core/sim/shareLink';
import { nodeCodec } from '../src/cli/nodeCodec';
import { expect, test } from './fixtures';

/** 120 agents, one round: above the 100 agents the matrix shows one by one. */
const scenario = {
  v: 1, name: '120 agents', seed: 3, protocol: 'resonance', n: 120, rounds: 1,
  resonance: { deliberation: { steps: 1 } },
} as const;

/** Issue 12, item 13: the trust matrix at large n names its agents and says it is aggregated. */
test.describe('The trust matrix at large n', () => {
  test('shows blocks of agents with labels, names the hovered block and says it is aggregated', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(`/${await encodeShareLink(scenario, nodeCodec)}`);
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 220_000 });
    const matrix = page.getByTestId('trust-matrix');
    await matrix.scrollIntoViewIfNeeded();
    // 120 agents in blocks of 3: 40 × 40 cells, each named by its agents' range, painted as
    // one image of a pixel per cell (more rows than SVG rects should restyle at a commit).
    await expect(matrix.locator('image.trust-pixels')).toHaveAttribute('data-units', '40');
    await expect(matrix.locator('rect.trust-cell')).toHaveCount(0);
    await expect(matrix.getByTestId('trust-aggregated')).toContainText('120 agents in 40 blocks of 3');
    const labels = await matrix.locator('.trust-labels text').allTextContents();
    expect(labels).toContain('a0');
    expect(labels.length).toBeGreaterThan(10);
    const cells = matrix.locator('g.trust-cells');
    const box = (await cells.boundingBox())!;
    // Row 3 (a9–a11), column 10 (a30–a32): the centre of that cell.
    await cells.hover({ position: { x: (10.5 / 40) * box.width, y: (3.5 / 40) * box.height } });
    await expect(matrix.getByTestId('trust-hover')).toContainText(/^a9–a11 → a30–a32: (mean trust \d\.\d{3} over 9 pairs|not known yet)$/);
    await expect(matrix.locator('.trust-labels text.hovered')).toHaveText(['a9–a11', 'a30–a32']);
    await matrix.screenshot({ path: 'test-results/trust-120.png' });
  });
});
