import type { Page } from '@playwright/test';
import { expect, openPreset, playUntil, setSpeed, simSeconds, test } from './fixtures';

const mark = (page: Page, name: string | RegExp) =>
  page.getByRole('toolbar', { name: 'Marks on the timeline' }).getByRole('button', { name });
const events = (page: Page) => page.getByRole('list', { name: 'Events, newest first' });

test('every shortcut acts with a button focused, and never presses the button', async ({ page }) => {
  await openPreset(page, 'distributed-failure');
  const runToEnd = page.getByRole('button', { name: 'Run to end' });
  await runToEnd.focus();
  const speed = page.getByTestId('speed-readout');

  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // Speed: twice, then half.
  const before = (await speed.textContent())?.trim();
  await page.keyboard.press('+');
  await expect(speed).not.toHaveText(before ?? '');
  await page.keyboard.press('-');
  await expect(speed).toHaveText(before ?? '');

  // Step forward and back by events and requests.
  // One request can complete within the clock's millisecond (it read 0:00.150 before and after in CI),
  // so the step shows in the event log: its newest rows are the step's events.
  const newest = async () =>
    (await events(page).getByRole('listitem').allTextContents()).slice(0, 3).join(' | ');
  const t0 = await simSeconds(page);
  const rows0 = await newest();
  await page.keyboard.press('>');
  await expect.poll(newest).not.toBe(rows0);
  const t1 = await simSeconds(page);
  expect(t1).toBeGreaterThanOrEqual(t0);
  // The step did not press the focused Run to end.
  expect(t1).toBeLessThan(5);
  await page.keyboard.press('.');
  await expect.poll(() => simSeconds(page)).toBeGreaterThanOrEqual(t1);
  await page.keyboard.press('<');
  await expect.poll(() => simSeconds(page)).toBeLessThan(t1 + 0.0005);
  await page.keyboard.press(',');
  await expect.poll(() => simSeconds(page)).toBeLessThanOrEqual(t1);

  // Faults: node 1, the database, a spike, a purge; each leaves its command on the timeline.
  await page.keyboard.press('1');
  await expect(mark(page, /cache node 1 fails/)).toHaveCount(1);
  await expect(page.getByText('command: node.fail')).toHaveCount(1);
  await page.keyboard.press('d');
  await expect(mark(page, /database fails/)).toHaveCount(1);
  await page.keyboard.press('s');
  await expect(mark(page, /traffic ×5 for 10 s/)).toHaveCount(1);
  await page.keyboard.press('x');
  await expect(mark(page, /purge everything from every tier/)).toHaveCount(1);

  // Seek: play on, bookmark, back 5 s and forward again.
  await runToEnd.focus();
  await page.keyboard.press('k');
  await expect.poll(() => simSeconds(page), { timeout: 30_000 }).toBeGreaterThan(7);
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const at = await simSeconds(page);
  await page.keyboard.press('b');
  await expect(mark(page, /^Bookmark at/)).toHaveCount(1);
  await page.keyboard.press('j');
  await expect.poll(() => simSeconds(page)).toBeCloseTo(at - 5, 2);
  await page.keyboard.press('l');
  await expect.poll(() => simSeconds(page)).toBeCloseTo(at, 2);

  // A node recovers on a second press of its digit (the topology shows it down, then up).
  await page.keyboard.press('1');
  await expect(page.getByText('command: node.recover')).toHaveCount(1);

  // None of it pressed the focused button: the run never ran to its end.
  await expect(runToEnd).toBeFocused();
  await expect(page.getByTestId('sim-time')).not.toContainText('running to end');
  await expect(page.getByTestId('sim-time')).not.toContainText('finished');
});

