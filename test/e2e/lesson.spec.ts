import { expect, play, screenshot, setSpeed, simSeconds, test, tierControls } from './fixtures';
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

  // Step 1: predict, then watch the cache warm up; the answer comes once the run has shown it.
  await page.getByRole('button', { name: 'Well over 80%' }).click();
  await expect(page.getByText('You predicted: Well over 80%')).toBeVisible();
  await expect(page.getByText(/Right\. Each item misses once/)).toHaveCount(0);
  await expect(page.getByTestId('goal-check')).toHaveAttribute('data-met', 'false');
  await expect(next).toBeDisabled();
  await setSpeed(page, 5);
  await play(page);
  await goalTicks(page);
  await expect(page.getByText(/Right\. Each item misses once/)).toBeVisible();
  await expect(page.getByText(/measured: \d+(\.\d)?% tier hit ratio/)).toBeVisible();
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

  // Progress survives a reload: the lesson reopens as the sandbox it was, and the list says it is done.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Sandbox' })).toBeVisible();
  await page.getByRole('button', { name: '← All lessons' }).click();
  await expect(page.getByTestId('lesson-status-01-hits-and-misses')).toHaveText('Done');
  await expect(page.getByTestId('lesson-status-02-ttl-freshness')).toHaveText('Not started');
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await expect(page.getByRole('region', { name: 'Sandbox' })).toBeVisible();
});

test('a reload mid-step resumes the lesson at the same moment, with the same totals and settings', async ({
  page,
}) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  await setSpeed(page, 5);
  await play(page);
  await goalTicks(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3');
  // Mid-step: the cache turned off, the run played on a little and paused.
  await page.getByRole('button', { name: 'Show me' }).click();
  const started = await simSeconds(page);
  await expect.poll(() => simSeconds(page), { timeout: 60_000 }).toBeGreaterThan(started + 1);
  // The run pauses by itself when the goal is met (maybe between the check and the click); else the
  // student pauses it.
  const pauseButton = page.getByRole('button', { name: 'Pause' });
  if (await pauseButton.isVisible()) {
    await pauseButton.dispatchEvent('click', undefined, { timeout: 1_000 }).catch(() => undefined);
  }
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const time = (await page.getByTestId('sim-time').textContent())!;
  const requests = (await page.getByTestId('total-requests').textContent())!;

  await page.reload();
  // The lesson reopens by itself, in the same step, at the same simulated moment.
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3');
  await expect(page.getByTestId('sim-time')).toHaveText(time, { timeout: 30_000 });
  await expect(page.getByTestId('total-requests')).toHaveText(requests);
  await expect(
    tierControls(page, 'distributed').getByRole('checkbox', { name: 'Distributed cache' }),
  ).not.toBeChecked();
  await screenshot(page, 'lesson-panel-step-2-after-reload');
  await page.getByRole('button', { name: '← All lessons' }).click();
  await expect(page.getByTestId('lesson-status-01-hits-and-misses')).toHaveText('1 of 3 steps');
});

