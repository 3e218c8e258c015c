import { writeFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
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
  // Three nodes of 2,000 entries hold all 5,000 products: no policy would act, and the dialog says so.
  await expect(dialog).toContainText('room for all 5,000 keys (3 nodes × 2,000 entries)');
  await screenshot(page, 'compare-dialog');
  await dialog.getByRole('button', { name: 'Give every variant 30 entries per node' }).click();
  await expect(dialog).not.toContainText('room for all');
  await expect(dialog.getByLabel('Setting 1 of variant 1', { exact: true })).toHaveValue(
    'tiers.distributed.capacity',
  );
  await expect(dialog.getByLabel('Value 1 of variant 1')).toHaveValue('30');
  await expect(dialog.getByLabel('Setting 2 of variant 2', { exact: true })).toHaveValue(
    'tiers.distributed.capacity',
  );
  await dialog.getByRole('button', { name: 'Start the comparison' }).click();

  const view = page.getByRole('main', { name: 'Comparison' });
  const variants = ['LRU', 'S3-FIFO'].map((name) => view.getByRole('region', { name }));
  for (const variant of variants) {
    await expect(variant.getByRole('group', { name: 'System topology' })).toBeVisible();
  }
  await expect(variants[0]).toContainText('tiers.distributed.capacity = 30');
  await expect(variants[1]).toContainText(
    'tiers.distributed.eviction = s3fifo, tiers.distributed.capacity = 30',
  );

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
  // With the cache contested the policies part: S3-FIFO serves more reads from cache than LRU.
  const fromCache = table.getByRole('row', { name: /^Reads served from cache/ }).getByRole('cell');
  await expect(fromCache.nth(2)).toHaveText(/^\+\d/);

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

test('four variants side by side at 1280x720, their long names and every value in view', async ({ page }) => {
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
  const names = [
    'The flash sale as it was',
    'The same again, a second time',
    'A cache of 100 entries a node',
    'Coalescing the stampede',
  ];
  for (const [i, name] of names.entries()) await dialog.getByLabel(`Name of variant ${i + 1}`).fill(name);
  await dialog.getByRole('button', { name: 'Start the comparison' }).click();
  const view = page.getByRole('main', { name: 'Comparison' });
  await expect(view.getByRole('group', { name: 'System topology' })).toHaveCount(4);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished');
  await screenshot(page, 'compare-four');
  const charts = view.getByRole('region', { name: 'Over simulated time' });
  await charts.scrollIntoViewIfNeeded();
  await charts.getByRole('slider').first().hover();
  await screenshot(page, 'compare-four-charts');
  // Each chart's readout names all four variants with their values, none cut off: clamped to two
  // lines, as the single run's are, it hid the last two. The charts of a row stay aligned.
  const readouts = charts.getByTestId('readout');
  await expect(readouts).toHaveCount(4);
  for (const readout of await readouts.all()) {
    for (const name of names) await expect(readout).toContainText(new RegExp(`${name} [\\d.,]+`));
    const { whole, drawingTop } = await readout.evaluate((el) => ({
      whole: el.scrollHeight <= el.clientHeight,
      drawingTop: el.closest('figure')!.querySelector('svg[role="slider"]')!.getBoundingClientRect().top,
    }));
    expect(whole, `"${await readout.textContent()}" is cut off`).toBe(true);
    const firstTop = await charts
      .getByRole('slider')
      .first()
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(drawingTop).toBeCloseTo(firstTop, 0);
  }
  // Only the comparison's body scrolls, not the page under its header (text for screen readers only
  // once sat below the rows, against the page, and made the page taller than the window).
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBe(720);
  const scan = await new AxeBuilder({ page }).analyze();
  expect(
    scan.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
  const table = view.getByRole('table', { name: /Every summary figure/ });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Figure',
    names[0],
    names[1],
    `${names[1]} vs ${names[0]}`,
    names[2],
    `${names[2]} vs ${names[0]}`,
    names[3],
    `${names[3]} vs ${names[0]}`,
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

/** Opens "Compare with…" on the flash sale with its two suggested variants, `nodes` cache nodes in the second when given. */
async function openComparison(page: Page, nodes?: string): Promise<Locator> {
  await openPreset(page, 'flash-sale');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with…' });
  if (nodes) {
    await dialog.getByLabel('Setting 1 of variant 2').selectOption('tiers.distributed.nodes');
    await dialog.getByLabel('Value 1 of variant 2').fill(nodes);
  }
  await dialog.getByRole('button', { name: 'Start the comparison' }).click();
  const view = page.getByRole('main', { name: 'Comparison' });
  await expect(view.getByRole('group', { name: 'System topology' })).toHaveCount(2);
  return view;
}

/** Each variant's figure in a row of the comparison's table (the differences left out). */
async function perVariant(view: Locator, figure: string): Promise<number[]> {
  const cells = await view
    .getByRole('table', { name: /Every summary figure/ })
    .getByRole('row', { name: new RegExp(`^${figure}`) })
    .getByRole('cell')
    .allTextContents();
  return [cells[0], cells[1]].map((text) => Number(text.replace(/,/g, '')));
}

test('in the compare dialog keys type and press its buttons; they start nothing behind it', async ({
  page,
}) => {
  await openPreset(page, 'flash-sale');
  await page.getByRole('button', { name: 'Compare with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with…' });
  const name = dialog.getByLabel('Name of variant 2');
  await name.fill('');
  await name.pressSequentially('k s p 1');
  await expect(name).toHaveValue('k s p 1');
  // Space on a button of the dialog presses it.
  await dialog.getByRole('button', { name: 'Add a variant' }).focus();
  await page.keyboard.press(' ');
  await expect(dialog.getByLabel('Name of variant 3')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Presenter view' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('total-requests')).toHaveText('0');
});

test('in a comparison Space plays and pauses every variant, S spikes them all, and ? lists only what applies', async ({
  page,
}) => {
  const view = await openComparison(page);
  const back = page.getByRole('button', { name: 'Back to your run' });
  await back.focus();
  await setSpeed(page, 10);
  await back.focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => simSeconds(page), { timeout: 30_000 }).toBeGreaterThan(3);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // The focused button was not pressed: the comparison is still on screen.
  await expect(back).toBeFocused();
  const at = await simSeconds(page);
  await expect.poll(() => perVariant(view, 'Requests')).toEqual([expect.any(Number), expect.any(Number)]);
  for (const requests of await perVariant(view, 'Requests')) expect(requests).toBeGreaterThan(0);
  // No timeline here: step and seek keys do nothing.
  for (const key of ['.', '>', 'j', 'l']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  expect(await simSeconds(page)).toBe(at);

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const label of ['Play or pause', 'Traffic spike (as set in Faults)', 'Presenter view on or off']) {
    await expect(help.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
  }
  for (const label of ['Step one event', 'Seek back 5 s', 'Bookmark this moment']) {
    await expect(help.getByRole('rowheader', { name: label, exact: true })).toHaveCount(0);
  }
  await expect(help).toContainText('A comparison has no timeline');
  await screenshot(page, 'compare-shortcuts');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(back).toBeFocused();

  // The run to its end without a spike, then again from the start with S pressed at 0 s.
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished', { timeout: 60_000 });
  const calm = await perVariant(view, 'Requests');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => simSeconds(page)).toBe(0);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished', { timeout: 60_000 });
  const spiked = await perVariant(view, 'Requests');
  // Five times the traffic for 10 s: each variant saw more requests than without it.
  expect(spiked[0]).toBeGreaterThan(calm[0] * 1.1);
  expect(spiked[1]).toBeGreaterThan(calm[1] * 1.1);
  expect(spiked[1]).toBe(spiked[0]);
});

test('a node only the bigger variant has can be failed, and the notice says which variant it skipped', async ({
  page,
}) => {
  const view = await openComparison(page, '4');
  const [small, big] = ['This run', 'Variant 2'].map((name) => view.getByRole('region', { name }));
  await view.getByLabel('Cache node', { exact: true }).selectOption('node 4');
  await view.getByRole('button', { name: 'Fail node 4' }).click();
  await expect(big.getByRole('button', { name: /^Cache node 4, down/ })).toBeVisible();
  await expect(small.getByRole('button', { name: /^Cache node 4/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Cache node 4 fails' })).toHaveText(
    /Cache node 4 fails in “Variant 2” only: “This run” has 3 cache nodes\./,
  );
  // Its digit reaches it too: 4 recovers it (it warms up, empty).
  await page.locator('body').press('4');
  await expect(big.getByRole('button', { name: /^Cache node 4, warming/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Cache node 4 recovers' })).toBeVisible();
  await screenshot(page, 'compare-node-union');
});

/** The sizes the room reads in a comparison, CSS px: node labels, headline numbers, variant names, table. */
async function comparisonSizes(page: Page) {
  return page.evaluate(() => {
    const smallest = (selector: string, svgScale = false) => {
      let px = Infinity;
      for (const el of document.querySelectorAll(selector)) {
        if (el.getClientRects().length === 0) continue;
        const scale = svgScale ? ((el as SVGTextElement).getScreenCTM()?.a ?? 1) : 1;
        px = Math.min(px, parseFloat(getComputedStyle(el).fontSize) * scale);
      }
      return px;
    };
    return {
      label: smallest('[aria-label="System topology"] text.label', true),
      figure: smallest('[aria-label^="Headline figures of"] dd'),
      name: smallest('main[aria-label="Comparison"] h2'),
      table: smallest('main[aria-label="Comparison"] table td'),
    };
  });
}

for (const { width, height, sizes } of [
  { width: 1920, height: 1080, sizes: { label: 19, figure: 32, name: 28, table: 20 } },
  { width: 1280, height: 720, sizes: { label: 13, figure: 28, name: 22, table: 16 } },
]) {
  test(`presenter view of a comparison at ${width}×${height}: large numbers, both topologies in view, no axe violations`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const view = await openComparison(page);
    const toggle = page.getByRole('button', { name: 'Presenter view' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(new URL(page.url()).searchParams.has('present')).toBe(true);
    // The faults fold into the header's strip; P turns the view off and on again.
    await expect(view.getByText('Faults for every variant')).toBeHidden();
    const strip = page.getByRole('toolbar', { name: 'Presenter controls' });
    await expect(strip.getByRole('button', { name: 'Fail node 1' })).toBeVisible();
    await page.locator('body').press('p');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('p');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await setSpeed(page, 10);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => simSeconds(page), { timeout: 30_000 }).toBeGreaterThan(4);
    await strip.getByRole('button', { name: 'Fail node 1' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    for (const name of ['This run', 'Variant 2']) {
      await expect(
        view.getByRole('region', { name }).getByRole('button', { name: /^Cache node 1, down/ }),
      ).toBeVisible();
    }
    const measured = await comparisonSizes(page);
    for (const what of ['label', 'figure', 'name', 'table'] as const) {
      expect(measured[what], what).toBeGreaterThanOrEqual(sizes[what]);
    }
    if (width === 1920) {
      for (const topology of await view.getByRole('group', { name: 'System topology' }).all()) {
        await expect(topology).toBeInViewport({ ratio: 1 });
      }
    }
    await screenshot(page, `compare-presenter-${width}`);
    const scan = await new AxeBuilder({ page }).analyze();
    expect(
      scan.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  });
}
