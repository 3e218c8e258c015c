import { writeFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { downloadFrom, expect, openPreset, playUntil, screenshot, setSpeed, test } from './fixtures';

test('a run chart exports as an SVG that carries its title, axes with units, legend, run and seed, and as a 2× PNG', async ({
  page,
  context,
}, testInfo) => {
  await openPreset(page, 'flash-sale');
  await setSpeed(page, 4);
  await playUntil(page, 6);
  const figure = page.getByRole('figure', { name: 'Tier hit ratio (%)' });
  // The last whole second on screen is where the file's span ends: "5–6 s: Distributed cache 71.2 %".
  const readout = (await figure.getByTestId('readout').textContent()) ?? '';
  const end = readout.match(/–([\d.]+) s:/)?.[1];
  expect(end, `the readout names a time: "${readout}"`).toBeTruthy();

  await figure.getByRole('button', { name: 'Export Tier hit ratio chart…' }).click();
  await screenshot(page, 'chart-export-menu');
  const svg = await downloadFrom(page, 'Export Tier hit ratio chart as SVG');
  expect(svg.name).toBe(`cachescope-tier-hit-ratio-flash-sale-seed11-to-${end!.replace('.', '-')}s.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<\?xml/);
  for (const label of [
    '>Tier hit ratio<',
    '>Simulated time (s)<',
    '>Hit ratio (%)<',
    '>Distributed cache<',
    `>flash-sale · seed 11 · 0–${end} s simulated · Cachescope<`,
  ]) {
    expect(text).toContain(label);
  }
  // On its own, away from the page's style sheet: presentation attributes, no classes or styles.
  expect(text).not.toMatch(/\sclass=|\sstyle=|<style/);

  const png = await downloadFrom(page, 'Export Tier hit ratio chart as PNG');
  expect(png.name).toMatch(/^cachescope-tier-hit-ratio-flash-sale-seed11-to-[\d-]+s\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the drawing's 720 × 420: sharp on a projector and in print.
  expect(png.bytes.readUInt32BE(16)).toBe(1440);
  expect(png.bytes.readUInt32BE(20)).toBe(840);

  // The file opened by itself, as a slide program would: every label is drawn and legible.
  const path = testInfo.outputPath('tier-hit-ratio.svg');
  await writeFile(path, svg.bytes);
  const viewer = await context.newPage();
  await viewer.goto(`file://${path}`);
  for (const label of ['Tier hit ratio', 'Simulated time (s)', 'Hit ratio (%)', 'Distributed cache']) {
    await expect(viewer.locator('text').filter({ hasText: label }).first()).toBeVisible();
  }
  await viewer.screenshot({ path: 'test-results/screenshots/chart-export-file.png' });
  await viewer.close();
});

test('every run chart offers its export by name, and presenter view leaves them out', async ({ page }) => {
  await openPreset(page, 'basics');
  await setSpeed(page, 4);
  await playUntil(page, 3);
  const charts = page.getByRole('region', { name: 'Live charts' }).getByRole('figure');
  const count = await charts.count();
  expect(count).toBeGreaterThan(5);
  await expect(page.getByRole('button', { name: /^Export .+ chart…$/ })).toHaveCount(count);
  await page.getByRole('button', { name: 'Export Misses by cause: Distributed cache chart…' }).click();
  // The open menu, and the hidden drawing behind it, leave the page as accessible as it was.
  const results = await new AxeBuilder({ page }).include('[aria-label="Live charts"]').analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
  const svg = await downloadFrom(page, 'Export Misses by cause: Distributed cache chart as SVG');
  const text = svg.bytes.toString('utf8');
  for (const label of ['>Misses (misses/s)<', '>Simulated time (s)<', 'cold miss: ', '· seed 1 ·']) {
    expect(text).toContain(label);
  }

  await page.getByRole('button', { name: 'Presenter view' }).click();
  await expect(page.getByRole('region', { name: 'Live charts' }).getByRole('figure')).toHaveCount(3);
  await expect(page.getByRole('button', { name: /^Export .+ chart…$/ })).toHaveCount(0);
});
