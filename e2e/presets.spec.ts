import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures';

interface CliRun {
  scenario: { protocol: 'resonance' | 'council'; rounds?: number };
  traceHash: string;
  rounds: { status: 'committed' | 'aborted' }[];
  invariants: { name: string; ok: boolean }[];
  council?: { proposals: { decision: string }[] };
}

/** What `npm run sim -- <args> --json` reports: the run computed in Node. */
function cli(...args: string[]): CliRun {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args, '--json'], {
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as CliRun;
}

/** Every preset file: a new preset is covered without editing this spec. */
const presetNames = readdirSync('src/core/sim/presets')
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

/**
 * Every preset, opened from the picker and run to its end in the page, shows the outcome the
 * same scenario has in Node: the same trace hash, the same commits and aborts (or council
 * decisions), and the same invariant verdicts (a red one for each `unsafe-*` preset).
 */
test.describe('every preset in the browser matches Node', () => {
  for (const name of presetNames) {
    test(`${name} plays to its end with the outcome and trace hash it has in Node`, async ({ page }) => {
      // The 200-agent hk-classic simulates ~120,000 messages: minutes on a loaded 2-core machine.
      test.setTimeout(180_000);
      const summary = cli('--preset', name);
      const scenario = summary.scenario;
      await page.goto('/');
      await page.getByTestId('preset-select').selectOption(name);
      await expect(page.getByTestId('run-status')).toContainText('ready');
      await page.getByTestId('run-end').click();
      await expect(page.getByTestId('trace-hash')).toHaveText(summary.traceHash, { timeout: 150_000 });

      const status = page.getByTestId('run-status');
      await expect(status).toContainText('ended');
      if (scenario.protocol === 'council') {
        const approved = summary.council!.proposals.filter((p) => p.decision === 'approved').length;
        const others = summary.council!.proposals.length - approved;
        await expect(status).toContainText(`✓${approved} approved · ✗${others} not approved`);
      } else {
        const committed = summary.rounds.filter((round) => round.status === 'committed').length;
        const rounds = scenario.rounds ?? 5;
        await expect(status).toContainText(`✓${committed} ✗${rounds - committed}`);
      }
      for (const invariant of summary.invariants) {
        await expect(page.getByTestId(`invariant-${invariant.name}`)).toHaveAttribute('data-ok', String(invariant.ok));
      }
      if (name.startsWith('unsafe-')) {
        expect(summary.invariants.some((invariant) => !invariant.ok), `${name} refutes an invariant`).toBe(true);
        await expect(page.getByTestId('invariants-panel').locator('li[data-ok="false"]').first()).toBeVisible();
      }
    });
  }
});

test('a link from the share button gives the same trace hash in the page, in a new page and in the CLI', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('byzantine-tamper');
  await page.getByTestId('run-end').click();
  const hash = page.getByTestId('trace-hash');
  await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
  const original = (await hash.textContent())!;
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('notice')).toBeVisible();
  const link = page.url();
  expect(link).toMatch(/#s=1\./);

  const student = await context.newPage();
  await student.goto(link);
  await student.getByTestId('run-end').click();
  await expect(student.getByTestId('trace-hash')).toHaveText(original);

  expect(cli('--link', link).traceHash).toBe(original);
});