test("lesson 2 played to its last step, then Back twice, shows the clock, totals and settings of step 1's start", async ({
  page,
}) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /2\. TTL/ }).click();
  const step = page.getByTestId('lesson-step');
  const time = page.getByTestId('sim-time');
  const requests = page.getByTestId('total-requests');
  const ttl = tierControls(page, 'distributed').getByLabel('TTL (s)');
  await expect(step).toHaveText('Step 1 of 3');
  const startTime = (await time.textContent())!;
  const startRequests = (await requests.textContent())!;
  const writePolicy = page.getByLabel('Write policy');
  const startTtl = await ttl.inputValue();
  const startWrite = await writePolicy.inputValue();
  await setSpeed(page, 10);
  await play(page);
  await goalTicks(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(step).toHaveText('Step 2 of 3');
  const step2Time = (await time.textContent())!;
  const step2Requests = (await requests.textContent())!;
  await page.getByRole('button', { name: 'Show me' }).click();
  await goalTicks(page);
  await expect(ttl).toHaveValue('1');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(step).toHaveText('Step 3 of 3');
  await page.getByRole('button', { name: 'Show me' }).click();
  await goalTicks(page);
  await expect(writePolicy).not.toHaveValue(startWrite);

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(step).toHaveText('Step 2 of 3');
  await expect(time).toHaveText(step2Time);
  await expect(requests).toHaveText(step2Requests);
  await expect(ttl).toHaveValue(startTtl);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(step).toHaveText('Step 1 of 3');
  await expect(time).toHaveText(startTime);
  await expect(requests).toHaveText(startRequests);
  await expect(ttl).toHaveValue(startTtl);
  await expect(writePolicy).toHaveValue(startWrite);
  await expect(page.getByText(/Goal reached/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
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

test('Next after the run has reached its end goes on from the moment the goal was met, and can still be done', async ({
  page,
}) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /1\. Hits, misses and latency/ }).click();
  // The student plays until the goal ticks (the app pauses there), then runs the whole run: nothing is
  // left for step 2 from the end, so Next must go back to where the goal was met. (Run to end from the
  // start would not do: the goal is judged on the frames fast-forwarding sends, and how many arrive
  // depends on the machine's speed; with too few, Next rightly falls back to a fresh run.)
  await page.getByRole('button', { name: 'Well over 80%' }).click();
  await setSpeed(page, 10);
  await play(page);
  await goalTicks(page);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-time')).toContainText('0:30.000', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 3');
  // The rewind replays from 0:00, so the clock may read 0 on its way to the goal's moment: wait for
  // where it lands, which must be inside the run, not at its start.
  await expect
    .poll(async () => {
      const seconds = await simSeconds(page);
      return seconds > 0 && seconds < 25;
    })
    .toBe(true);
  await expect(page.getByText(/fresh run/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show me' }).click();
  await goalTicks(page);
  await screenshot(page, 'lesson-next-after-end');
});

test('a step names its control, and Take me there opens its section and focuses it', async ({ page }) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /2\. TTL/ }).click();
  await setSpeed(page, 10);
  await play(page);
  await goalTicks(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('step-control')).toHaveText('Distributed cache, TTL');
  await page.getByRole('button', { name: 'Take me there' }).click();
  await expect(tierControls(page, 'distributed').getByLabel('TTL (s)')).toBeFocused();
});

test("a prediction hides the goal's numbers until answered, and tells the answer after the run shows it", async ({
  page,
}) => {
  await openLessonPanel(page);
  await page.getByRole('button', { name: /2\. TTL/ }).click();
  const goal = page.getByRole('region', { name: 'Goal' });
  await expect(goal).toContainText('Shown once you have answered the prediction');
  await expect(goal).not.toContainText(/\d/);
  await screenshot(page, 'lesson-prediction-before');
  await page.getByRole('button', { name: 'They keep getting the old price until its copy expires' }).click();
  await expect(goal).toContainText('At least 100 stale reads');
  await expect(
    page.getByText('You predicted: They keep getting the old price until its copy expires'),
  ).toBeVisible();
  await expect(page.getByText(/^Right\./)).toHaveCount(0);
  await screenshot(page, 'lesson-prediction-answered');
  await setSpeed(page, 10);
  await play(page);
  await goalTicks(page);
  await expect(page.getByText(/measured: [\d,]+ stale reads/)).toBeVisible();
  await expect(page.getByText(/Right\./)).toBeVisible();
  await screenshot(page, 'lesson-prediction-observed');
});

test('a first visit offers lesson 1, which starts at a click and is not offered again', async ({ page }) => {
  await page.goto('/');
  const offer = page.getByRole('region', { name: 'Start here' });
  await expect(offer).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await offer.getByRole('button', { name: 'Start lesson 1' }).click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 3');
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 3');
  await expect(page.getByRole('region', { name: 'Start here' })).toHaveCount(0);
});

test("a first visit's offer of lesson 1, turned down, stays away after a reload", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Start here' }).getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('region', { name: 'Start here' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('total-requests')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Start here' })).toHaveCount(0);
});
