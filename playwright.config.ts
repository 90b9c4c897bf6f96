import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error: a plain ES module shared with the npm scripts, typed by use.
import { chromiumArgs, systemChromium } from './scripts/browser.mjs';

const executablePath = (systemChromium as () => string | null)() ?? undefined;
// E2E_PORT lets several checkouts (git worktrees) run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  // CI runs two tests at once on two cores, each with a page and a simulation worker: a run
  // that takes a second alone can take ten while the other test simulates 200 agents. These
  // are waits for the page to finish work, not speed checks (speed is measured in `npm run bench`).
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: { executablePath, args: chromiumArgs as string[] },
      },
    },
  ],
  // `npm run test:e2e` builds first; the tests run against the production build.
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
