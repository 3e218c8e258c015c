import type { Browser, Page } from '@playwright/test';
import { benchSweepPath, benchSweepPreset, benchSweepValues } from './benchSweepValues';

/** How long the bench waits in the dialog before running, as a person picks a setting and its values. */
export const pickingMs = 3000;

export interface AppSweepTiming {
  /** From the click on "Run the sweep" to its 5 charts in the page, in ms. */
  wallMs: number;
  /** Main-thread tasks over 50 ms meanwhile (PerformanceObserver 'longtask'), in ms. */
  longTasksMs: number[];
}

/**
 * Page code (as text: tsx would wrap a function in helpers the page lacks) that starts the clock at the
 * click on "Run the sweep", watches long tasks, and resolves when all 5 charts (reads from cache, tier hit ratio,
 * stale reads, DB queries, p95) are in the dialog.
 */
const sweepProbe = `new Promise((resolve, reject) => {
  const dialog = [...document.querySelectorAll('dialog')].find((d) => d.open);
  const button = [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run the sweep');
  const longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let started = 0;
  let sawProgress = false;
  button.addEventListener('click', () => (started = performance.now()), { capture: true, once: true });
  // Done when the progress bar has come and gone and the charts are drawn.
  const watch = new MutationObserver(() => {
    if (dialog.querySelector('progress')) sawProgress = true;
    else if (started && sawProgress && dialog.querySelectorAll('svg[role="img"]').length === 5) {
      const wallMs = performance.now() - started;
      watch.disconnect();
      // Long tasks are reported after they end: give the last one a moment to arrive.
      setTimeout(() => { observer.disconnect(); resolve({ wallMs, longTasksMs: longTasks }); }, 200);
    }
  });
  watch.observe(dialog, { childList: true, subtree: true });
  setTimeout(() => reject(new Error('the sweep drew no chart in 120 s')), 120000);
  button.click();
})`;

/**
 * Opens the Sweep dialog on the flash-sale preset, waits `pickingMs` (the workers start and warm up
 * meanwhile, as they do while a person types), then runs the 12-point capacity sweep twice: the first
 * sweep of the page, and a second on the workers it kept.
 */
export async function measureAppSweep(page: Page, base: string): Promise<AppSweepTiming[]> {
  await page.goto(base);
  await page.getByTestId('total-requests').waitFor();
  await page.getByLabel('Preset').selectOption(benchSweepPreset);
  await page.getByTestId('total-requests').filter({ hasText: /^0$/ }).waitFor();
  await page.getByRole('button', { name: 'Sweep…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sweep a setting' });
  await dialog.getByLabel('Setting').selectOption(benchSweepPath);
  await dialog.getByLabel('Values').fill(benchSweepValues.join(', '));
  await page.waitForTimeout(pickingMs);
  const timings: AppSweepTiming[] = [];
  for (let i = 0; i < 2; i++) timings.push(await page.evaluate(sweepProbe));
  return timings;
}

/** One page's two sweeps on a given number of workers. */
export interface WorkerSweeps {
  workers: number;
  first: AppSweepTiming;
  kept: AppSweepTiming;
}

/**
 * The ratio measured in the app: the same page with one sweep worker (the 12 variants one after
 * another) and with one a core, alternating, each on a fresh page (fresh workers, warmed as the dialog
 * opens). The app sizes its pool from `navigator.hardwareConcurrency`, so the one-worker page is told it
 * has one core; nothing else differs.
 */
export async function measureAppSweepRatio(
  browser: Browser,
  base: string,
  cores: number,
  rounds: number,
): Promise<WorkerSweeps[]> {
  const runs: WorkerSweeps[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const workers of [1, cores]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addInitScript(
        `Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${workers} })`,
      );
      try {
        const [first, kept] = await measureAppSweep(await context.newPage(), base);
        runs.push({ workers, first, kept });
      } finally {
        await context.close();
      }
    }
  }
  return runs;
}
