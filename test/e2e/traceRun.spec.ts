import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { main, type SimIo } from '../../src/cli/simMain';
import {
  downloadFrom,
  expect,
  openPreset,
  playUntil,
  readNumber,
  screenshot,
  setSpeed,
  test,
} from './fixtures';

const tracePath = fileURLToPath(
  new URL('../fixtures/traces/public_zipf0.9_n20k_r200k.csv.gz', import.meta.url),
);
const traceName = 'public_zipf0.9_n20k_r200k.csv.gz';

/** Opens the fixture trace in the curve dialog and plays it through the run's topology. */
async function playTrace(page: Page) {
  await page.getByRole('button', { name: 'Miss-ratio curve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Miss-ratio curve of a trace' });
  await dialog.getByLabel('A trace file').check();
  const play = dialog.getByRole('button', { name: 'Play this trace through the topology' });
  await expect(play).toBeDisabled();
  await dialog.getByLabel(/Trace file/).setInputFiles(tracePath);
  await play.click();
  await expect(dialog).toBeHidden();
}

/** Opens the export menu when it is closed. */
async function openExportMenu(page: Page) {
  const menu = page.locator('details.export');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
}

/** The CLI run on files held in memory: the files it wrote. */
async function sim(argv: string[], files: Record<string, string>): Promise<Record<string, string>> {
  let stderr = '';
  const io: SimIo = {
    stdout: () => {},
    stderr: (text) => void (stderr += text),
    readFile: async (path) => files[path],
    writeFile: async (path, text) => void (files[path] = text),
  };
  expect(await main(argv, io), stderr).toBe(0);
  return files;
}

test("a trace plays through the topology: named on screen, its requests at the distributed tier, the CLI's numbers", async ({
  page,
}) => {
  await openPreset(page);
  await playTrace(page);

  const banner = page.getByRole('region', { name: 'Trace run' });
  await expect(banner).toContainText(`Playing the trace ${traceName}`);
  await expect(banner).toContainText('200,000 requests over 18,489 keys, reads only');
  await expect(banner).toContainText('Basics: one app, one cache');
  await expect(page.getByTestId('total-requests')).toHaveText('0');
  await page.locator('summary', { hasText: 'Workload' }).click();
  await expect(page.getByTestId('trace-workload')).toContainText(
    `The trace ${traceName} decides the requests`,
  );
  await expect(page.getByLabel('Request rate')).toHaveCount(0);
  await page.getByTestId('trace-workload').scrollIntoViewIfNeeded();
  await screenshot(page, 'trace-run-workload');

  await setSpeed(page, 2);
  await playUntil(page, 3);
  // Every request is a read of the trace that reaches the distributed tier (nothing in front of it).
  const requests = await readNumber(page.getByTestId('total-requests'));
  const hits = await readNumber(page.getByTestId('tier-distributed-hits'));
  const misses = await readNumber(page.getByTestId('tier-distributed-misses'));
  expect(requests).toBeGreaterThan(1000);
  expect(hits + misses).toBeGreaterThan(requests - 50);
  expect(hits + misses).toBeLessThanOrEqual(requests);
  await expect(page.getByTestId('tier-cdn')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'System topology' })).toBeVisible();
  await screenshot(page, 'trace-run-playing');

  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('total-requests')).toHaveText('200,000', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  const allHits = await readNumber(page.getByTestId('tier-distributed-hits'));
  const allMisses = await readNumber(page.getByTestId('tier-distributed-misses'));
  expect(allHits + allMisses).toBe(200_000);
  await screenshot(page, 'trace-run-finished');

  // A share link cannot carry the trace; the run file does, and the CLI replays it to the same bytes.
  await openExportMenu(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'cannot carry a trace' })).toContainText(
    'Open run file…',
  );
  const tiers = await downloadFrom(page, 'Summary per tier CSV');
  const runFile = await downloadFrom(page, 'Scenario + commands JSON');
  const run = JSON.parse(runFile.bytes.toString('utf8'));
  expect(run.trace.name).toBe(traceName);
  const written = await sim(['--scenario', 'run.json', '--summary-tiers-csv', 's.csv'], {
    'run.json': runFile.bytes.toString('utf8'),
  });
  expect(tiers.bytes.toString('utf8')).toBe(written['s.csv']);
});

test('a trace that cannot be read, opened from the export menu, says why, naming the file, and the run goes on', async ({
  page,
}, testInfo) => {
  await openPreset(page);
  await setSpeed(page, 5);
  await playUntil(page, 2);
  const before = await readNumber(page.getByTestId('total-requests'));
  const path = testInfo.outputPath('broken.csv');
  await writeFile(path, 'time,key\n0,a\nlater,b\n');
  // From the export menu this time, as a person picks the file in the file dialog.
  await openExportMenu(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Play a trace file…' }).click(),
  ]);
  await chooser.setFiles(path);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.csv: line 3, field "time": expected a number >= 0, got "later"');
  await expect(alert).toContainText('Your current run is unchanged');
  await expect(page.getByRole('region', { name: 'Trace run' })).toHaveCount(0);
  expect(await readNumber(page.getByTestId('total-requests'))).toBe(before);
  await screenshot(page, 'trace-run-refused');
});
