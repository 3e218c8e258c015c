import { downloadFrom, expect, openPreset, screenshot, simFiles, test } from './fixtures';

test("a capacity sweep in the app draws its five charts from workers and writes the CLI's CSV", async ({
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
  await expect(dialog.getByRole('img')).toHaveCount(5);
  await screenshot(page, 'sweep-capacity');

  const csv = await downloadFrom(page, 'Download the sweep CSV');
  const argv = ['--scenario', 'preset:basics', '--sweep', 'tiers.distributed.capacity=10,100,1000'];
  const written = await simFiles([...argv, '--sweep-csv', 'sweep.csv']);
  expect(csv.bytes.toString('utf8')).toBe(written['sweep.csv']);

  const svg = await downloadFrom(page, 'Export Database load chart as SVG');
  for (const label of [
    '>Database load<',
    'Queries per second',
    'tiers.distributed.capacity (log scale)',
    'Basics: one app, one cache, seed 1',
  ]) {
    expect(svg.bytes.toString('utf8')).toContain(label);
  }
});

test("a capacity sweep draws Che's approximation beside the simulated hit ratio, and says where no formula applies", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPreset(page);
  await page.getByRole('button', { name: 'Sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sweep a setting' });
  await dialog.getByLabel('Setting').selectOption('tiers.distributed.capacity');
  await dialog.getByLabel('Values').fill('10, 30, 100');
  await dialog.getByRole('button', { name: 'Run the sweep' }).click();
  const hitRatio = page.getByRole('img', { name: /^Distributed cache hit ratio: / });
  const figure = dialog.locator('figure').filter({ has: hitRatio });
  const chart = figure.getByRole('img');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart).toHaveAccessibleName(/Simulated, Che's approximation \(LRU\)\./);
  // The legend is drawn in the SVG, so an exported image names the formula too.
  await expect(chart.locator('text', { hasText: "Che's approximation (LRU)" })).toBeVisible();
  // Basics runs 200 keys for 6,000 requests: its cold misses are named as what Che leaves out.
  await expect(figure).toContainText("of the reads are a key's first (cold misses)");
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, 'sweep-che-overlay');

  await dialog.getByLabel('Setting').selectOption('tiers.distributed.eviction');
  await dialog.getByLabel('Values').fill('lru, fifo, sieve');
  await dialog.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(figure).toContainText(
    "No formula at sieve: the models cover LRU (Che's approximation), FIFO and Random, not sieve eviction.",
    { timeout: 60_000 },
  );
  await expect(chart).toHaveAccessibleName(
    /Simulated, Che's approximation \(LRU\), King–Gelenbe \(FIFO\/Random\)\./,
  );
});

test('a bad sweep value is named before anything runs, the dialog keeps what was typed, and the corrected sweep runs', async ({
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
  // The workers kept after the failed check run the corrected sweep.
  await dialog.getByLabel('Values').fill('write-through, write-around');
  await dialog.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(dialog.getByRole('img', { name: /Reads served from cache/ })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('status')).not.toContainText('write-sideways');
});
