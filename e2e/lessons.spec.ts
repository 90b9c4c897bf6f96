import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builtInLessons } from '../src/app/lessons/builtInLessons';

/**
 * Issue 14: every built-in lesson walked from its first step to its last, each question
 * answered both ways, the reveal checked against the same runs simulated in Node by core
 * (`lessonFacts.ts`), not by the page.
 */

type StepFacts = { tick: number; holds: boolean[] | null };
let factsCache: Record<string, StepFacts[]> | null = null;
function factsOf(lessonId: string): StepFacts[] {
  factsCache ??= JSON.parse(execFileSync('npx', ['tsx', 'e2e/lessonFacts.ts'], { encoding: 'utf8' })) as Record<string, StepFacts[]>;
  return factsCache[lessonId]!;
}

/** The step is shown (or asks): its scenario is loaded and simulated, the cursor placed. */
async function stepReady(page: Page, stepNumber: number): Promise<void> {
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toHaveAttribute('data-step', String(stepNumber));
  await expect(panel).toHaveAttribute('data-phase', /^(showing|asking)$/);
}

async function answer(page: Page, choiceIndex: number): Promise<void> {
  await page.getByTestId('lesson-choice').nth(choiceIndex).click();
  await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-phase', 'revealed');
}

test.describe('lessons', () => {
  test.beforeEach(async ({ page }) => {
    // Reveals jump to the moment instead of playing there; one test below watches one play.
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  for (const lesson of builtInLessons) {
    test(`${lesson.id}: every step, every question answered both ways, reveals agree with the trace`, async ({ page }) => {
      test.setTimeout(180_000);
      const facts = factsOf(lesson.id);
      await page.goto(`/#l=${lesson.id}`);
      const panel = page.getByTestId('lesson-panel');
      for (const [index, step] of lesson.steps.entries()) {
        await stepReady(page, index + 1);
        await expect(page).toHaveURL(new RegExp(`#l=${lesson.id}/${index + 1}$`));
        await expect(page.getByTestId('lesson-say')).toHaveText(step.say);
        await expect(panel.getByTestId('lesson-progress')).toContainText(`step ${index + 1} of ${lesson.steps.length}`);
        const { tick, holds } = facts[index]!;
        if (step.question && holds) {
          for (const choiceIndex of [0, 1]) {
            if (choiceIndex === 1) {
              // Ask again: Predict again, or the step's dot, shows the step afresh.
              if (index % 2 === 0) await page.getByTestId('lesson-retry').click();
              else await panel.getByRole('button', { name: `Step ${index + 1}`, exact: true }).click();
              await stepReady(page, index + 1);
            }
            await expect(page.getByTestId('lesson-question')).toContainText(step.question.ask);
            await answer(page, choiceIndex);
            const reveal = page.getByTestId('lesson-reveal');
            await expect(reveal).toHaveAttribute('data-matched', String(holds[choiceIndex]));
            await expect(reveal).toContainText(`At tick ${tick}`);
            const choices = page.getByTestId('lesson-choice');
            for (const [other, held] of holds.entries()) {
              await expect(choices.nth(other)).toHaveAttribute('data-happened', String(held));
            }
            const shown = holds.findIndex(Boolean);
            await expect(page.getByTestId('lesson-why')).toContainText(step.question.choices[shown]!.why);
            await expect(page.getByTestId('run-status')).toContainText(`tick ${tick}`);
          }
        } else {
          await expect(page.getByTestId('run-status')).toContainText(`tick ${tick}`);
        }
        for (const agent of step.highlight?.agents ?? []) {
          await expect(page.locator(`[data-testid="network-view"] [data-agent="${agent}"]`)).toHaveAttribute('data-lesson-focus', 'true');
        }
        if (index < lesson.steps.length - 1) {
          // Alternate the button and the arrow key.
          if (index % 2 === 0) await page.getByTestId('lesson-next').click();
          else {
            await page.locator('body').click({ position: { x: 2, y: 2 } });
            await page.keyboard.press('ArrowRight');
          }
        }
      }
      await expect(page.getByTestId('lesson-next')).toBeDisabled();
    });
  }

  test('#l=<id>/<step> opens the lesson at that step, as a fresh page or pasted into an open tab', async ({ page }) => {
    await page.goto('/#l=partitions/5');
    await stepReady(page, 5);
    const lesson = builtInLessons.find((known) => known.id === 'partitions')!;
    await expect(page.getByTestId('lesson-say')).toHaveText(lesson.steps[4]!.say);
    await expect(page.getByTestId('lesson-select')).toHaveValue('partitions');
    await page.keyboard.press('ArrowLeft');
    await stepReady(page, 4);
    await page.evaluate(() => (location.hash = '#l=view-change/3'));
    await stepReady(page, 3);
    await expect(page.getByTestId('lesson-say')).toContainText('In view 1 the leader is a1');
    // A scenario link closes the lesson and opens its scenario.
    await page.getByTestId('lesson-close').click();
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    await expect(page.getByTestId('lesson-select')).toHaveValue('');
  });

  test('a mangled lesson link is explained and the page stays usable', async ({ page }) => {
    await page.goto('/#l=no-such-lesson/2');
    await expect(page.getByTestId('error-banner')).toContainText('there is no lesson "no-such-lesson"');
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);

    await page.evaluate(() => (location.hash = '#l=partitions/x'));
    await expect(page.getByTestId('error-banner')).toContainText('"x" is not a step number');
    await page.evaluate(() => (location.hash = '#l=%E0%A4%A'));
    await expect(page.getByTestId('error-banner')).toContainText('could not be opened');

    await page.evaluate(() => (location.hash = '#l=partitions/99'));
    await expect(page.getByTestId('error-banner')).toContainText('has 6 steps, so there is no step 99');
    await stepReady(page, 1);
    await page.getByTestId('preset-select').selectOption('crash-leader');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
  });

  test('"try this" changes the run, the player notices, and the same question then gets the other answer', async ({ page }) => {
    await page.goto('/#l=quorum-intersection/5');
    await stepReady(page, 5);
    await answer(page, 0);
    await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-matched', 'true');
    await expect(page.getByTestId('lesson-try')).toHaveAttribute('data-done', 'false');
    await page.getByTestId('lesson-try-apply').click();
    await expect(page.getByTestId('lesson-try')).toHaveAttribute('data-done', 'true');
    await page.getByTestId('lesson-ask-again').click();
    await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-phase', 'asking');
    await answer(page, 0);
    await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-matched', 'false');
    await expect(page.getByTestId('lesson-why')).toContainText('Fewer than n−f = 5 agents answer');
    // Back to the step: the lesson's own scenario again.
    await page.getByRole('button', { name: 'Step 5', exact: true }).click();
    await stepReady(page, 5);
    await expect(page.getByTestId('lesson-try')).toHaveAttribute('data-done', 'false');
  });
});

test('a reveal plays the run on to the step\'s moment', async ({ page }) => {
  await page.goto('/#l=view-change/2');
  await stepReady(page, 2);
  await expect(page.getByTestId('run-status')).toContainText('tick 0');
  await answer(page, 0);
  await expect(page.getByTestId('run-status')).toContainText('tick 40');
  await expect(page.getByTestId('lesson-reveal')).toHaveAttribute('data-matched', 'true');
  await expect(page.getByTestId('speed')).toHaveValue('8');
});

test.describe('teacher-made lessons', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('a lesson recorded from the live page survives link → fresh page → same steps, highlights and answers', async ({ page, context }) => {
    await page.goto('/');
    await page.getByTestId('preset-select').selectOption('crash-leader');
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await page.getByTestId('lesson-select').selectOption('make');
    await page.getByTestId('maker-title').fill('Crash, then recover');
    await page.getByTestId('scrubber').fill('20');
    await page.locator('[data-testid="network-view"] [data-agent="0"]').click();
    await page.getByTestId('maker-say').fill('a0 is silent: nobody has heard a proposal by tick 20.');
    await page.getByTestId('maker-panel').selectOption('commit-timeline');
    await page.getByTestId('maker-question').selectOption('committed');
    await page.getByTestId('maker-round').fill('1');
    await page.getByTestId('maker-add').click();
    await page.getByTestId('scrubber').fill('60');
    await page.locator('[data-testid="network-view"] [data-agent="1"]').click();
    await page.getByTestId('maker-say').fill('Now a1 leads view 1.');
    await page.getByTestId('maker-question').selectOption('committed');
    await page.getByTestId('maker-add').click();
    await expect(page.getByTestId('maker-step')).toHaveCount(2);
    await page.getByTestId('maker-preview').click();
    await expect(page).toHaveURL(/#l=1\.[A-Za-z0-9_-]+$/);
    const link = new URL(page.url()).hash;

    const fresh = await context.newPage();
    await fresh.emulateMedia({ reducedMotion: 'reduce' });
    await fresh.goto(`/${link}`);
    await stepReady(fresh, 1);
    await expect(fresh.getByTestId('lesson-panel')).toContainText('Crash, then recover');
    await expect(fresh.getByTestId('lesson-say')).toHaveText('a0 is silent: nobody has heard a proposal by tick 20.');
    await expect(fresh.getByTestId('run-status')).toContainText('tick 0');
    await expect(fresh.locator('.app')).toHaveAttribute('data-lesson-panel', 'commit-timeline');
    await expect(fresh.locator('[data-testid="network-view"] [data-agent="0"]')).toHaveAttribute('data-lesson-focus', 'true');
    await answer(fresh, 0);
    // crash-leader commits round 1 at tick 54 (view 1): not yet at tick 20.
    await expect(fresh.getByTestId('lesson-reveal')).toHaveAttribute('data-matched', 'false');
    await expect(fresh.getByTestId('lesson-reveal')).toContainText('At tick 20');
    await fresh.getByTestId('lesson-next').click();
    await stepReady(fresh, 2);
    await expect(fresh.locator('[data-testid="network-view"] [data-agent="1"]')).toHaveAttribute('data-lesson-focus', 'true');
    await answer(fresh, 0);
    await expect(fresh.getByTestId('lesson-reveal')).toHaveAttribute('data-matched', 'true');
    await expect(fresh.getByTestId('lesson-why')).toContainText('a');
  });

  test('a lesson exported as JSON imports back as the same lesson; a bad file is named', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('lesson-select').selectOption('make');
    await page.getByTestId('maker-title').fill('Exported');
    await page.getByTestId('maker-say').fill('Tick zero of seven honest agents.');
    await page.getByTestId('maker-add').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('maker-export').click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ v: 1, title: 'Exported', steps: [{ scenario: 'happy-path', at: { tick: 0 } }] });

    await page.getByTestId('maker-import-file').setInputFiles({ name: 'lesson.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await stepReady(page, 1);
    await expect(page.getByTestId('lesson-panel')).toContainText('Exported');
    await expect(page.getByTestId('lesson-say')).toHaveText('Tick zero of seven honest agents.');
    await expect(page).toHaveURL(/#l=1\./);

    const bad = JSON.stringify({ v: 1, title: 'Bad', steps: [{ scenario: 'happy-path', at: { tick: -3 }, say: 'x' }] });
    await page.getByTestId('maker-import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect(page.getByTestId('maker-message')).toContainText('steps[0].at.tick: -3 is out of range');
  });

  test('a broken or hostile lesson link is explained and the page stays usable', async ({ page }) => {
    await page.goto('/#l=1.not-really-a-lesson');
    await expect(page.getByTestId('error-banner')).toContainText('This lesson link could not be opened: link:');
    await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
    await page.getByTestId('run-end').click();
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
  });

  test('?embed shows only the ring, the lesson and the playback bar', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 450 });
    await page.goto('/?embed#l=view-change/3');
    await stepReady(page, 3);
    await expect(page.getByTestId('network-view')).toBeVisible();
    await expect(page.getByTestId('play')).toBeVisible();
    for (const hidden of ['preset-select', 'quorum-view', 'commit-timeline', 'invariants-panel', 'lesson-select']) {
      await expect(page.getByTestId(hidden)).toHaveCount(0);
    }
    const overflow = await page.evaluate(() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]);
    expect(overflow).toEqual([0, 0]);
  });
});
