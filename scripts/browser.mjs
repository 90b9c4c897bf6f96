// Where the browser for the end-to-end tests lives (SPEC §10): Debian's chromium when it is
// installed, else Playwright's own download (when one exists), else nothing.
import { existsSync } from 'node:fs';

export const debianChromium = '/usr/bin/chromium';

export function systemChromium() {
  return existsSync(debianChromium) ? debianChromium : null;
}

export async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Flags for headless chromium on a machine with no network and no GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
