import { chromium } from '@playwright/test';
import { chromiumArgs } from '/work/main/scripts/browser.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
async function shot(preset, viewport, name, { presenter = false, tick = null } = {}) {
  const page = await browser.newPage({ viewport });
  await page.goto('http://127.0.0.1:4180/');
  await page.getByTestId('preset-select').selectOption(preset);
  await page.getByTestId('run-end').click();
  await page.waitForFunction(() => /^[0-9a-f]{64}$/.test(document.querySelector('[data-testid=trace-hash]')?.textContent ?? ''), null, { timeout: 120000 });
  if (tick !== null) await page.getByTestId('scrubber').fill(String(tick));
  if (presenter) { await page.evaluate(() => document.activeElement?.blur()); await page.keyboard.press('p'); }
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  const info = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
  console.log(name, JSON.stringify(info));
  await page.close();
}
const which = process.argv[2];
if (which === 'fork') await shot('unsafe-2f1-fork', { width: 1440, height: 900 }, 'fork-1440');
if (which === 'presenter') await shot('byzantine-tamper', { width: 1280, height: 720 }, 'presenter-1280', { presenter: true, tick: 6 });
if (which === 'phone') await shot('byzantine-tamper', { width: 390, height: 844 }, 'phone-390', { tick: 6 });
if (which === 'desk') await shot('byzantine-tamper', { width: 1440, height: 900 }, 'desk-1440', { tick: 6 });
await browser.close();
