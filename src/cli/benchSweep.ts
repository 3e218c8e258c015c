/**
 * `npm run bench:sweep`: a 12-point sweep of the flash-sale preset run on worker threads (one a core)
 * against the same 12 variants one after another on one thread, alternating, median of 3. Both start
 * fresh threads, so both pay a thread's start and the engine's warm-up (a person's sweep does too).
 * The budget: the parallel sweep takes at most 0.6 of the sequential time on 2 cores. Both
 * give the same points as a run in this thread; the bench checks that too.
 */
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { planSweep, runSweep } from '../engine/experiments/planSweep';
import type { SweepPoint } from '../engine/experiments/sweepPoint';
import { loadPreset } from '../engine/scenario/presets';
import { runOnThreads } from './threadPool';

const capacities = [
  '50',
  '100',
  '200',
  '400',
  '800',
  '1600',
  '3200',
  '6400',
  '12800',
  '25600',
  '51200',
  '102400',
];
const plan = planSweep(loadPreset('flash-sale'), 'tiers.distributed.capacity', capacities);
const tasks = plan.variants.map((scenario, i) => ({ scenario, value: plan.values[i] }));
const entry = new URL(
  import.meta.url.endsWith('.ts') ? './sweepThread.ts' : './sweepThread.mjs',
  import.meta.url,
);
const threads = availableParallelism();

async function timed<T>(run: () => T | Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}

const sequential: number[] = [];
const parallel: number[] = [];
let reference: SweepPoint[] | null = null;
for (let round = 0; round < 3; round++) {
  const one = await timed(() => runOnThreads<(typeof tasks)[number], SweepPoint>(entry, tasks, 1));
  const many = await timed(() => runOnThreads<(typeof tasks)[number], SweepPoint>(entry, tasks, threads));
  if (!isDeepStrictEqual(one.result, many.result))
    throw new Error('the threads measured other points than one by one');
  reference ??= runSweep(plan);
  if (!isDeepStrictEqual(one.result, reference))
    throw new Error('a thread measured other points than this one');
  sequential.push(one.seconds);
  parallel.push(many.seconds);
  console.log(
    `round ${round + 1}: one by one on 1 thread ${one.seconds.toFixed(2)} s, on ${threads} threads ${many.seconds.toFixed(2)} s`,
  );
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
const ratio = median(parallel) / median(sequential);
console.log(
  `12-point sweep of flash-sale (tiers.distributed.capacity, ${reference![0].requests.toLocaleString('en-US')} requests each): ` +
    `one by one on 1 thread ${median(sequential).toFixed(2)} s, on ${threads} threads ${median(parallel).toFixed(2)} s, ` +
    `ratio ${ratio.toFixed(2)} (budget 0.60 on 2 cores) ${ratio <= 0.6 ? 'within' : 'OVER'}`,
);
