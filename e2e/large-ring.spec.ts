import { encodeLessonLink } from '../src/core/sim/lessonLink';
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
    // A new step moves the dots there as the SVG's do: the box says so while they move, and
    // then not. Every value the attribute takes is recorded, so no frame can be missed.
    await expect(chart).toHaveAttribute('data-animating', 'false');
    await chart.evaluate((box) => {
      const seen: string[] = [];
      Object.assign(box, { animatingSeen: seen });
      new MutationObserver(() => seen.push(box.getAttribute('data-animating') ?? '')).observe(box, {
        attributes: true,
        attributeFilter: ['data-animating'],
      });
    });
    const animatingSeen = () => chart.evaluate((box) => (box as HTMLElement & { animatingSeen: string[] }).animatingSeen.splice(0));
    const stepSlider = opinion.getByRole('slider', { name: 'Deliberation step' });
    await stepSlider.fill('0');
    await expect(scatter).toHaveAttribute('aria-label', /^Round 1, step 0 of 3: .*trails over 0 steps\.$/);
    await expect(chart).toHaveAttribute('data-animating', 'false');
    expect(await animatingSeen()).toEqual(['true', 'false']);
    // With reduced motion asked for, a step is drawn at once (as the SVG's media query does).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await stepSlider.fill('2');
    await expect(scatter).toHaveAttribute('aria-label', /^Round 1, step 2 of 3: .*trails over 2 steps\.$/);
    await stepSlider.fill('0');
    await expect(scatter).toHaveAttribute('aria-label', /^Round 1, step 0 of 3: .*trails over 0 steps\.$/);
    expect(await animatingSeen()).toEqual([]);
    await expect(chart).toHaveAttribute('data-animating', 'false');
    await opinion.getByRole('button', { name: '1-D HK' }).click();
    await expect(hk.getByRole('img')).toHaveAttribute('aria-label', /^Round 1, step 0 of 3: /);
    await opinion.screenshot({ path: 'test-results/opinion-250.png' });
  });

  test('marks on the canvas what the SVG marks: a lesson step\'s agents, a Council quarantine and the two sides of a fork', async ({ page }) => {
    // Two small runs at the canvas's sizes (a few seconds each on an idle machine).
    test.setTimeout(180_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const lesson = {
      v: 1,
      title: 'Marks on a large ring',
      steps: [
        {
          // a3 equivocates; an honest replica proves it and the Council quarantines a3 in round 1.
          scenario: { v: 1, name: 'Quarantine at 250', seed: 42, protocol: 'resonance', n: 250, rounds: 1, faults: [{ kind: 'equivocate', agents: [3] }], resonance: { accountability: true } },
          at: { end: true },
          say: 'The Council quarantined a3.',
          highlight: { agents: [3, 134] },
        },
        {
          // f = 83 equivocators and the textbook 2f+1 quorum: the honest replicas split in two.
          scenario: {
            v: 1, name: 'Fork at 251', seed: 42, protocol: 'resonance', n: 251, rounds: 1, opinions: { support: 1 },
            faults: [{ kind: 'equivocate', agents: Array.from({ length: 83 }, (_, agent) => agent) }], resonance: { unsafe: { quorum: '2f+1' } },
          },
          at: { end: true },
          say: 'Two values were committed in round 1.',
        },
      ],
    };
    await page.goto(`/${await encodeLessonLink(lesson, nodeCodec)}`);
    const panel = page.getByTestId('lesson-panel');
    const ring = page.getByTestId('network-view');
    const canvas = ring.getByTestId('ring-canvas');
    await expect(panel).toHaveAttribute('data-step', '1');
    await expect(panel).toHaveAttribute('data-phase', 'showing', { timeout: 150_000 });
    await expect(canvas).toHaveAttribute('data-quarantined', '3');
    await expect(canvas).toHaveAttribute('data-focus', '3 134');
    await expect(canvas).toHaveAttribute('data-forked', '');
    const hit = canvas.getByRole('application');
    await expect(hit).toHaveAttribute('aria-label', /; quarantined by Council vote: a3; the lesson points at a3, a134\. Arrow keys/);
    // The hovered agent's words say what its rings show: a3 sits 3/250 of a turn clockwise from 12 o'clock.
    const box = (await hit.boundingBox())!;
    const angle = (2 * Math.PI * 3) / 250;
    const radius = (215.6 / 560) * box.width;
    await hit.hover({ position: { x: box.width / 2 + radius * Math.sin(angle), y: box.height / 2 - radius * Math.cos(angle) } });
    await expect(hit).toHaveAttribute('data-hovered-agent', '3');
    await expect(ring.locator('.ring-canvas-tip')).toContainText(/^a3: .*quarantined by Council vote prop-\d+.*; the lesson points here$/);
    await page.mouse.move(0, 0);
    await ring.screenshot({ path: 'test-results/ring-250-quarantine-focus.png' });

    await page.getByTestId('lesson-next').click();
    await expect(panel).toHaveAttribute('data-step', '2');
    await expect(panel).toHaveAttribute('data-phase', 'showing', { timeout: 150_000 });
    await expect(canvas).toHaveAttribute('data-focus', '');
    await expect(canvas).toHaveAttribute('data-quarantined', '');
    // Every honest agent committed one side or the other: a fork, drawn and said.
    const forked = (await canvas.getAttribute('data-forked'))!.split(' ');
    expect(forked.filter((mark) => mark.endsWith(':A')).length).toBeGreaterThan(0);
    expect(forked.filter((mark) => mark.endsWith(':B')).length).toBeGreaterThan(0);
    await expect(hit).toHaveAttribute('aria-label', /; a fork: value A committed by \d+, value B committed by \d+\. Arrow keys/);
    await expect(ring.getByTestId('fork-legend')).toContainText('Fork in round 1');
    await ring.screenshot({ path: 'test-results/ring-251-fork.png' });
  });
});
