import { readFile } from 'node:fs/promises';
import { expect, test as base, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { main, type SimIo } from '../../src/cli/simMain';

/**
 * Every browser test opens the app the way a person does and fails if the console shows an error
 * or the page throws.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await use(errors);
      expect(errors, 'the console shows no errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens the app on a preset and waits for its first frame. */
export async function openPreset(page: Page, preset = 'basics'): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  if (preset !== 'basics') {
    await page.getByLabel('Preset').selectOption(preset);
    await expect(page.getByTestId('total-requests')).toHaveText('0');
  }
}

/** A number shown on screen, such as "1,234" or "63.9%" (as a fraction). */
export async function readNumber(locator: Locator): Promise<number> {
  const text = (await locator.textContent())?.trim() ?? '';
  const value = Number(text.replace(/[,%]/g, ''));
  if (!Number.isFinite(value)) throw new Error(`not a number on screen: "${text}"`);
  return text.endsWith('%') ? value / 100 : value;
}

/** Simulated seconds shown in the playback bar. */
export async function simSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-time').textContent()) ?? '';
  const [minutes, seconds] = text.trim().split(' ')[0].split(':');
  return Number(minutes) * 60 + Number(seconds);
}

export async function setSpeed(page: Page, speed: number): Promise<void> {
  // The slider is log10(speed / 0.1).
  await page.getByLabel('Speed').fill(String(Math.log10(speed / 0.1)));
}

export const play = (page: Page) => page.getByRole('button', { name: 'Play' }).click();
export const pause = (page: Page) => page.getByRole('button', { name: 'Pause' }).click();

/** Plays until simulated time reaches `seconds`, then pauses. */
export async function playUntil(page: Page, seconds: number): Promise<void> {
  await play(page);
  await expect
    .poll(() => simSeconds(page), { timeout: 60_000, intervals: [50] })
    .toBeGreaterThanOrEqual(seconds);
  // Pause at once: waiting for the button to hold still would let the run go on meanwhile.
  const pauseButton = page.getByRole('button', { name: 'Pause' });
  // The run can reach its end, and show Play, between the check and the click: that is paused too.
  if (await pauseButton.isVisible()) {
    await pauseButton.dispatchEvent('click', undefined, { timeout: 1_000 }).catch(() => undefined);
  }
  // The frame sent on pause carries the figures at the paused time.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

/** A tier's group of controls in the left panel. */
export const tierControls = (page: Page, tier: string) => page.locator(`fieldset[data-tier="${tier}"]`);

/** Types a value into a number field and commits it as a person does, with Enter. */
export async function commitField(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press('Enter');
}

/**
 * Copies the run's share link as a person does (Export ▸ Copy share link) and returns the page's
 * address, which then holds the link too.
 */
export async function copyShareLink(page: Page, context: BrowserContext): Promise<string> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('details.export summary').click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Share link copied|address bar/ })).toBeVisible();
  return page.url();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/** Clicks a button that downloads a file, and returns the file's suggested name and bytes. */
export async function downloadFrom(
  page: Page,
  button: string | RegExp,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

/** Runs `npm run sim` with these flags in memory; the files it wrote, by path, or a failure naming its stderr. */
export async function simFiles(argv: string[]): Promise<Record<string, string>> {
  const written: Record<string, string> = {};
  let stderr = '';
  const io: SimIo = {
    stdout: () => {},
    stderr: (text) => void (stderr += text),
    readFile: async () => '',
    writeFile: async (path, text) => void (written[path] = text),
  };
  expect(await main(argv, io), stderr).toBe(0);
  return written;
}
