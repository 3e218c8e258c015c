import { expect, openPreset, playUntil, setSpeed, test } from './fixtures';

test('paused mid-second, every chart reads the same whole second and none plots the one in progress', async ({
  page,
}) => {
  await openPreset(page, 'basics');
  await setSpeed(page, 2);
  await playUntil(page, 3.4);
  const readouts = page.getByTestId('readout');
  await expect(readouts.first()).not.toHaveText('no data yet');
  const texts = await readouts.allTextContents();
  const times = new Set(texts.map((t) => t.split(':')[0]));
  expect(times.size, `one time for every chart: ${[...times].join(' | ')}`).toBe(1);
  // The second in progress (3 s onwards at least) is not drawn: the last whole one ends at or before now.
  const clock = Number((await page.getByTestId('sim-time').textContent())?.split(':')[1].split(' ')[0]);
  const end = Number([...times][0].split('–')[1].replace(' s', ''));
  expect(end).toBeLessThanOrEqual(clock);
  expect(clock - end).toBeLessThan(1);
  const latency = await page
    .getByRole('figure', { name: 'Latency (ms)' })
    .getByTestId('readout')
    .textContent();
  expect(latency).not.toMatch(/p50 0[ ,]/);
  // Misses by cause for the distributed cache, in the legend's words, with totals.
  const misses = page.getByRole('figure', { name: 'Misses by cause: Distributed cache (misses/s)' });
  await expect(misses.getByRole('list', { name: /key/ })).toContainText('cold miss');
  await expect(misses.getByRole('list', { name: /key/ })).toContainText('capacity miss');
  await expect(page.getByRole('figure', { name: 'Staleness of stale reads (s)' })).toBeVisible();
});
