import { AxeBuilder } from '@axe-core/playwright';
import {
  copyShareLink,
  expect,
  openPreset,
  play,
  playUntil,
  screenshot,
  setSpeed,
  simSeconds,
  test,
} from './fixtures';

test('an axe scan of the running app finds no violations', async ({ page }) => {
  await openPreset(page);
  await setSpeed(page, 5);
  await playUntil(page, 3);
  await page.locator('summary', { hasText: 'Faults' }).click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
});

test('reloading the page starts a fresh run that plays', async ({ page }) => {
  await openPreset(page);
  await setSpeed(page, 5);
  await playUntil(page, 2);
  await page.reload();
  await expect(page.getByTestId('sim-time')).toContainText('0:00.000');
  await play(page);
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(0.5);
  await screenshot(page, 'after-reload');
});

test('a share link restores the run with its changes, and a damaged one says so and keeps a run going', async ({
  page,
  context,
}) => {
  await openPreset(page, 'write-policies');
  await page.getByLabel('Write policy').selectOption('write-through');
  const url = await copyShareLink(page, context);
  expect(url).toContain('#run=');

  const restored = await context.newPage();
  await restored.goto(url);
  await expect(restored.getByLabel('Write policy')).toHaveValue('write-through');
  await expect(restored.getByTestId('total-requests')).toBeVisible();
  await restored.close();

  await page.goto('/#run=not-a-run!');
  await expect(page.getByRole('alert')).toContainText('The share link is damaged');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await screenshot(page, 'damaged-share-link');
});

test('a bad value in a control is explained beside it and the run goes on', async ({ page }) => {
  await openPreset(page);
  const ttl = page.locator('fieldset[data-tier="distributed"]').getByLabel('TTL (s)');
  await ttl.fill('-5');
  await ttl.press('Enter');
  await expect(page.getByText('TTL must be at least 0')).toBeVisible();
  await expect(ttl).toHaveValue('-5');
  await play(page);
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(0.2);
  await screenshot(page, 'bad-control-value');
});

test('with reduced motion the topology shows flow counts instead of dots', async ({ browser }) => {
  const context = await browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 720 },
  });
  const page = await context.newPage();
  await openPreset(page);
  await play(page);
  await expect(page.getByText(/shown as counts per connection/)).toBeAttached();
  await screenshot(page, 'reduced-motion');
  await context.close();
});

test('at high speed the topology shows flows as counts per connection, and dots again at 1x', async ({
  page,
}) => {
  await openPreset(page);
  await play(page);
  await setSpeed(page, 100);
  await expect(page.getByText(/shown as counts per connection/)).toBeAttached();
  await screenshot(page, 'high-speed-flows');
  await setSpeed(page, 1);
  await expect(page.getByText(/shown as counts per connection/)).not.toBeAttached();
});