test('? lists every shortcut in a dialog; Esc closes it and the focus goes back', async ({ page }) => {
  await openPreset(page);
  const step = page.getByRole('button', { name: 'Step event' });
  await step.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const label of [
    'Play or pause',
    'Step one event',
    'Step one request',
    'Step back one event',
    'Step back one request',
    'Slower (half the speed)',
    'Faster (twice the speed)',
    'Seek back 5 s',
    'Seek forward 5 s',
    'Bookmark this moment',
    'Restore the branch a change set aside',
    'Fail or recover cache node N',
    'Fail or recover the database',
    'Traffic spike (as set in Faults)',
    'Purge everything from every tier',
    'Presenter view on or off',
    'Show or hide these shortcuts',
    'Leave a text field, so the next key is a shortcut',
    // The demo player's, listed beside the table's.
    'Next beat of the demo: play to its moment and pause',
    'Previous beat of the demo, exactly as it began',
  ]) {
    await expect(dialog.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
  }
  await expect(dialog.getByRole('rowheader')).toHaveCount(20);
  // Shortcuts wait while the dialog is open.
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(step).toBeFocused();
});

test('in a text field keys type; Esc leaves the field and the next key is a shortcut', async ({ page }) => {
  await openPreset(page);
  await page.locator('summary', { hasText: 'Purge' }).click();
  const key = page.getByRole('textbox', { name: 'Key' });
  await key.click();
  await page.keyboard.type('jkl1');
  await expect(key).toHaveValue('jkl1');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(key).not.toBeFocused();
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('keys and buttons make the same command log and the same event log', async ({ page, context }) => {
  const byButtons = page;
  await openPreset(byButtons, 'distributed-failure');
  await byButtons.locator('summary', { hasText: 'Faults' }).click();
  await byButtons.getByRole('button', { name: 'Fail node 1' }).click();
  await byButtons.getByRole('button', { name: 'Fail database' }).click();
  await byButtons.getByRole('button', { name: 'Traffic spike' }).click();
  for (let i = 0; i < 40; i++) await byButtons.getByRole('button', { name: 'Step event' }).click();
  await byButtons.getByRole('button', { name: 'Recover database' }).click();
  for (let i = 0; i < 3; i++) await byButtons.getByRole('button', { name: 'Step request' }).click();

  const byKeys = await context.newPage();
  await openPreset(byKeys, 'distributed-failure');
  await byKeys.locator('body').press('1');
  await byKeys.keyboard.press('d');
  await byKeys.keyboard.press('s');
  for (let i = 0; i < 40; i++) await byKeys.keyboard.press('.');
  await byKeys.keyboard.press('d');
  for (let i = 0; i < 3; i++) await byKeys.keyboard.press('>');

  await expect(byKeys.getByTestId('sim-time')).toHaveText(
    (await byButtons.getByTestId('sim-time').textContent()) ?? '',
  );
  const marks = (p: Page) =>
    p.getByRole('toolbar', { name: 'Marks on the timeline' }).getByRole('button').allTextContents();
  expect(await marks(byKeys)).toEqual(await marks(byButtons));
  expect(await marks(byKeys)).toHaveLength(4);
  expect(await events(byKeys).innerText()).toBe(await events(byButtons).innerText());
  expect(await byKeys.getByTestId('total-requests').textContent()).toBe(
    await byButtons.getByTestId('total-requests').textContent(),
  );
});

test('a shortcut held on a seek key moves on from where the last seek is going', async ({ page }) => {
  await openPreset(page, 'distributed-failure');
  await setSpeed(page, 10);
  await playUntil(page, 20);
  const at = await simSeconds(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  await expect.poll(() => simSeconds(page)).toBeCloseTo(at - 15, 2);
});

test('P turns presenter view on and off whatever has focus, as its button does', async ({ page }) => {
  await openPreset(page);
  const toggle = page.getByRole('button', { name: 'Presenter view' });
  await page.getByRole('button', { name: 'Run to end' }).focus();
  await page.keyboard.press('p');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('toolbar', { name: 'Presenter controls' })).toBeVisible();
  expect(new URL(page.url()).searchParams.has('present')).toBe(true);
  // The focused button was not pressed: the run did not fast-forward.
  await expect(page.getByRole('button', { name: 'Run to end' })).toBeEnabled();
  await page.keyboard.press('p');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('toolbar', { name: 'Presenter controls' })).toHaveCount(0);
});
