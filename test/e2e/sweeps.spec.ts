import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { main, type SimIo } from '../../src/cli/simMain';
import { expect, openPreset, screenshot, test } from './fixtures';

async function saved(page: Page, button: string | RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

test("a capacity sweep in the app draws its four charts from workers and writes the CLI's CSV", async ({
  page,
}) => {
  await openPreset(page);
  await page.getByRole('button', { name: 'Sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sweep a setting' });
  await dialog.getByLabel('Setting').selectOption('tiers.distributed.capacity');
  await dialog.getByLabel('Values').fill('10, 100, 1000');
  await dialog.getByRole('button', { name: 'Run the sweep' }).click();
  const first = dialog.getByRole('img', {
    name: /Reads served from cache: Share of reads against tiers\.distributed\.capacity/,
  });
  await expect(first).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('img')).toHaveCount(4);
  await screenshot(page, 'sweep-capacity');

  const csv = await saved(page, 'Download the sweep CSV');
  const written: Record<string, string> = {};
  let stderr = '';
  const io: SimIo = {
    stdout: () => {},
    stderr: (text) => void (stderr += text),
    readFile: async () => '',
    writeFile: async (path, text) => void (written[path] = text),
  };
  const argv = ['--scenario', 'preset:basics', '--sweep', 'tiers.distributed.capacity=10,100,1000'];
  expect(await main([...argv, '--sweep-csv', 'sweep.csv'], io), stderr).toBe(0);
  expect(csv.text).toBe(written['sweep.csv']);

  const svg = await saved(page, 'Export “Database load” as SVG');
  for (const label of [
    '>Database load<',
    'Queries per second',
    'tiers.distributed.capacity (log scale)',
    'Basics: one app, one cache, seed 1',
  ]) {
    expect(svg.text).toContain(label);
  }
});

test('a bad sweep value is named before anything runs, and the dialog keeps what was typed', async ({
  page,
}) => {
  await openPreset(page);
  await page.getByRole('button', { name: 'Sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sweep a setting' });
  await dialog.getByLabel('Setting').selectOption('policies.write');
  await dialog.getByLabel('Values').fill('write-through, write-sideways');
  await dialog.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(dialog.getByRole('status')).toContainText('policies.write=write-sideways');
  await expect(dialog.getByLabel('Values')).toHaveValue('write-through, write-sideways');
  await expect(dialog.getByRole('button', { name: 'Run the sweep' })).toBeEnabled();
});
