import type { Page } from '@playwright/test';
import { expect, readNumber, screenshot, setSpeed, simSeconds, test } from './fixtures';

/** The beats of demo 2 (write policies) and their moments, as demos/02-write-policies.md gives them. */
const beats = [
  { title: 'Invalidate on write', atSeconds: 0 },
  { title: 'Write around the cache', atSeconds: 6 },
  { title: 'Write through the cache', atSeconds: 14 },
  { title: 'The handful that remains', atSeconds: 22 },
];

async function openDemo(page: Page, title: RegExp) {
  await page.goto('/');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await page.getByLabel('Demo', { exact: true }).selectOption({ label: await optionLabel(page, title) });
}

async function optionLabel(page: Page, title: RegExp): Promise<string> {
  const labels = await page.getByLabel('Demo', { exact: true }).locator('option').allTextContents();
  const label = labels.find((l) => title.test(l));
  if (!label) throw new Error(`no demo ${title} among ${labels.join(', ')}`);
  return label;
}

/** The caption shows the beat, the run is paused at exactly its moment. */
async function atBeat(page: Page, index: number) {
  const caption = page.getByRole('region', { name: 'Demo' });
  await expect(caption.getByText(`Beat ${index + 1} of ${beats.length}`, { exact: true })).toBeVisible();
  await expect(caption.getByRole('heading', { name: beats[index].title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect.poll(() => simSeconds(page)).toBe(beats[index].atSeconds);
}

test('a demo steps by PageDown beat by beat to its end, pausing at each, and back by PageUp with the same totals', async ({
  page,
}) => {
  await openDemo(page, /Write-through against write-around/);
  await atBeat(page, 0);
  await setSpeed(page, 20);
  // The clicker works whatever has focus: here a button of the controls.
  await page.getByRole('button', { name: 'Step event' }).focus();

  const staleAt: number[] = [];
  for (let i = 1; i < beats.length; i++) {
    await page.keyboard.press('PageDown');
    await atBeat(page, i);
    await expect(page.getByRole('region', { name: 'Demo' }).locator('.caption')).toBeVisible();
    staleAt[i] = await readNumber(page.getByTestId('stale-reads'));
    if (i === 2) {
      await screenshot(page, 'demo-beat-1280');
      // Folded to one line, the caption leaves the totals and charts behind it in view.
      const caption = page.getByRole('region', { name: 'Demo' });
      await caption.getByRole('button', { name: 'Hide caption' }).click();
      await expect(caption.locator('.caption')).toHaveCount(0);
      expect((await caption.boundingBox())!.height).toBeLessThan(80);
      await screenshot(page, 'demo-beat-1280-folded');
      await page.getByRole('button', { name: 'Step event' }).focus();
    }
  }
  // Writing around the cache left stale balances: the caption at beat 3 says so.
  expect(staleAt[2]).toBeGreaterThan(staleAt[1]);

  // At the last beat, Next plays the run to its end.
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => simSeconds(page), { timeout: 60_000 }).toBe(30);

  // Back by PageUp: each beat again, exactly as it began (the worker's seek replays the run).
  for (let i = beats.length - 1; i >= 1; i--) {
    await page.keyboard.press('PageUp');
    await atBeat(page, i);
    expect(await readNumber(page.getByTestId('stale-reads'))).toBe(staleAt[i]);
  }
});

/** The first beat of demo 1's caption, as device pixels: its title and its text. */
async function captionDevicePx(page: Page): Promise<{ title: number; text: number }> {
  await openDemo(page, /TTL: freshness against hit ratio/);
  const caption = page.getByRole('region', { name: 'Demo' });
  await expect(caption.getByText('Beat 1 of 5', { exact: true })).toBeVisible();
  const px = (selector: string) =>
    caption
      .locator(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * devicePixelRatio);
  return { title: await px('h2'), text: await px('.caption p') };
}

test('N and → step the flash-sale demo to its node failure at 1920x1080, paused with the caption shown', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDemo(page, /A flash sale, and a cache node fails/);
  const caption = page.getByRole('region', { name: 'Demo' });
  await expect(caption.getByText('Beat 1 of 6', { exact: true })).toBeVisible();
  await setSpeed(page, 20);
  await page.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('n');
  await expect(caption.getByText('Beat 2 of 6', { exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(caption.getByRole('heading', { name: 'Node 2 fails' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await screenshot(page, 'demo-beat-1920');
  // The caption talks about the totals ("the database's load jumps"): it covers none of them, in the
  // normal view or in presenter view, the page keeping its room at the foot of the window.
  const totals = page.getByRole('region', { name: 'Run totals' });
  for (const view of ['normal', 'presenter']) {
    if (view === 'presenter') await page.getByRole('button', { name: 'Presenter view' }).click();
    await expect(totals.getByText('DB reads')).toBeVisible();
    const [top, bottom] = await Promise.all([caption.boundingBox(), totals.getByText('Leaks').boundingBox()]);
    expect(bottom!.y + bottom!.height, `${view} view`).toBeLessThanOrEqual(top!.y);
  }
  await screenshot(page, 'demo-beat-1920-presenter');
});

test('the caption is at least 32 px (title) and 24 px (text) at 1920x1080, and larger at 150% and 200% zoom', async ({
  browser,
}) => {
  const sizes = [];
  // Browser zoom at 1920x1080: the page sees a smaller viewport at a higher device pixel ratio.
  for (const zoom of [1, 1.5, 2]) {
    const context = await browser.newContext({
      viewport: { width: Math.round(1920 / zoom), height: Math.round(1080 / zoom) },
      deviceScaleFactor: zoom,
    });
    const page = await context.newPage();
    sizes.push(await captionDevicePx(page));
    await context.close();
  }
  expect(sizes[0].title).toBeGreaterThanOrEqual(32);
  expect(sizes[0].text).toBeGreaterThanOrEqual(24);
  for (let i = 1; i < sizes.length; i++) {
    expect(sizes[i].title, `zoom step ${i}`).toBeGreaterThan(sizes[i - 1].title);
    expect(sizes[i].text, `zoom step ${i}`).toBeGreaterThan(sizes[i - 1].text);
  }
});
