import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * On a phone a lesson and the ring it talks about share the first screen: the step's text, its
 * question and choices, the feedback after an answer and Back/Next are on screen together with
 * the ring and the agents the step highlights, with the page not scrolled, nothing covering
 * anything, and the playback bar below them all.
 */

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${what} has a box`).not.toBeNull();
  return box!;
}

/** Inside the viewport, and the element itself is what a tap at its centre reaches (not covered). */
async function onScreen(page: Page, locator: Locator, what: string): Promise<Box> {
  const box = await boxOf(locator, what);
  const { width, height } = page.viewportSize()!;
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge at ${height} px`).toBeLessThanOrEqual(height + 0.5);
  const uncovered = await locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return hit !== null && (element === hit || element.contains(hit));
  });
  expect(uncovered, `${what}: nothing covers it`).toBe(true);
  return box;
}

function below(upper: Box, lower: Box): boolean {
  return upper.y + upper.height <= lower.y + 0.5;
}

/** The step is shown (or asks): its scenario is loaded and simulated, the cursor placed. */
async function stepReady(page: Page, stepNumber: number): Promise<void> {
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toHaveAttribute('data-step', String(stepNumber));
  await expect(panel).toHaveAttribute('data-phase', /^(showing|asking)$/);
}

/** The page is not scrolled and does not scroll sideways. */
async function notScrolled(page: Page): Promise<void> {
  const scroll = await page.evaluate(() => ({
    y: window.scrollY,
    overflowX: document.documentElement.scrollWidth - window.innerWidth,
  }));
  expect(scroll).toEqual({ y: 0, overflowX: 0 });
}

/**
 * The ring (its svg and every agent the step highlights), the step's text and Back/Next are on
 * the first screen, the ring above the lesson and the lesson above the playback bar. After an
 * answer the feedback may have scrolled the text up inside the lesson (`withText: false`).
 */
async function lessonAndRingTogether(page: Page, agents: readonly number[], withText = true): Promise<void> {
  await notScrolled(page);
  const ring = page.getByTestId('network-view').locator('svg.ring-svg');
  const ringBox = await boxOf(ring, 'the ring');
  const { height } = page.viewportSize()!;
  expect(ringBox.y, 'the ring starts on the first screen').toBeGreaterThanOrEqual(0);
  expect(ringBox.height, 'the ring is big enough to read').toBeGreaterThanOrEqual(height * 0.22);
  const panel = await boxOf(page.getByTestId('lesson-panel'), 'the lesson');
  expect(below(ringBox, panel), 'the ring ends above the lesson').toBe(true);
  for (const agent of agents) {
    await onScreen(page, page.locator(`[data-testid="network-view"] [data-agent="${agent}"]`), `agent a${agent}`);
  }
  await onScreen(page, page.locator('[data-testid="network-view"] [data-agent="0"]'), 'agent a0');
  const next = await onScreen(page, page.getByTestId('lesson-next'), 'Next');
  const back = await onScreen(page, page.getByTestId('lesson-back'), 'Back');
  expect(Math.min(next.height, back.height), 'Back and Next are 44 px touch targets').toBeGreaterThanOrEqual(44);
  if (withText) {
    const say = await onScreen(page, page.getByTestId('lesson-say'), "the step's text");
    expect(below(say, next), 'the text is above Next').toBe(true);
  }
  const playback = await onScreen(page, page.getByTestId('play').or(page.getByTestId('pause')), 'Play');
  expect(below(next, playback), 'the lesson is above the playback bar').toBe(true);
  await onScreen(page, page.getByTestId('scrubber'), 'the scrubber');
}

/** A question step: the question and every choice on screen, then the feedback after an answer. */
async function questionTogether(page: Page, agents: readonly number[], choiceIndex: number): Promise<void> {
  await expect(async () => lessonAndRingTogether(page, agents)).toPass({ timeout: 15_000 });
  await onScreen(page, page.getByTestId('lesson-question').locator('.lesson-ask'), 'the question');
  const choices = page.getByTestId('lesson-choice');
  for (let index = 0; index < (await choices.count()); index += 1) {
    const choice = await onScreen(page, choices.nth(index), `choice ${index + 1}`);
    expect(choice.height, 'a choice is a 44 px touch target').toBeGreaterThanOrEqual(44);
  }
  await choices.nth(choiceIndex).click();
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-phase', 'revealed');
  await expect(async () => {
    await onScreen(page, page.getByTestId('lesson-reveal').locator('.lesson-verdict'), 'the feedback');
    await onScreen(page, page.getByTestId('lesson-why').first(), 'why');
    await lessonAndRingTogether(page, agents, false);
  }).toPass({ timeout: 15_000 });
}

async function open(page: Page, address: string, stepNumber: number): Promise<void> {
  await page.goto(address);
  await stepReady(page, stepNumber);
}

for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }]) {
  test.describe(`a lesson on a ${viewport.width} × ${viewport.height} phone`, () => {
    test.use({ viewport });
    test.beforeEach(async ({ page }) => {
      // Reveals jump to the moment instead of playing there.
      await page.emulateMedia({ reducedMotion: 'reduce' });
    });

    test('a text step: the text, Back/Next and the ring on one screen', async ({ page }) => {
      await open(page, '/#l=quorum-intersection', 1);
      await expect(async () => lessonAndRingTogether(page, [])).toPass({ timeout: 15_000 });
      // Next keeps them together: the next step asks a question about a1.
      await page.getByTestId('lesson-next').click();
      await stepReady(page, 2);
      await expect(async () => lessonAndRingTogether(page, [1])).toPass({ timeout: 15_000 });
    });

    test('a question step: the question, the choices and then the feedback beside the highlighted agent', async ({ page }) => {
      await open(page, '/#l=quorum-intersection/2', 2);
      await questionTogether(page, [1], 1);
    });

    test('the longest text, and a question with a "try this" change', async ({ page }) => {
      await open(page, '/#l=evidence-to-action/2', 2);
      await expect(async () => lessonAndRingTogether(page, [4, 3])).toPass({ timeout: 15_000 });
      await open(page, '/#l=locks-across-views/5', 5);
      await questionTogether(page, [], 0);
    });

    test('the rest of the page is below, reachable by scrolling', async ({ page }) => {
      await open(page, '/#l=quorum-intersection/2', 2);
      const title = page.getByTestId('commit-timeline').locator('.panel-header h2');
      // Scrolled as a thumb would, until the panel's title is near the top of the screen (the
      // panels below draw as they come into view, so the page may grow while it scrolls).
      await expect(async () => {
        const top = await title.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
        await page.evaluate((y) => window.scrollTo(0, y), top - 40);
        await onScreen(page, title, 'the timeline title');
      }).toPass({ timeout: 15_000 });
      await expect(page.getByTestId('trace-hash')).toBeAttached();
    });

    test('?embed: the ring, the lesson and the playback bar in the frame', async ({ page }) => {
      await open(page, '/?embed#l=quorum-intersection/2', 2);
      await questionTogether(page, [1], 0);
    });
  });
}
