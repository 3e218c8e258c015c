import type { Page } from '@playwright/test';
import { expect, openPreset, playUntil, screenshot, setSpeed, simSeconds, test } from './fixtures';

const marks = (page: Page) => page.getByRole('toolbar', { name: 'Marks on the timeline' });
const mark = (page: Page, name: string | RegExp) => marks(page).getByRole('button', { name });
const slider = (page: Page) => page.getByRole('slider', { name: 'Run position' });

/** The headline figures and every tier's counts, as the page shows them. */
async function totals(page: Page): Promise<string[]> {
  const ids = ['total-requests', 'hit-ratio', 'stale-reads', 'db-reads'];
  const figures = await Promise.all(ids.map((id) => page.getByTestId(id).innerText()));
  const tiers = await page.locator('tr[data-testid^="tier-"]').allInnerTexts();
  return [...figures, ...tiers];
}

/** Waits for a seek to land at `seconds` (the playback bar shows milliseconds). */
async function landedAt(page: Page, seconds: number): Promise<void> {
  await expect.poll(() => simSeconds(page)).toBeCloseTo(seconds, 2);
}

/**
 * Opens the flash sale on a failing distributed cache and seeks forward with L (5 s a press): node
 * 2 fails at 5 s, and the run ends up at 15 s.
 */
async function runWithACommand(page: Page): Promise<void> {
  await openPreset(page, 'distributed-failure');
  await page.keyboard.press('l');
  await landedAt(page, 5);
  await page.keyboard.press('2');
  await expect(mark(page, 'Change at 0:05: cache node 2 fails')).toHaveCount(1);
  await page.keyboard.press('l');
  await page.keyboard.press('l');
  await landedAt(page, 15);
}

/** Plays the same run live (at 2x, so that a slow machine stops close to the aim), node 2 failing near 4 s. */
async function playWithACommand(page: Page): Promise<void> {
  await openPreset(page, 'distributed-failure');
  await setSpeed(page, 2);
  await playUntil(page, 4);
  await page.keyboard.press('2');
  await expect(mark(page, /cache node 2 fails/)).toHaveCount(1);
  await playUntil(page, 8);
}

test('the scrubber marks every change, scheduled fault and bookmark, each named', async ({ page }) => {
  await runWithACommand(page);
  await page.keyboard.press('b');
  // distributed-failure schedules node 3 to fail at 25 s and recover at 45 s.
  await expect(mark(page, 'Scheduled fault at 0:25: cache node 3 fails')).toHaveCount(1);
  await expect(mark(page, 'Scheduled fault at 0:45: cache node 3 recovers')).toHaveCount(1);
  await expect(mark(page, 'Change at 0:05: cache node 2 fails')).toHaveCount(1);
  await expect(mark(page, 'Bookmark at 0:15')).toHaveCount(1);
  const at = await simSeconds(page);
  await expect(slider(page)).toHaveAttribute(
    'aria-valuetext',
    `0:${String(Math.floor(at)).padStart(2, '0')} of 1:00`,
  );
  // A mark says its name on hover.
  await mark(page, /cache node 2 fails/).hover();
  await expect(page.locator('.tip', { hasText: 'cache node 2 fails' })).toBeVisible();
  await screenshot(page, 'timeline-1280x720');
});

test('seeking back and forth gives the totals the run had at that moment, and a fresh replay to it', async ({
  page,
  context,
}) => {
  await playWithACommand(page);
  await page.keyboard.press('b');
  const at = await simSeconds(page);
  const live = await totals(page);

  // Back to the start with the slider's Home key, then forward again by the bookmark.
  await slider(page).focus();
  await page.keyboard.press('Home');
  await landedAt(page, 0);
  await expect(page.getByTestId('total-requests')).toHaveText('0');
  // The command after the moment is still the run's future.
  await expect(mark(page, /cache node 2 fails/)).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await landedAt(page, 1);
  await mark(page, /^Bookmark at/).click();
  await landedAt(page, at);
  expect(await totals(page)).toEqual(live);

  // A fresh replay to the same moment, in a new page: the share link.
  await page.getByRole('button', { name: 'Step back event' }).focus();
  await page.locator('details.export summary').click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page).toHaveURL(/#run=/);
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await landedAt(fresh, at);
  expect(await totals(fresh)).toEqual(live);
});

test('dragging the scrubber seeks, and the run plays on into its later commands', async ({ page }) => {
  await runWithACommand(page);
  const box = (await slider(page).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.05, y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => simSeconds(page)).toBeLessThan(4);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^0:0[0-3] of 1:00$/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // The command at 5 s is still the run's future: the Scheduled list shows it coming.
  const scheduled = page.getByTestId('scheduled');
  await expect(scheduled).toContainText('at 5 s, cache node 2 fails');
  // Played on, the run applies the kept command at its time again.
  await setSpeed(page, 2);
  await playUntil(page, 6);
  await expect(scheduled).not.toContainText('cache node 2 fails');
  await expect(mark(page, 'Change at 0:05: cache node 2 fails')).toHaveCount(1);
});

test('a change after seeking back forks the run; Restore the branch brings the later commands back', async ({
  page,
}) => {
  await runWithACommand(page);
  await page.keyboard.press('b');
  const at = await simSeconds(page);
  const live = await totals(page);

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await landedAt(page, at - 15);
  // A change now sets node 2's failure aside as a branch, and says so.
  await page.keyboard.press('d');
  const notice = page.getByRole('status').filter({ hasText: 'set aside as a branch' });
  await expect(notice).toContainText("the run's 1 later change is set aside as a branch");
  await expect(mark(page, /^Set aside at 0:0\d: cache node 2 fails$/)).toHaveCount(1);
  await expect(mark(page, /^Change at 0:0\d: cache node 2 fails$/)).toHaveCount(0);
  await expect(mark(page, /database fails/)).toHaveCount(1);
  await screenshot(page, 'timeline-fork-1280x720');

  await notice.getByRole('button', { name: 'Restore the branch' }).click();
  await landedAt(page, at - 15);
  await expect(mark(page, /^Change at 0:0\d: cache node 2 fails$/)).toHaveCount(1);
  // The fork's own change is the branch now: R brings it back in turn.
  await expect(mark(page, /^Set aside at .*database fails$/)).toHaveCount(1);
  await mark(page, /^Bookmark at/).click();
  await landedAt(page, at);
  expect(await totals(page)).toEqual(live);

  await page.keyboard.press('r');
  await expect(mark(page, /^Change at .*database fails$/)).toHaveCount(1);
  await expect(mark(page, /^Set aside at .*cache node 2 fails$/)).toHaveCount(1);
});

test('a share link opens paused at its moment, with the totals the sender saw and the commands after it', async ({
  page,
  context,
}) => {
  await runWithACommand(page);
  // Back before node 2 failed: the link's moment comes before one of its commands.
  await slider(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await landedAt(page, 3);
  const sent = await totals(page);
  const time = await page.getByTestId('sim-time').innerText();
  await page.locator('details.export summary').click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page).toHaveURL(/#run=/);

  const opened = await context.newPage();
  await opened.goto(page.url());
  await expect(opened.getByTestId('sim-time')).toHaveText(time);
  await expect(opened.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await totals(opened)).toEqual(sent);
  await expect(mark(opened, /^Change at 0:0\d: cache node 2 fails$/)).toHaveCount(1);
  await expect(slider(opened)).toHaveAttribute('aria-valuetext', '0:03 of 1:00');
});
