// Makes sure the browser tests have a browser, so a newcomer never has to read Playwright's
// docs: Debian's chromium if present, else Playwright's own; if neither, install Debian's
// chromium when we are root on Debian, otherwise print the exact command and stop.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { playwrightChromium, systemChromium } from './browser.mjs';

const installCommand = 'apt-get install -y --no-install-recommends chromium fonts-liberation';

const found = systemChromium() ?? (await playwrightChromium());
if (found) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (isRoot && isDebian) {
  console.log('No browser for the end-to-end tests yet: installing Debian chromium (about 10 s)…');
  try {
    execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${installCommand} -qq`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    console.error(`Installing chromium failed. Run this yourself, then npm test again:\n  ${installCommand}`);
    process.exit(1);
  }
  if (systemChromium()) process.exit(0);
}

console.error(
  'The browser tests need Chromium and none was found.\n' +
    (isDebian
      ? `Install it with:\n  sudo apt-get update && sudo ${installCommand}\n`
      : 'Install it with:\n  npx playwright install chromium\n') +
    'then run npm test again.',
);
process.exit(1);
