import type { BrowserContext, Page } from '@playwright/test';
import { presetInputs } from '../../src/engine/scenario/presets';
import {
  expect,
  commitField,
  openPreset,
  pause,
  play,
  playUntil,
  setSpeed,
  simSeconds,
  test,
  tierControls,
} from './fixtures';

/** The address of a share link that opens this run. */
function shareLink(run: { scenario: unknown; commands: unknown[] }): string {
  return `/#run=${Buffer.from(JSON.stringify(run)).toString('base64url')}`;
}

/** A share link of the flash sale (distributed TTL 60 s) whose command log sets the TTL to 5 s at 35.9 s. */
function futureTtlLink(): string {
  return shareLink({
    scenario: presetInputs['flash-sale'],
    commands: [
      {
        atMs: 35_900,
        command: { type: 'tier.configure', tier: 'distributed', changes: { ttl: { seconds: 5 } } },
      },
    ],
  });
}

const distributedTtl = (page: Page) => tierControls(page, 'distributed').getByLabel('TTL (s)');

test('a share link with a future TTL command shows the TTL in effect: 60 at 0:00, 5 after its time', async ({
  page,
}) => {
  await page.goto(futureTtlLink());
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await expect(page.getByTestId('sim-time')).toContainText('0:00.000');
  await expect(distributedTtl(page)).toHaveValue('60');
  await expect(page.getByTestId('scheduled')).toContainText('at 35.9 s, Distributed cache TTL → 5 s');
  await page.screenshot({ path: 'test-results/screenshots/scheduled-banner.png' });

  await setSpeed(page, 100);
  await playUntil(page, 36);
  await expect(distributedTtl(page)).toHaveValue('5');
  await expect(page.getByTestId('scheduled')).toHaveCount(0);
});

test('typing the value a future command will set applies it now', async ({ page }) => {
  await page.goto(futureTtlLink());
  await expect(distributedTtl(page)).toHaveValue('60');
  await commitField(distributedTtl(page), '5');
  // Applied at 0:00: the event log shows the change, and the command at 35.9 s is still to come.
  await expect(page.getByText(/command: distributed: \{"ttl":\{"seconds":5\}\}/)).toBeVisible();
  await expect(distributedTtl(page)).toHaveValue('5');
  await expect(page.getByTestId('scheduled')).toContainText('at 35.9 s');
});

test('a change after the end of the run is refused with a message', async ({ page }) => {
  await openPreset(page);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('finished', { timeout: 60_000 });
  await commitField(distributedTtl(page), '7');
  await expect(page.getByRole('alert')).toContainText('The run has ended');
});

test('Space with a focused button pauses and does not press it', async ({ page }) => {
  await openPreset(page, 'distributed-failure');
  await page.locator('summary', { hasText: 'Faults' }).click();
  await setSpeed(page, 2);
  await play(page);
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(0.3);
  const fail = page.getByRole('button', { name: 'Fail node 1' });
  await fail.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const pausedAt = await simSeconds(page);
  // The node was not failed: no command in the event log, and Space plays again.
  await expect(page.getByText(/command: node\.fail/)).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => simSeconds(page)).toBeGreaterThan(pausedAt);
  await expect(page.getByText(/command: node\.fail/)).toHaveCount(0);
  await pause(page);
  // In a number field Space is typing, not playback.
  const field = page.getByLabel('Slow-down factor');
  await field.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('arrow keys on a closed select browse the options; Enter applies the one chosen, once', async ({
  page,
}) => {
  await openPreset(page);
  const select = page.getByLabel('Write policy');
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  // Chromium moved the closed select's value on each ArrowDown; none of them was applied.
  await expect(select).toHaveValue('write-through');
  await expect(page.getByText(/command: policies/)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/command: policies: \{"write":"write-through"\}/)).toHaveCount(1);
  await expect(page.getByText(/command: policies/)).toHaveCount(1);
  await expect(select).toHaveValue('write-through');
});

test('the speed readout says the speed reached when it falls short of the speed asked', async ({ page }) => {
  // 20,000 requests a second at 1000x asks for 20M simulated requests a second, far more than the
  // model runs; ten minutes of it cannot end while the test looks.
  const flashSale = presetInputs['flash-sale'];
  const workload = { ...flashSale.workload, ratePerSecond: 20_000 };
  await page.goto(shareLink({ scenario: { ...flashSale, durationMs: 600_000, workload }, commands: [] }));
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await setSpeed(page, 1000);
  await play(page);
  await expect(page.getByTestId('speed-readout')).toHaveText(/asked 1000x, reaching \d+(\.\d+)?x/, {
    timeout: 30_000,
  });
  await page.screenshot({ path: 'test-results/screenshots/speed-reached.png' });
  await pause(page);
  await expect(page.getByTestId('speed-readout')).toHaveText('1000x');
});

/** Collects every CSP violation the page or its worker reports, and every console line about one. */
async function watchCsp(context: BrowserContext, page: Page): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(
        `${e.violatedDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  const onConsole = (text: string) => {
    if (/Content Security Policy|Content-Security-Policy|unsafe-eval/i.test(text)) violations.push(text);
  };
  page.on('console', (message) => onConsole(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => onConsole(message.text())));
  return violations;
}

test('the page runs under its strict Content-Security-Policy with no violation', async ({
  page,
  context,
}) => {
  const violations = await watchCsp(context, page);
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("default-src 'self'");
  expect(header).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");
  expect(meta).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);

  await expect(page.getByTestId('total-requests')).toBeVisible();
  await setSpeed(page, 20);
  await playUntil(page, 3);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await expect(page.getByTestId('lesson-step')).toBeVisible();
  await page.locator('summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Summary per tier CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/summary-tiers\.csv$/);
  expect(violations).toEqual([]);
});

test('no request leaves the page, and the app keeps working offline once loaded', async ({
  page,
  context,
}) => {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  await openPreset(page);
  await setSpeed(page, 5);
  await playUntil(page, 1);

  await context.setOffline(true);
  await playUntil(page, 2);
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 3');
  await page.locator('summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Time series CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/timeseries\.csv$/);
  await context.setOffline(false);
  expect(outside).toEqual([]);
});
