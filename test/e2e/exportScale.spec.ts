import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3-dsv';
import type { Page } from '@playwright/test';
import { commitField, expect, openPreset, screenshot, test } from './fixtures';

/**
 * One run of about 1.5M requests (Flash sale at 6,250 requests/s: 40 s at the rate and 20 s at ten
 * times it), run to its end in the browser, then exported. Before exports scaled, its summary failed
 * with "Invalid string length" and the menu stayed "Preparing the file…".
 */
const rate = 6250;
const expectedRequests = 1_500_000;

async function openMenu(page: Page) {
  const menu = page.locator('details.export');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
}

async function saveFile(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('a 1.5M-request run exports its summary and time series, and its event log by time window', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openPreset(page, 'flash-sale');
  await page.locator('summary', { hasText: 'Workload' }).click();
  await commitField(page.getByLabel('Request rate'), String(rate));
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished', { timeout: 180_000 });
  const requests = Number((await page.getByTestId('total-requests').textContent())?.replace(/,/g, ''));
  expect(requests).toBeGreaterThan(expectedRequests * 0.98);
  expect(requests).toBeLessThan(expectedRequests * 1.02);

  await openMenu(page);
  const started = Date.now();
  const tiers = await saveFile(page, 'Summary per tier CSV');
  const summary = await saveFile(page, 'Summary end to end CSV');
  const series = await saveFile(page, 'Time series CSV');
  expect(Date.now() - started, 'the summary and the time series within 90 s').toBeLessThan(90_000);
  expect(csvParse(tiers.text).find((row) => row.tier === 'distributed')?.lookups).not.toBe('0');
  const [endToEnd] = csvParse(summary.text);
  expect(Number(endToEnd?.requests)).toBe(requests);
  const seriesRequests = csvParse(series.text)
    .filter((row) => row.tier === 'all')
    .reduce((sum, row) => sum + Number(row.requests), 0);
  expect(seriesRequests).toBe(requests);
  for (const label of [
    'Summary per tier CSV',
    'Summary end to end CSV',
    'Time series CSV',
    'Events CSV',
    'Scenario + commands JSON',
  ]) {
    await expect(page.getByRole('button', { name: label, exact: true })).toBeEnabled();
  }

  // The event log is too long for one file a spreadsheet opens: the menu says how long, and offers a window.
  await page.getByRole('button', { name: 'Events CSV', exact: true }).click();
  const sizing = page.getByRole('group', { name: 'Events CSV by time window' });
  await expect(sizing).toContainText(/holds about [\d,]+ rows \(about \d+ MB\)/);
  await expect(sizing).toContainText('A spreadsheet opens at most 1,048,576 rows');
  await screenshot(page, 'events-by-window');
  await sizing.getByLabel('From (s)').fill('59');
  await sizing.getByLabel('To (s)').fill('60');
  await expect(sizing).toContainText(/This window: about [\d,]+ rows/);
  const events = await saveFile(page, 'Export events in this window');
  expect(events.name).toMatch(/-at60s-events\.csv$/);
  const rows = csvParse(events.text);
  expect(rows.length).toBeGreaterThan(1000);
  const outside = rows.filter((row) => !(Number(row.t) >= 59_000 && Number(row.t) <= 60_000));
  expect(outside.length, 'rows outside the window').toBe(0);
  await expect(page.getByRole('status').filter({ hasText: /^Saved .*events\.csv/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Events CSV', exact: true })).toBeEnabled();
  // The event log on screen says it keeps only the newest events.
  await expect(page.getByTestId('events-kept')).toContainText(
    /Kept the newest 600 of [\d,]+ events, from 59\./,
  );
});
