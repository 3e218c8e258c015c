import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3-dsv';
import type { Page } from '@playwright/test';
import { expect, openPreset, playUntil, readNumber, screenshot, setSpeed, test } from './fixtures';

/** Clicks an item of the export menu and returns the downloaded file's name and text. */
async function exportFile(page: Page, label: string): Promise<{ name: string; text: string }> {
  const menu = page.locator('details.export');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('each export has its header, a name that says preset and seed, and the totals on screen', async ({
  page,
}) => {
  await openPreset(page, 'flash-sale');
  await setSpeed(page, 5);
  await playUntil(page, 8);
  const requests = await readNumber(page.getByTestId('total-requests'));
  const hits = await readNumber(page.getByTestId('tier-distributed-hits'));
  const misses = await readNumber(page.getByTestId('tier-distributed-misses'));
  expect(requests).toBeGreaterThan(0);

  const summary = await exportFile(page, 'Summary CSV');
  expect(summary.name).toMatch(/^cachescope-flash-sale-seed11-at\d+(\.\d+)?s-summary\.csv$/);
  expect(summary.text.split('\n')[0]).toMatch(/^scope,enabled,entries,lookups,hits,misses,/);
  const rows = csvParse(summary.text);
  expect(Number(rows.find((r) => r.scope === 'end-to-end')?.requests)).toBe(requests);
  const distributed = rows.find((r) => r.scope === 'distributed');
  expect(Number(distributed?.hits)).toBe(hits);
  expect(Number(distributed?.misses)).toBe(misses);
  await screenshot(page, 'export-menu');

  const series = await exportFile(page, 'Time series CSV');
  expect(series.name).toMatch(/^cachescope-flash-sale-seed11-at\d+(\.\d+)?s-timeseries\.csv$/);
  expect(series.text.split('\n')[0]).toMatch(/^startMs,endMs,tier,lookups,hits,misses,/);
  const seriesRows = csvParse(series.text).filter((r) => r.tier === 'distributed');
  expect(seriesRows.reduce((sum, r) => sum + Number(r.hits), 0)).toBe(hits);

  const events = await exportFile(page, 'Events CSV');
  expect(events.name).toMatch(/^cachescope-flash-sale-seed11-at\d+(\.\d+)?s-events\.csv$/);
  const eventRows = csvParse(events.text);
  expect(eventRows.columns.slice(0, 2)).toEqual(['type', 't']);
  expect(eventRows.filter((r) => r.type === 'request.issued').length).toBe(requests);

  const run = await exportFile(page, 'Scenario + commands JSON');
  expect(run.name).toMatch(/^cachescope-flash-sale-seed11-at\d+(\.\d+)?s-run\.json$/);
  const parsed = JSON.parse(run.text);
  expect(parsed.scenario.seed).toBe(11);
  expect(parsed.commands).toEqual([]);
});
