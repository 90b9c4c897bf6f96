import { encodeShareLink } from '../src/core/sim/shareLink';
import { nodeCodec } from '../src/cli/nodeCodec';
import { expect, test } from './fixtures';

/** 250 agents, one round: above the SVG limit, so the ring is drawn to a canvas. */
const scenario = { v: 1, name: '250 agents', seed: 11, protocol: 'resonance', n: 250, rounds: 1 } as const;

test.describe('The ring at large n', () => {
  test('draws 250 agents on a canvas, plays without errors, and selects an agent on click; the opinion panel draws on a canvas too', async ({ page }) => {
    // Simulating 250 agents' ~190 000 signed messages takes a while on a small machine.
    test.setTimeout(240_000);
    const fragment = await encodeShareLink(scenario, nodeCodec);
    await page.goto(`/${fragment}`);
    const ring = page.getByTestId('network-view');
    const canvas = ring.getByTestId('ring-canvas');
    await expect(canvas).toBeVisible();
    await expect(ring.locator('svg.ring-svg')).toHaveCount(0);

    await page.getByTestId('speed').selectOption('32');
    await page.getByTestId('play').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/, { timeout: 220_000 });

    // Back to a tick with messages in flight: their counts by type are spelled out.
    const scrubber = page.getByTestId('scrubber');
    await scrubber.fill('6');
    await expect(ring.getByTestId('ring-status')).toContainText(/[1-9]\d* in flight/);
    await expect(ring.getByTestId('ring-in-flight')).toBeVisible();

    // a0 sits at 12 o'clock, 11.5 % of the drawing from its top edge.
    const hit = canvas.getByRole('application');
    const box = (await hit.boundingBox())!;
    const a0 = { x: box.width / 2, y: box.height * 0.115 };
    await hit.hover({ position: a0 });
    await expect(ring.locator('.ring-canvas-tip')).toContainText('a0:');
    await hit.click({ position: a0 });
    await expect(page.locator('option[value="selected"]')).toHaveText('Selected agent (a0)');
    await expect(hit).toHaveAttribute('data-hovered-agent', '0');

    // The keyboard walks the agents and selects one too.
    await hit.press('ArrowRight');
    await hit.press('Enter');
    await expect(page.locator('option[value="selected"]')).toHaveText('Selected agent (a1)');
    await ring.screenshot({ path: 'test-results/ring-250.png' });

    // The event log lists each tick's messages as one counted row.
    const log = page.getByTestId('event-log');
    await log.getByLabel(/show messages/i).check();
    await expect(log).toContainText(/messages sent \(/);
    // Each panel takes the tick in a task of its own at this size, and still follows the cursor:
    // scrubbed back to tick 6, the log's last row is at or before it.
    await expect(log.locator('.event-log-row .event-log-tick').last()).toHaveText(/^[0-6]$/);
    await page.screenshot({ path: 'test-results/ring-250-page.png', fullPage: true });

    // Above the same limit the opinion panel paints its marks on a labelled canvas, and still
    // answers its controls: the 1-D chart (the default at this size) and the 2-D projection.
    const opinion = page.getByTestId('opinion-view');
    await opinion.scrollIntoViewIfNeeded();
    const hk = opinion.getByTestId('opinion-hk-chart');
    await expect(hk.getByRole('img')).toHaveAttribute('aria-label', /Each agent's line is drawn on a canvas: \d{3} lines over 3 steps\.$/);
    await expect(hk.locator('path.hk-line:not(.selected)')).toHaveCount(0);
    await expect(hk.locator('.hk-axis text').first()).toBeVisible();
    await opinion.getByRole('button', { name: '2-D projection' }).click();
    const scatter = opinion.getByTestId('opinion-scatter').getByRole('img');
    await expect(scatter).toHaveAttribute('aria-label', /^Round 1, step 3 of 3: .* Drawn on a canvas: \d{3} dots, with trails over 3 steps\.$/);
    await expect(opinion.locator('.opinion-agent')).toHaveCount(0);
    // The selected agent (a1) is named beside its dot: hovering the dot names it, a click there
    // deselects it, as on the SVG scatter.
    const chart = opinion.getByTestId('opinion-scatter');
    const name = chart.locator('text.dot-label.strong', { hasText: /(^| )a1( |$)/ });
    const [labelX, labelY] = [Number(await name.getAttribute('x')), Number(await name.getAttribute('y'))];
    const scale = (await chart.boundingBox())!.width / 480;
    // A label sits 8 past the dot's radius (3 at this size) and 4 below its centre.
    const dot = { x: (labelX - 11) * scale, y: (labelY - 4) * scale };
    await chart.hover({ position: dot });
    await expect(chart).toHaveAttribute('title', /^a1: sycophancy score [−+]?\d/);
    await chart.click({ position: dot });
    await expect(page.locator('option[value="selected"]')).toHaveText('Selected agent (none)');
    await opinion.getByRole('slider', { name: 'Deliberation step' }).fill('0');
    await expect(scatter).toHaveAttribute('aria-label', /^Round 1, step 0 of 3: .*trails over 0 steps\.$/);
    await opinion.getByRole('button', { name: '1-D HK' }).click();
    await expect(hk.getByRole('img')).toHaveAttribute('aria-label', /^Round 1, step 0 of 3: /);
    await opinion.screenshot({ path: 'test-results/opinion-250.png' });
  });
});
