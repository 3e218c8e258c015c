import { expect, play, screenshot, setSpeed, simSeconds, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Opens the lesson panel beside the simulator. */
async function openLessonPanel(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible();
}

/** Waits until every check of the step's goal has ticked itself. */
async function goalTicks(page: Page) {
  const checks = page.getByTestId('goal-check');
  await expect(checks.first()).toBeVisible();
  const count = await checks.count();
  for (let i = 0; i < count; i++) {
    await expect(checks.nth(i)).toHaveAttribute('data-met', 'true', { timeout: 60_000 });
  }
}

test('a student completes lesson 1 by clicking, sees each goal tick, and finds the progress kept after a reload', async ({
  page,
}) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  const step = page.getByTestId('lesson-step');
  const next = page.getByRole('button', { name: 'Next' });
  await expect(step).toHaveText('Step 1 of 3');
  await expect(page.getByTestId('sim-time')).toContainText('0:00.000');

  // Step 1: predict, then watch the cache warm up.
  await page.getByRole('button', { name: 'Well over 80%' }).click();
  await expect(page.getByText(/Right\. Each item misses once/)).toBeVisible();
  await expect(page.getByTestId('goal-check')).toHaveAttribute('data-met', 'false');
  await expect(next).toBeDisabled();
  await setSpeed(page, 5);
  await play(page);
  await goalTicks(page);
  await screenshot(page, 'lesson-1-step-1-met');
  await next.click();

  // Step 2: the student turns the cache off with "show me"; the checklist starts unticked.
  await expect(step).toHaveText('Step 2 of 3');
  await expect(page.getByTestId('goal-check').first()).toHaveAttribute('data-met', 'false');
  await page.getByRole('button', { name: 'It goes up several-fold, to every read' }).click();
  await page.getByRole('button', { name: 'Show me' }).click();
  await goalTicks(page);
  await next.click();

  // Step 3: back on; the goal waits for the cache to warm again.
  await expect(step).toHaveText('Step 3 of 3');
  await page.getByRole('button', { name: 'Show me' }).click();
  await goalTicks(page);
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('region', { name: 'Sandbox' })).toBeVisible();
  await screenshot(page, 'lesson-1-sandbox');

  // Progress survives a reload: the lesson is done, and opens as a sandbox.
  await page.reload();
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(page.getByTestId('lesson-status-01-hits-and-misses')).toHaveText('Done');
  await expect(page.getByTestId('lesson-status-02-ttl-freshness')).toHaveText('Not started');
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await expect(page.getByRole('region', { name: 'Sandbox' })).toBeVisible();
});

test('a lesson step half done is where the student left it after a reload', async ({ page }) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await setSpeed(page, 5);
  await play(page);
  await goalTicks(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3');
  await page.reload();
  await page.getByRole('button', { name: 'Lesson', exact: true }).click();
  await expect(page.getByTestId('lesson-status-01-hits-and-misses')).toHaveText('1 of 3 steps');
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3');
  await screenshot(page, 'lesson-panel-step-2');
});

test('reset step puts the simulation back where the step began, paused, and show me works again', async ({
  page,
}) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await setSpeed(page, 5);
  await play(page);
  await goalTicks(page);
  // The run pauses by itself the moment the goal is met, so the student can read before going on.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const time = page.getByTestId('sim-time');
  const requests = page.getByTestId('total-requests');
  const startTime = (await time.textContent())!;
  const startRequests = (await requests.textContent())!;
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3');
  const startSeconds = await simSeconds(page);

  // Show me turns the cache off and plays; the run goes on past the step's start.
  await page.getByRole('button', { name: 'Show me' }).click();
  await expect.poll(() => simSeconds(page), { timeout: 60_000 }).toBeGreaterThan(startSeconds + 2);

  await page.getByRole('button', { name: 'Reset step' }).click();
  await expect(time).toHaveText(startTime);
  await expect(requests).toHaveText(startRequests);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('goal-check').first()).toHaveAttribute('data-met', 'false');
  // The cache is on again, as it was: show me can turn it off once more and meet the goal.
  await expect(page.getByRole('button', { name: 'Show me' })).toBeEnabled();
  await page.getByRole('button', { name: 'Show me' }).click();
  await goalTicks(page);
});

test('a step after the run has reached its end begins on a fresh run, says so, and can still be done', async ({
  page,
}) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  // The student runs the whole run in step 1: nothing is left for step 2.
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('0:30.000', { timeout: 60_000 });
  await goalTicks(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3');
  await expect(page.getByText(/this step needs about 5 s, so it starts on a fresh run from 0:00/)).toBeVisible();
  await expect(page.getByTestId('sim-time')).toContainText('0:00.000');
  await page.getByRole('button', { name: 'Show me' }).click();
  await goalTicks(page);
  await screenshot(page, 'lesson-fresh-run');
});
