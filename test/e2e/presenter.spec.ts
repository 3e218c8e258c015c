import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { copyShareLink, expect, openPreset, playUntil, screenshot, setSpeed, test } from './fixtures';

const presenterButton = (page: Page) => page.getByRole('button', { name: 'Presenter view' });

/** The sizes a room reads, in CSS px: node labels (font size times the drawing's scale), headline numbers, chart text. */
async function readableSizes(page: Page): Promise<{ label: number; figure: number; chart: number }> {
  return page.evaluate(() => {
    const smallest = (texts: Iterable<Element>, svgScale: boolean) => {
      let px = Infinity;
      for (const el of texts) {
        if (el.getClientRects().length === 0) continue;
        const scale = svgScale ? ((el as SVGTextElement).getScreenCTM()?.a ?? 1) : 1;
        px = Math.min(px, parseFloat(getComputedStyle(el).fontSize) * scale);
      }
      return px;
    };
    return {
      label: smallest(document.querySelectorAll('[aria-label="System topology"] text.label'), true),
      figure: smallest(document.querySelectorAll('[aria-label="Run totals"] dd'), false),
      chart: smallest(document.querySelectorAll('[aria-label="Live charts"] .axis text'), true),
    };
  });
}

/** The page and its centre column need no scrolling: what the room must see is on screen. */
async function overflowPx(page: Page): Promise<{ page: number; simulation: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const centre = document.getElementById('simulation')!;
    return {
      page: root.scrollHeight - root.clientHeight,
      simulation: centre.scrollHeight - centre.clientHeight,
    };
  });
}

/**
 * Browser zoom as Chromium does it: the page is laid out in a viewport `zoom` times narrower, in CSS
 * px, and drawn `zoom` device px per CSS px. So 1920×1080 at 150% is 1280×720 CSS px at scale 1.5.
 */
async function sizesAtZoom(browser: Browser, zoom: number, presenting: boolean) {
  const context = await browser.newContext({
    viewport: { width: Math.round(1920 / zoom), height: Math.round(1080 / zoom) },
    deviceScaleFactor: zoom,
  });
  const page = await context.newPage();
  await page.goto(presenting ? '/?present' : '/');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', String(presenting));
  const css = await readableSizes(page);
  await context.close();
  // Device px: what the projector shows.
  return { label: css.label * zoom, figure: css.figure * zoom, chart: css.chart * zoom };
}

test('the Presenter view button turns the view on and off, and the address keeps it over a reload', async ({
  page,
}) => {
  await openPreset(page);
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('region', { name: 'Controls' })).toBeVisible();

  await presenterButton(page).click();
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');
  expect(new URL(page.url()).searchParams.has('present')).toBe(true);
  // The editing panels fold away; the faults stay one press away in the strip.
  await expect(page.getByRole('region', { name: 'Controls' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Caches and events' })).toBeHidden();
  const strip = page.getByRole('toolbar', { name: 'Presenter controls' });
  await expect(strip.getByRole('button', { name: 'Fail node 1' })).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');

  await presenterButton(page).click();
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'false');
  expect(new URL(page.url()).searchParams.has('present')).toBe(false);
  await expect(page.getByRole('region', { name: 'Controls' })).toBeVisible();
  await expect(strip).toBeHidden();
});

for (const query of ['?present', '?present=1']) {
  test(`${query} in the address opens presenter view`, async ({ page }) => {
    await page.goto(`/${query}`);
    await expect(page.getByTestId('total-requests')).toBeVisible();
    await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('region', { name: 'Controls' })).toBeHidden();
  });
}

test('turning presenter view on keeps the share link in the address, and the link still opens its run', async ({
  page,
  context,
}) => {
  await openPreset(page, 'write-policies');
  await page.getByLabel('Write policy').selectOption('write-through');
  const hash = new URL(await copyShareLink(page, context)).hash;
  expect(hash).toContain('#run=');

  await presenterButton(page).click();
  expect(new URL(page.url()).hash).toBe(hash);
  await page.reload();
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');
  // The run is the link's: its write policy, seen in the folded-away controls.
  await page.getByRole('button', { name: 'All controls' }).click();
  await expect(page.getByLabel('Write policy')).toHaveValue('write-through');
});

test('at 1920×1080 in presenter view node labels are at least 18 px and headline numbers at least 28 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?present');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  const sizes = await readableSizes(page);
  expect(sizes.label, 'smallest node label').toBeGreaterThanOrEqual(18);
  expect(sizes.figure, 'smallest headline number').toBeGreaterThanOrEqual(28);
  expect(sizes.chart, 'smallest chart text').toBeGreaterThanOrEqual(16);
});

