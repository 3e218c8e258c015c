import { writeFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { csvParseRows } from 'd3-dsv';
import { downloadFrom, expect, openPreset, screenshot, setSpeed, simSeconds, test } from './fixtures';

/** The flash sale's "Compare with…" dialog filled in: two variants named, the second changing one setting. */
async function fillComparison(page: Page, names: [string, string], path: string, value: string) {
  await openPreset(page, 'flash-sale');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with…' });
  await dialog.getByLabel('Name of variant 1').fill(names[0]);
  await dialog.getByLabel('Name of variant 2').fill(names[1]);
  await dialog.getByLabel('Setting 1 of variant 2').selectOption(path);
  await dialog.getByLabel('Value 1 of variant 2').fill(value);
  return dialog;
}

test('compare two policies on the flash sale and see both', async ({ page, context }) => {
  const dialog = await fillComparison(page, ['LRU', 'S3-FIFO'], 'tiers.distributed.eviction', 's3fifo');
  await screenshot(page, 'compare-dialog');
  await dialog.getByRole('button', { name: 'Start the comparison' }).click();

  const view = page.getByRole('main', { name: 'Comparison' });
  const variants = ['LRU', 'S3-FIFO'].map((name) => view.getByRole('region', { name }));
  for (const variant of variants) {
    await expect(variant.getByRole('group', { name: 'System topology' })).toBeVisible();
  }
  await expect(variants[1]).toContainText('tiers.distributed.eviction = s3fifo');

  await setSpeed(page, 10);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => simSeconds(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(8);
  // A fault during the comparison goes to every variant.
  await view.getByRole('button', { name: 'Fail node 1' }).click();
  for (const variant of variants) {
    await expect(variant.getByRole('button', { name: /^Cache node 1, down/ })).toBeVisible();
  }
  await expect.poll(() => simSeconds(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(25);
  await page.getByRole('button', { name: 'Pause' }).click();
  await screenshot(page, 'compare-flash-sale');

  for (const variant of variants) {
    await expect(variant.getByLabel(/Headline figures of/).getByText(/%$/)).toBeVisible();
  }
  const table = view.getByRole('table', { name: /Every summary figure/ });
  await expect(table.getByRole('columnheader', { name: 'S3-FIFO vs LRU' })).toBeVisible();
  const failures = table.getByRole('row', { name: /^Cache node failures/ });
  await expect(failures.getByRole('cell')).toHaveText(['1', '1', '±0']);

  const csv = await downloadFrom(page, 'Download the comparison CSV (per tier)');
  const rows = csvParseRows(csv.bytes.toString('utf8'));
  expect(rows[0].slice(0, 2)).toEqual(['variant', 'tier']);
  const tiers = ['browser', 'cdn', 'local', 'distributed', 'bufferPool'];
  expect(rows.slice(1).map((r) => `${r[0]} ${r[1]}`)).toEqual(
    ['LRU', 'S3-FIFO'].flatMap((name) => tiers.map((tier) => `${name} ${tier}`)),
  );

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy comparison link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Comparison link copied' })).toBeVisible();
  const moment = await page.getByTestId('sim-time').textContent();
  const other = await context.newPage();
  await other.goto(page.url());
  const reopened = other.getByRole('main', { name: 'Comparison' });
  await expect(reopened.getByRole('region', { name: 'S3-FIFO' })).toBeVisible();
  await expect(other.getByTestId('sim-time')).toHaveText(moment!);
  await expect(reopened.getByRole('row', { name: /^Cache node failures/ }).getByRole('cell')).toHaveText([
    '1',
    '1',
    '±0',
  ]);

  // The run to go back to is the link's scenario, at its start.
  await other.getByRole('button', { name: 'Back to your run' }).click();
  await expect(other.getByTestId('total-requests')).toHaveText('0');
  await expect(other.getByRole('group', { name: 'System topology' }).getByText('Cache node 3')).toBeVisible();
});

test('a bad variant is named in the dialog, and a damaged comparison link says so', async ({
  page,
  context,
}) => {
  await openPreset(page, 'flash-sale');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with…' });
  await dialog.getByLabel('Setting 1 of variant 2').selectOption('tiers.distributed.ttl.seconds');
  await dialog.getByLabel('Value 1 of variant 2').fill('soon');
  await dialog.getByRole('button', { name: 'Start the comparison' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    'variant "Variant 2": tiers.distributed.ttl.seconds',
  );
  await expect(dialog.getByLabel('Value 1 of variant 2')).toHaveValue('soon');

  const fresh = await context.newPage();
  await fresh.goto('/#compare=abc$');
  await expect(fresh.getByRole('alert')).toContainText('The share link is damaged: after "#compare="');
  await expect(fresh.getByTestId('total-requests')).toBeVisible();
});

test('four variants side by side at 1280x720', async ({ page }) => {
  await openPreset(page, 'flash-sale');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with…' });
  await dialog.getByRole('button', { name: 'Add a variant' }).click();
  await dialog.getByRole('button', { name: 'Add a variant' }).click();
  await expect(dialog.getByRole('button', { name: 'Add a variant' })).toBeHidden();
  await dialog.getByLabel('Setting 1 of variant 3').selectOption('tiers.distributed.capacity');
  await dialog.getByLabel('Value 1 of variant 3').fill('100');
  await dialog.getByLabel('Setting 1 of variant 4').selectOption('policies.stampede');
  await dialog.getByLabel('Value 1 of variant 4').fill('coalesce');
  await dialog.getByRole('button', { name: 'Start the comparison' }).click();
  const view = page.getByRole('main', { name: 'Comparison' });
  await expect(view.getByRole('group', { name: 'System topology' })).toHaveCount(4);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished');
  await screenshot(page, 'compare-four');
  await view.getByRole('region', { name: 'Over simulated time' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'compare-four-charts');
  const scan = await new AxeBuilder({ page }).analyze();
  expect(
    scan.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
  const table = view.getByRole('table', { name: /Every summary figure/ });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Figure',
    'This run',
    'Variant 2',
    'Variant 2 vs This run',
    'Variant 3',
    'Variant 3 vs This run',
    'Variant 4',
    'Variant 4 vs This run',
  ]);
  // A small cache sends more reads to the database than the run it came from.
  const dbReads = await table
    .getByRole('row', { name: /^DB reads/ })
    .getByRole('cell')
    .allTextContents();
  expect(dbReads[4]).toMatch(/^\+/);
});

test("the comparison charts every variant over time, and a chart's file names the variants, scenario and seed", async ({
  page,
  context,
}, testInfo) => {
  const dialog = await fillComparison(page, ['No protection', 'Coalescing'], 'policies.stampede', 'coalesce');
  await dialog.getByRole('button', { name: 'Start the comparison' }).click();
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished');

  const charts = page
    .getByRole('main', { name: 'Comparison' })
    .getByRole('region', { name: 'Over simulated time' });
  await expect(charts.getByRole('figure')).toHaveText([
    /^Reads served from cache \(%\)/,
    /^Database queries \(queries\/s\)/,
    /^p95 latency \(ms\)/,
    /^Stale reads \(reads\/s\)/,
  ]);
  // The chart where the two policies part: coalescing sends fewer queries during the flash sale.
  const figure = charts.getByRole('figure', { name: 'Database queries (queries/s)' });
  await expect(figure.getByRole('list', { name: 'Database queries: key' }).getByRole('listitem')).toHaveText([
    'No protection',
    'Coalescing',
  ]);
  // The last whole second, read for both variants: "59–60 s: No protection 8, Coalescing 8 queries/s".
  const readout = (await figure.getByTestId('readout').textContent()) ?? '';
  expect(readout).toMatch(/^[\d.]+–[\d.]+ s: No protection [\d.,]+, Coalescing [\d.,]+ queries\/s$/);
  const end = readout.match(/–([\d.]+) s:/)![1];
  await charts.scrollIntoViewIfNeeded();
  await screenshot(page, 'compare-charts');

  await figure.getByRole('button', { name: 'Export Database queries chart…' }).click();
  await screenshot(page, 'compare-chart-export-menu');
  const svg = await downloadFrom(page, 'Export Database queries chart as SVG');
  expect(svg.name).toBe(
    `cachescope-database-queries-flash-sale-2-variants-seed11-to-${end.replace('.', '-')}s.svg`,
  );
  const text = svg.bytes.toString('utf8');
  for (const label of [
    '>Database queries<',
    '>Simulated time (s)<',
    '>Database queries (queries/s)<',
    '>No protection<',
    '>Coalescing<',
    `>Flash sale, 2 variants · seed 11 · 0–${end} s simulated · Cachescope<`,
  ]) {
    expect(text).toContain(label);
  }
  const png = await downloadFrom(page, 'Export Database queries chart as PNG');
  expect(png.name).toMatch(/^cachescope-database-queries-flash-sale-2-variants-seed11-to-[\d-]+s\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // The file on its own, as a slide program opens it.
  const path = testInfo.outputPath('database-queries.svg');
  await writeFile(path, svg.bytes);
  const viewer = await context.newPage();
  await viewer.goto(`file://${path}`);
  for (const label of [
    'Database queries (queries/s)',
    'No protection',
    'Coalescing',
    'Flash sale, 2 variants',
  ]) {
    await expect(viewer.locator('text').filter({ hasText: label }).first()).toBeVisible();
  }
  await viewer.screenshot({ path: 'test-results/screenshots/compare-chart-file.png' });
  await viewer.close();
});
