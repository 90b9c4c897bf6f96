import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Opens a preset, waits until it is loaded (the picker follows the store), runs it to its end. */
async function runPreset(page: Page, preset: string, open = true): Promise<string> {
  if (open) {
    await page.goto('/');
    await expect(page.getByTestId('run-status')).toContainText('ready');
  }
  await page.getByTestId('preset-select').selectOption(preset);
  await expect(page.getByTestId('preset-select')).toHaveValue(preset);
  await expect(page.getByTestId('run-status')).toContainText('ready');
  await page.getByTestId('run-end').click();
  const hash = page.getByTestId('trace-hash');
  await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
  return (await hash.textContent()) ?? '';
}

/** Clicks a File-menu item and returns the downloaded file's name and text. */
async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  await page.getByTestId('file-menu').click();
  const started = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await started;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function importText(page: Page, name: string, text: string): Promise<void> {
  const file = { name, mimeType: 'application/json', buffer: Buffer.from(text) };
  await page.getByTestId('import-input').setInputFiles(file);
}

/** Presses a key with nothing focused, as a presenter at the keyboard does. */
async function pressOnPage(page: Page, key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

test.describe('files', () => {
  test('a trace exported and imported back is verified by its hash; an edited one is refused', async ({ page }) => {
    const hash = await runPreset(page, 'crash-leader');
    const scenarioFile = await download(page, 'export-scenario');
    expect(scenarioFile.name).toMatch(/\.scenario\.json$/);
    expect(JSON.parse(scenarioFile.text)).toMatchObject({ v: 1, protocol: 'resonance' });

    const traceFile = await download(page, 'export-trace');
    expect(traceFile.name).toMatch(/\.trace\.json$/);
    const trace = JSON.parse(traceFile.text);
    expect(trace).toMatchObject({ format: 'bft-lab-trace', v: 1, traceHash: hash });

    await importText(page, traceFile.name, traceFile.text);
    await expect(page.getByTestId('notice')).toContainText('Trace verified: same hash');
    await expect(page.getByTestId('trace-hash')).toHaveText(hash);

    // One event changed: the re-run does not match, and the run the user had stays.
    const happyHash = await runPreset(page, 'happy-path', false);
    expect(happyHash).not.toBe(hash);
    const edited = structuredClone(trace);
    edited.events[5].t += 1;
    await importText(page, 'edited.trace.json', JSON.stringify(edited));
    await expect(page.getByTestId('error-banner')).toContainText(
      'This trace does not match its scenario: edited, or made by another version',
    );
    await expect(page.getByTestId('error-banner')).toContainText('event 5 differs');
    await expect(page.getByTestId('preset-select')).toHaveValue('happy-path');
    await expect(page.getByTestId('trace-hash')).toHaveText(happyHash);
  });

  test('a corrupt or foreign file is refused with a message, and the run is kept', async ({ page }) => {
    const hash = await runPreset(page, 'silent-two');
    await importText(page, 'broken.trace.json', '{"format": "bft-lab-trace", "v": 1, "scena');
    await expect(page.getByTestId('error-banner')).toContainText('not valid JSON');
    await expect(page.getByTestId('trace-hash')).toHaveText(hash);

    await importText(page, 'evil.json', '{"v":1,"seed":1,"protocol":"resonance","n":4,"__proto__":{"x":1}}');
    await expect(page.getByTestId('error-banner')).toContainText('"__proto__" is not allowed');

    await importText(page, 'bad.scenario.json', '{"v":1,"seed":1,"protocol":"resonance","n":"seven"}');
    await expect(page.getByTestId('error-banner')).toContainText('n');
    await expect(page.getByTestId('error-banner')).toContainText('not changed');
    await expect(page.getByTestId('preset-select')).toHaveValue('silent-two');
    await expect(page.getByTestId('trace-hash')).toHaveText(hash);
  });

  test('a scenario file dropped on the page opens and runs', async ({ page }) => {
    await runPreset(page, 'happy-path');
    const scenario = '{"v":1,"seed":42,"protocol":"resonance","n":4,"rounds":1,"name":"Dropped"}';
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.scenario.json', { type: 'application/json' }));
      return data;
    }, scenario);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await expect(page.getByTestId('notice')).toContainText('Opened the scenario from dropped.scenario.json');
    await expect(page.getByTestId('preset-select')).toHaveValue('custom');
    await expect(page.getByTestId('preset-select')).toContainText('Dropped');
    await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{64}$/);
  });

  test('a panel saves its drawing as a standalone SVG and as a PNG', async ({ page }) => {
    await runPreset(page, 'crash-leader');
    const ring = page.getByTestId('network-view');
    let started = page.waitForEvent('download');
    await ring.getByRole('button', { name: 'Save Network as SVG' }).click();
    let file = await started;
    expect(file.suggestedFilename()).toBe('bft-lab-network.svg');
    const svg = await readFile(await file.path(), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/ fill="rgb\(/);
    expect(svg).not.toContain('class=');
    expect(svg).not.toContain('style=');

    started = page.waitForEvent('download');
    await ring.getByRole('button', { name: 'Save Network as PNG' }).click();
    file = await started;
    await file.saveAs('test-results/panel-network-export.png');
    const png = await readFile(await file.path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

test.describe('presenter, themes, help', () => {
  test('presenter mode enlarges the type, hides configuration and narrates under the ring', async ({ page }) => {
    await runPreset(page, 'crash-leader');
    const rootFontPx = () =>
      page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await rootFontPx();
    await pressOnPage(page, 'p');
    await expect(page.locator('.app')).toHaveClass(/\bpresenter\b/);
    expect(await rootFontPx()).toBeGreaterThanOrEqual(before * 1.4);
    const configHidden = await page.evaluate(() => {
      const config = document.createElement('section');
      config.className = 'config-panel';
      document.querySelector('.app')!.append(config);
      const display = getComputedStyle(config).display;
      config.remove();
      return display === 'none';
    });
    expect(configHidden, 'a .config-panel is hidden in presenter mode').toBe(true);
    const narration = page.getByTestId('presenter-narration');
    await expect(narration).toContainText('tick');
    const ended = await narration.textContent();
    await pressOnPage(page, 'ArrowLeft');
    await expect(narration).not.toHaveText(ended ?? '');
    await page.getByTestId('theme-select').selectOption('light');
    await page.getByTestId('network-view').evaluate((ring) => ring.scrollIntoView());
    await page.screenshot({ path: 'test-results/presenter-light.png' });
    await page.getByTestId('theme-select').selectOption('dark');
    await page.screenshot({ path: 'test-results/presenter-dark.png' });

    // Number keys pick presets in presenter mode.
    await pressOnPage(page, '1');
    await expect(page.getByTestId('preset-select')).not.toHaveValue('crash-leader');
    await pressOnPage(page, 'p');
    await expect(page.locator('.app')).not.toHaveClass(/\bpresenter\b/);
    await expect(page.getByTestId('presenter-narration')).toHaveCount(0);
  });

  test('the theme toggle switches the background and is remembered', async ({ page }) => {
    await page.goto('/');
    const background = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.getByTestId('theme-select').selectOption('light');
    const light = await background();
    await page.getByTestId('theme-select').selectOption('dark');
    await expect.poll(background).not.toBe(light);
    await page.reload();
    await expect(page.getByTestId('theme-select')).toHaveValue('dark');
    await expect.poll(background).not.toBe(light);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('file-menu').click();
    await page.screenshot({ path: 'test-results/dark-1024-file-menu.png' });
    await page.keyboard.press('Escape');
    await page.getByTestId('theme-select').selectOption('system');
  });

  test('? opens the help, Escape closes it and gives focus back', async ({ page }) => {
    await page.goto('/');
    await pressOnPage(page, '?');
    const help = page.getByTestId('help-dialog');
    await expect(help).toBeVisible();
    await page.screenshot({ path: 'test-results/help.png' });
    await expect(help).toContainText('presenter mode');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    const button = page.getByTestId('help-button');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(help).toBeVisible();
    await page.keyboard.press('Tab');
    const focusInDialog = () =>
      page.evaluate(() => document.activeElement?.closest('dialog') !== null);
    await expect.poll(focusInDialog).toBe(true);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect(button).toBeFocused();
  });
});