for (const presenting of [false, true]) {
  test(`browser zoom of 150% and 200% makes ${presenting ? 'presenter' : 'the normal'} view larger, never smaller`, async ({
    browser,
  }) => {
    const at100 = await sizesAtZoom(browser, 1, presenting);
    for (const zoom of [1.5, 2]) {
      const zoomed = await sizesAtZoom(browser, zoom, presenting);
      for (const what of ['label', 'figure', 'chart'] as const) {
        expect(
          zoomed[what],
          `${what} at ${zoom * 100}% (device px) vs 100% (${at100[what]})`,
        ).toBeGreaterThan(at100[what]);
      }
    }
  });
}

for (const { width, height } of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`at ${width}×${height} presenter view shows the topology, the numbers and the charts of the moment without scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?present');
    await expect(page.getByTestId('total-requests')).toBeVisible();
    await page.getByLabel('Preset').selectOption('distributed-failure');
    await expect(page.getByTestId('total-requests')).toHaveText('0');
    await setSpeed(page, 5);
    await playUntil(page, 4);
    // A node fails from the strip, while paused: the distributed cache is the tier in focus, its
    // misses in view.
    await page
      .getByRole('toolbar', { name: 'Presenter controls' })
      .getByRole('button', { name: 'Fail node 1' })
      .click();
    const charts = page.getByRole('region', { name: 'Live charts' }).locator('figure');
    await expect(charts).toHaveCount(3);
    expect(await charts.evaluateAll((all) => all.map((f) => f.getAttribute('data-chart')))).toEqual([
      'hit-ratio',
      'db-queries',
      'misses-distributed',
    ]);
    expect(await overflowPx(page)).toEqual({ page: 0, simulation: 0 });
    for (const locator of [
      page.getByRole('group', { name: 'System topology' }),
      page.getByRole('region', { name: 'Run totals' }),
      ...(await charts.all()),
    ]) {
      await expect(locator).toBeInViewport({ ratio: 1 });
    }
    await screenshot(page, `presenter-${width}`);
    // At the end of the run the figures and the charts' totals are at their widest: still no scroll.
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 60_000 });
    expect(await overflowPx(page)).toEqual({ page: 0, simulation: 0 });
  });
}

test('in presenter view the folded panels open on demand, one at a time, over the topology', async ({
  page,
}) => {
  await page.goto('/?present');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  const strip = page.getByRole('toolbar', { name: 'Presenter controls' });
  await strip.getByRole('button', { name: 'All controls' }).click();
  await expect(strip.getByRole('button', { name: 'All controls' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('region', { name: 'Controls' })).toBeVisible();
  // One set of fault buttons at a time: the panel's.
  await expect(strip.getByRole('button', { name: 'Fail node 1' })).toHaveCount(0);
  await page.getByRole('region', { name: 'Controls' }).locator('summary', { hasText: 'Faults' }).click();
  await expect(page.getByRole('button', { name: 'Fail node 1' })).toHaveCount(1);
  await strip.getByRole('button', { name: 'Caches and events' }).click();
  await expect(page.getByRole('region', { name: 'Controls' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Caches and events' })).toBeVisible();
  await strip.getByRole('button', { name: 'Caches and events' }).click();
  await expect(page.getByRole('region', { name: 'Caches and events' })).toBeHidden();
});

test('an axe scan of presenter view, running, finds no violations', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?present');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await setSpeed(page, 5);
  await playUntil(page, 3);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target).join(' ')}`),
  ).toEqual([]);
});

test('the first Tab reaches the skip links, which move the focus past the header without changing the address', async ({
  page,
}) => {
  await openPreset(page);
  const before = page.url();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to caches and events' });
  await expect(page.getByRole('link', { name: 'Skip to the simulation' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Skip to the simulation' })).toBeInViewport();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Caches and events' })).toBeFocused();
  expect(page.url()).toBe(before);
});

test('the event log is one tab stop, and the arrows move between its rows', async ({ page }) => {
  await openPreset(page);
  await setSpeed(page, 2);
  await playUntil(page, 2);
  const rows = page.getByRole('list', { name: 'Events, newest first' }).getByRole('button');
  expect(await rows.count()).toBeGreaterThan(10);
  await page.getByRole('searchbox', { name: 'Key' }).focus();
  await page.keyboard.press('Tab');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.last()).toBeFocused();
  // One Tab leaves the list, whichever row had the focus.
  await page.keyboard.press('Tab');
  expect(await rows.evaluateAll((all) => all.includes(document.activeElement as HTMLButtonElement))).toBe(
    false,
  );
  await page.keyboard.press('Shift+Tab');
  await expect(rows.last()).toBeFocused();
});
