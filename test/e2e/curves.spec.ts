import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import type { Page } from '@playwright/test';
import { downloadFrom, expect, openPreset, screenshot, simFiles, test } from './fixtures';

const tracePath = fileURLToPath(
  new URL('../fixtures/traces/public_zipf0.9_n20k_r200k.csv.gz', import.meta.url),
);

async function openCurves(page: Page) {
  await openPreset(page);
  await page.getByRole('button', { name: 'Miss-ratio curve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Miss-ratio curve of a trace' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("a trace file's curve in the app is the CLI's, OPT lowest, and the chart exports with its title and axes", async ({
  page,
}) => {
  const dialog = await openCurves(page);
  await dialog.getByLabel('A trace file').check();
  await dialog.getByLabel(/Trace file/).setInputFiles(tracePath);
  await dialog.getByLabel('Cache sizes').fill('100, 400, 1600');
  await dialog.getByRole('button', { name: 'Draw the curve' }).click();
  const chart = dialog.getByRole('img', { name: /Miss-ratio curve: Miss ratio against Cache size/ });
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'miss-ratio-curve-trace');

  const csv = await downloadFrom(page, 'Download the curve CSV');
  expect(csv.name).toBe('cachescope-miss-ratio-curve-public-zipf0-9-n20k-r200k-csv-gz.csv');
  const argv = ['--trace', tracePath, '--policies', 'lru,fifo,s3fifo,opt', '--capacities', '100,400,1600'];
  const written = await simFiles([...argv, '--curve-csv', 'curve.csv']);
  expect(csv.bytes.toString('utf8')).toBe(written['curve.csv']);

  const rows = csvParse(written['curve.csv']).filter((row) => row.source === 'simulation');
  for (const capacity of ['100', '400', '1600']) {
    const at = rows.filter((row) => row.capacity === capacity);
    const opt = Number(at.find((row) => row.policy === 'opt')!.missRatio);
    for (const row of at) expect(Number(row.missRatio)).toBeGreaterThanOrEqual(opt);
  }

  const svg = await downloadFrom(page, 'Export Miss-ratio curve chart as SVG');
  expect(svg.name).toMatch(/\.svg$/);
  const text = svg.bytes.toString('utf8');
  for (const label of [
    'Miss-ratio curve',
    'Cache size (entries, log scale)',
    'Miss ratio',
    "opt (Belady's, the floor)",
    "Che's model of LRU",
    'public_zipf0.9_n20k_r200k.csv.gz',
  ]) {
    expect(text).toContain(label);
  }
  expect(text).toMatch(/^<\?xml/);

  const png = await downloadFrom(page, 'Export Miss-ratio curve chart as PNG');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the chart's 720 × 420: sharp on a projector.
  expect(png.bytes.readUInt32BE(16)).toBe(1440);
  expect(png.bytes.readUInt32BE(20)).toBe(840);
});

test('a generated Zipf trace draws every policy with the models dashed beside them, and a bad size is named', async ({
  page,
}) => {
  const dialog = await openCurves(page);
  await dialog.getByLabel('Cache sizes').fill('100, 2k');
  await dialog.getByRole('button', { name: 'Draw the curve' }).click();
  await expect(dialog.getByRole('status')).toContainText('Cache sizes: "2k" is not a whole number > 0.');

  await dialog.getByLabel('Cache sizes').fill('100 400 1600');
  await dialog.getByLabel('Requests').fill('100000');
  await dialog.getByRole('checkbox', { name: 'random' }).check();
  await dialog.getByRole('button', { name: 'Draw the curve' }).click();
  await expect(dialog.getByRole('img', { name: /Miss-ratio curve/ })).toBeVisible({ timeout: 60_000 });
  await dialog.getByText('Every point as a table').click();
  const table = dialog.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Cache size (entries, log scale)',
    'lru',
    'fifo',
    'random',
    's3fifo',
    "opt (Belady's, the floor)",
    "Che's model of LRU",
    'King–Gelenbe model of FIFO/Random',
  ]);
  await expect(table.getByRole('row')).toHaveCount(4);
  // Che's model and the simulated LRU agree within a point on independent draws.
  const cells = await table.getByRole('row').nth(2).getByRole('cell').allTextContents();
  expect(Math.abs(parseFloat(cells[0]) - parseFloat(cells[5]))).toBeLessThanOrEqual(1);
  await screenshot(page, 'miss-ratio-curve-zipf');
});
