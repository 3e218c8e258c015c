import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openPreset, playUntil, screenshot, test } from './fixtures';

async function openMenu(page: Page) {
  const menu = page.locator('details.export');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
}

/** Opens a run file through the "Open run file…" button, as a person picks it in the file dialog. */
async function openRunFile(page: Page, path: string) {
  await openMenu(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Open run file…' }).click(),
  ]);
  await chooser.setFiles(path);
}

test('a saved run file opens again with its commands; a bad one is refused as the CLI refuses it', async ({
  page,
}, testInfo) => {
  await openPreset(page, 'write-policies');
  await page.getByLabel('Write policy').selectOption('write-through');
  await playUntil(page, 1);
  await openMenu(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Scenario + commands JSON' }).click(),
  ]);
  const runPath = testInfo.outputPath('run.json');
  await download.saveAs(runPath);
  const run = JSON.parse(await readFile(runPath, 'utf8'));
  expect(run.commands.length).toBe(1);
  expect(run.atMs).toBeGreaterThan(0);

  await page.getByLabel('Preset').selectOption('basics');
  await expect(page.getByLabel('Write policy')).not.toHaveValue('write-through');
  await openRunFile(page, runPath);
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await expect(page.getByLabel('Write policy')).toHaveValue('write-through');
  await expect(page.getByTestId('sim-time')).toContainText('0:00.000');

  // A field the CLI does not know is refused here too, in the same words; the notice closes the menu,
  // so that its Dismiss can be pressed.
  const badPath = testInfo.outputPath('bad.json');
  await writeFile(badPath, JSON.stringify({ ...run, note: 'mine' }));
  await openRunFile(page, badPath);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The command log is not valid');
  await expect(alert).toContainText('note: unknown field');
  await expect(alert).toContainText('Your current run is unchanged.');
  await expect(page.getByLabel('Write policy')).toHaveValue('write-through');
  await screenshot(page, 'bad-run-file');
  await alert.getByRole('button', { name: 'Dismiss' }).click({ trial: true });
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('a run too large for a share link says so and points to the run file', async ({ page }, testInfo) => {
  await openPreset(page);
  // 30,000 commands: about 3 MB as a link, more than a browser opens.
  const scenario = { version: 1, name: 'Many changes', durationMs: 60_000 };
  const commands = Array.from({ length: 30_000 }, (_, i) => ({
    atMs: i * 2,
    command: { type: 'database.slow', factor: 1 + (i % 5) },
  }));
  const path = testInfo.outputPath('many.json');
  await writeFile(path, JSON.stringify({ scenario, commands }));
  await openRunFile(page, path);
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await openMenu(page);
  const before = page.url();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'too large for a share link' })).toContainText(
    'Open run file…',
  );
  expect(page.url()).toBe(before);
});

test('a bad share link on a fresh load says what is wrong and that the default preset was loaded', async ({
  page,
}) => {
  await page.goto('/#run=not-a-run!');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The share link is damaged');
  await expect(alert).toContainText(
    'so the default preset, "Basics: one app, one cache", was loaded instead',
  );
  await expect(alert).not.toContainText('Your current run is unchanged');
  await expect(page.getByTestId('total-requests')).toBeVisible();
});
