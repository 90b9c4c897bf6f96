import { chromium } from '@playwright/test';
import { chromiumArgs } from '/work/main/scripts/browser.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto('http://127.0.0.1:4180/');
await page.getByTestId('preset-select').selectOption(process.argv[2] ?? 'byzantine-tamper');
await page.getByTestId('run-end').click();
await page.waitForFunction(() => /^[0-9a-f]{64}$/.test(document.querySelector('[data-testid=trace-hash]')?.textContent ?? ''), null, { timeout: 120000 });
const wide = await page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > 392 && r.width > 0) out.push([r.right | 0, r.width | 0, el.tagName.toLowerCase() + '.' + (el.className?.baseVal ?? el.className) + (el.dataset?.testid ? '#' + el.dataset.testid : '')]);
  }
  return out.slice(0, 25);
});
console.log(wide.map((x) => x.join(' ')).join('\n'));
await browser.close();
