import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3-dsv';
import type { Page } from '@playwright/test';
import { main, type SimIo } from '../../src/cli/simMain';
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

  const tiers = await exportFile(page, 'Summary per tier CSV');
  expect(tiers.name).toMatch(/^cachescope-flash-sale-seed11-at\d+(\.\d+)?s-summary-tiers\.csv$/);
  expect(tiers.text.split('\n')[0]).toMatch(/^tier,enabled,entries,lookups,hits,misses,/);
  const distributed = csvParse(tiers.text).find((r) => r.tier === 'distributed');
  expect(Number(distributed?.hits)).toBe(hits);
  expect(Number(distributed?.misses)).toBe(misses);
  // Flash sale has no browser cache: no lookups, so no hit ratio rather than one of 0.
  expect(csvParse(tiers.text).find((r) => r.tier === 'browser')).toMatchObject({
    lookups: '0',
    hitRatio: '',
  });
  await screenshot(page, 'export-menu');

  const endToEnd = await exportFile(page, 'Summary end to end CSV');
  expect(endToEnd.name).toMatch(/^cachescope-flash-sale-seed11-at\d+(\.\d+)?s-summary-end-to-end\.csv$/);
  const [whole, ...more] = csvParse(endToEnd.text);
  expect(more).toEqual([]);
  expect(Number(whole.requests)).toBe(requests);

  const series = await exportFile(page, 'Time series CSV');
  expect(series.name).toMatch(/^cachescope-flash-sale-seed11-at\d+(\.\d+)?s-timeseries\.csv$/);
  expect(series.text.split('\n')[0]).toMatch(
    /^startMs,endMs,tier,lookups,lookupsPerSecond,hits,hitsPerSecond,/,
  );
  const seriesRows = csvParse(series.text).filter((r) => r.tier === 'distributed');
  expect(seriesRows.reduce((sum, r) => sum + Number(r.hits), 0)).toBe(hits);
  const first = seriesRows[0];
  expect(Number(first.hitsPerSecond)).toBeCloseTo(
    Number(first.hits) / ((Number(first.endMs) - Number(first.startMs)) / 1000),
    3,
  );

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
  expect(run.name).toContain(`-at${Math.round(parsed.atMs) / 1000}s-`);
});

test('a mid-run export with a command in it is what the CLI writes from the exported run file', async ({
  page,
}) => {
  await openPreset(page, 'flash-sale');
  await setSpeed(page, 5);
  await playUntil(page, 3);
  await page.locator('summary', { hasText: 'Faults' }).click();
  await page.getByRole('button', { name: 'Fail node 1' }).click();
  await playUntil(page, 5);
  const labels = [
    'Summary per tier CSV',
    'Summary end to end CSV',
    'Time series CSV',
    'Events CSV',
    'Scenario + commands JSON',
  ];
  const app: { name: string; text: string }[] = [];
  for (const label of labels) app.push(await exportFile(page, label));
  const run = JSON.parse(app[4].text);
  expect(run.atMs).toBeGreaterThanOrEqual(5000);
  expect(run.commands.map((c: { command: { type: string } }) => c.command.type)).toEqual(['node.fail']);

  // The CLI, given only the run file: it runs to the file's atMs, not to the end.
  const written: Record<string, string> = {};
  let stderr = '';
  const io: SimIo = {
    stdout: () => {},
    stderr: (text) => void (stderr += text),
    readFile: async () => app[4].text,
    writeFile: async (path, text) => void (written[path] = text),
  };
  const argv = ['--scenario', 'run.json', '--summary-tiers-csv', 's', '--summary-end-to-end-csv', 'u'];
  const status = await main([...argv, '--timeseries-csv', 't', '--events-csv', 'e'], io);
  expect(status, stderr).toBe(0);
  expect(stderr).toContain('running to that moment');
  expect([written.s, written.u, written.t, written.e]).toEqual(app.slice(0, 4).map((file) => file.text));
});
