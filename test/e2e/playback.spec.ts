import {
  commitField,
  expect,
  openPreset,
  pause,
  play,
  playUntil,
  readNumber,
  screenshot,
  setSpeed,
  simSeconds,
  test,
  tierControls,
} from './fixtures';

test('pressing play runs the simulation and the hit ratio rises as the cache warms', async ({ page }) => {
  await openPreset(page);
  await expect(page.getByTestId('sim-time')).toContainText('0:00.000');
  await setSpeed(page, 5);
  await playUntil(page, 2);
  const early = await readNumber(page.getByTestId('hit-ratio'));
  await playUntil(page, 20);
  const later = await readNumber(page.getByTestId('hit-ratio'));
  expect(await readNumber(page.getByTestId('total-requests'))).toBeGreaterThan(500);
  expect(later).toBeGreaterThan(early);
  await screenshot(page, 'playing-warm-cache');
});

test('stepping one request while paused moves simulated time forward a little', async ({ page }) => {
  await openPreset(page);
  await page.getByRole('button', { name: 'Step request' }).click();
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(0);
  expect(await simSeconds(page)).toBeLessThan(1);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('a TTL of 0 on the distributed cache makes its hit ratio fall', async ({ page }) => {
  await openPreset(page, 'ttl-freshness');
  await setSpeed(page, 10);
  await playUntil(page, 15);
  const ratio = page.getByTestId('tier-distributed-ratio');
  const before = await readNumber(ratio);
  expect(before).toBeGreaterThan(0.3);
  await commitField(tierControls(page, 'distributed').getByLabel('TTL (s)'), '0');
  // To the end, not to a moment caught by polling the clock: the run's totals then depend only on
  // when the TTL changed, not on how busy the machine was while it played on.
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 60_000 });
  const after = await readNumber(ratio);
  expect(after).toBeLessThan(before * 0.8);
  await screenshot(page, 'ttl-zero');
});

test('write-around with a long TTL and a delayed invalidation serves stale reads', async ({ page }) => {
  await openPreset(page, 'write-policies');
  await page.getByLabel('Write policy').selectOption('write-around');
  const local = tierControls(page, 'local');
  await local.getByRole('checkbox').check();
  await commitField(local.getByLabel('TTL (s)'), '3600');
  await commitField(tierControls(page, 'distributed').getByLabel('TTL (s)'), '3600');
  await page.getByLabel('Invalidation bus').check();
  await commitField(page.getByLabel('Invalidation delay (ms)'), '5000');
  await setSpeed(page, 10);
  await playUntil(page, 30);
  expect(await readNumber(page.getByTestId('stale-reads'))).toBeGreaterThan(0);
  await screenshot(page, 'stale-reads');
});

test('failing a cache node makes misses spike', async ({ page }) => {
  // The write-back preset fails node 0 by itself at 30 s: this test does it earlier, by hand.
  await openPreset(page, 'write-back');
  const misses = page.getByTestId('tier-distributed-misses');
  await setSpeed(page, 2);
  await playUntil(page, 6);
  const [m0, t0] = [await readNumber(misses), await simSeconds(page)];
  await playUntil(page, 11);
  const [m1, t1] = [await readNumber(misses), await simSeconds(page)];
  const before = (m1 - m0) / (t1 - t0);
  await page.locator('summary', { hasText: 'Faults' }).click();
  await page.getByRole('button', { name: 'Fail node 1' }).click();
  await playUntil(page, 14);
  const [m2, t2] = [await readNumber(misses), await simSeconds(page)];
  expect(t2).toBeLessThan(30);
  const after = (m2 - m1) / (t2 - t1);
  expect(after).toBeGreaterThan(before * 3);
  await expect(page.getByRole('button', { name: /Cache node 1, down/ })).toBeVisible();
  await screenshot(page, 'node-failed');
});

test('run to end finishes the run, and reset starts over at 0', async ({ page }) => {
  await openPreset(page);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 60_000 });
  expect(await simSeconds(page)).toBe(60);
  await screenshot(page, 'finished');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('0:00.000');
  await play(page);
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(0);
  await pause(page);
});
