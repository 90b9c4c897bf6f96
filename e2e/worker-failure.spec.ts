import { expect, test } from './fixtures';

test('when the simulation worker dies, the page says so, restarts it and keeps the scenario', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await page.getByTestId('preset-select').selectOption('crash-leader');
  await page.getByTestId('run-end').click();
  const hash = page.getByTestId('trace-hash');
  await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
  const original = (await hash.textContent())!;

  const [worker] = page.workers();
  expect(worker, 'the simulation runs in a worker').toBeDefined();
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated worker crash');
    });
  });

  await expect(page.getByTestId('error-banner')).toContainText('simulation worker stopped');
  await expect(page.getByTestId('preset-select')).toHaveValue('crash-leader');
  await page.getByTestId('run-end').click();
  await expect(hash).toHaveText(original);
  // The crash itself is the one error this test provokes on purpose.
  const provoked = consoleErrors.filter((text) => text.includes('simulated worker crash'));
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((text) => !provoked.includes(text)));
});
