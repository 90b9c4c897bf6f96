import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The tick the status line shows. */
async function statusTick(page: Page): Promise<number> {
  return Number(await page.getByTestId('run-status').getAttribute('data-tick'));
}

/** Presses a key on the page itself, not on the focused scrubber (which keeps its arrows). */
async function press(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

// Issue 12, item 13: several events share a tick (the leader resolves, scores, deliberates and
// votes at one tick; every replica commits at another); step and back move event by event.
test.describe('step and back move event by event, also inside a tick', () => {
  test('byzantine-tamper: the events of the resolution tick one at a time in the log, back in reverse', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
    const log = page.getByTestId('event-log');
    const rows = log.locator('.event-log-row');
    const atCursor = log.locator('.event-log-row.at-cursor');

    // Just before the first resolution (the timeline marks its tick).
    const resolution = page.getByTestId('commit-timeline').locator('[data-kind="resolution"]').first();
    const resolutionTick = Number(await resolution.getAttribute('data-tick'));
    expect(resolutionTick).toBeGreaterThan(0);
    await page.getByTestId('scrubber').fill(String(resolutionTick - 1));
    await expect.poll(() => statusTick(page)).toBe(resolutionTick - 1);
    await expect(log.getByRole('button', { name: /a0 resolved round 1/ })).toHaveCount(0);
    const before = await rows.count();

    // Step 1: the resolution alone, marked as the cursor's row; the quorum panel resolved.
    await press(page, 'ArrowRight');
    await expect.poll(() => statusTick(page)).toBe(resolutionTick);
    await expect(rows).toHaveCount(before + 1);
    await expect(atCursor).toHaveCount(1);
    await expect(atCursor).toContainText('a0 resolved round 1: committed');
    await expect(atCursor).toContainText('tampered a1, a2');
    const place = page.getByTestId('step-place');
    await expect(place).toContainText('event 1 of');
    const steps = Number(/event 1 of (\d+)/.exec((await place.textContent()) ?? '')?.[1]);
    expect(steps).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('quorum-view')).toContainText('tampered');

    // Each further step adds the tick's next event, one row at a time, in trace order.
    const told: string[] = [(await atCursor.textContent()) ?? ''];
    for (let step = 2; step <= steps; step++) {
      await page.getByTestId('step').click();
      await expect(place).toContainText(`event ${step} of ${steps}`);
      await expect(rows).toHaveCount(before + step);
      await expect(atCursor).toHaveCount(1);
      const text = (await atCursor.textContent()) ?? '';
      expect(told).not.toContain(text);
      told.push(text);
      expect(await statusTick(page)).toBe(resolutionTick);
    }
    // The last of them is the leader's own prepare vote.
    expect(told.at(-1)).toMatch(/a0 cast a prepare vote/);

    // Back undoes them in the reverse order, then leaves the tick.
    for (let step = steps - 1; step >= 1; step--) {
      await press(page, 'ArrowLeft');
      await expect(place).toContainText(`event ${step} of ${steps}`);
      await expect(rows).toHaveCount(before + step);
      await expect(atCursor).toHaveText(told[step - 1]!);
    }
    await page.getByTestId('back').click();
    await expect.poll(() => statusTick(page)).toBeLessThan(resolutionTick);
    await expect(rows).toHaveCount(before);
    await expect(log.getByRole('button', { name: /a0 resolved round 1/ })).toHaveCount(0);
  });

  test('presenter mode tells each event of a tick in turn; the status line and timeline count the first commit at its step', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('byzantine-tamper');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
    const timeline = page.getByTestId('commit-timeline');
    await timeline.getByRole('button', { name: /Jump to the commit of round 1/ }).click();
    const commitTick = await statusTick(page);
    await page.getByTestId('scrubber').fill(String(commitTick - 1));
    await expect.poll(() => statusTick(page)).toBe(commitTick - 1);
    const status = page.getByTestId('run-status');
    await expect(status).toContainText('✓0');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(0);

    await press(page, 'p');
    const narration = page.getByTestId('presenter-narration');
    // The first commit of the round: told with its reason, counted by the status line and timeline.
    await press(page, 'ArrowRight');
    await expect(narration).toContainText(/a\d commits round 1/);
    await expect(status).toContainText('✓1');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(1);
    const first = (await narration.textContent()) ?? '';
    // The same tick's next events are told one by one, each in its own words.
    const seen = [first];
    for (let step = 0; step < 3; step++) {
      await press(page, 'ArrowRight');
      await expect(narration).not.toHaveText(seen.at(-1)!);
      seen.push((await narration.textContent()) ?? '');
      expect(await statusTick(page)).toBe(commitTick);
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Back retells them in the reverse order, then the commit is undone.
    for (let step = seen.length - 2; step >= 0; step--) {
      await press(page, 'ArrowLeft');
      await expect(narration).toHaveText(seen[step]!);
    }
    await press(page, 'ArrowLeft');
    await expect(status).toContainText('✓0');
    await expect(timeline.locator('tr[data-status="committed"]')).toHaveCount(0);
    await expect(narration).not.toContainText('commits round 1');
  });
});
