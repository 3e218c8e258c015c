/**
 * `npm run bench:sweep [-- --rounds N]`: a 12-point sweep of the flash-sale preset on worker threads
 * (one a core) against the same 12 variants one after another on one thread, 1 and N alternating
 * in each round, median of N rounds (default 7). Two figures:
 *  - cold: fresh threads every round, so each pays its start, module load and the engine's JIT warm-up
 *    (V8 compiles per thread; the CLI's `--sweep` runs like this);
 *  - warm: threads kept between sweeps after one untimed sweep, as the app keeps its sweep workers.
 * It also prints the process's CPU time: one thread already uses more than one core while it warms up,
 * since V8 compiles hot code on background threads. The budget: the parallel sweep takes at most
 * 0.6 of the one-by-one time on 2 cores. Every run's points must equal a run in this thread.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { planSweep, runSweep } from '../engine/experiments/planSweep';
import type { SweepPoint } from '../engine/experiments/sweepPoint';
import { predictedTier, type PredictedTier } from '../engine/experiments/sweepOverlay';
import type { SettingValue } from '../engine/lessons/goalSettings';
import type { Scenario } from '../engine/scenario/schema';
import { loadPreset } from '../engine/scenario/presets';
import { benchSweepPath, benchSweepPreset, benchSweepValues } from './benchSweepValues';
import { median } from './median';
import { parseWhole } from './parseWhole';
import { ThreadPool } from './threadPool';

type Task = { scenario: Scenario; value: SettingValue; tier: PredictedTier };

const { values: flags } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const rounds = parseWhole('--rounds', flags.rounds, 1, Number.MAX_SAFE_INTEGER);

const plan = planSweep(loadPreset(benchSweepPreset), benchSweepPath, benchSweepValues);
const tier = predictedTier(plan.path);
const tasks: Task[] = plan.variants.map((scenario, i) => ({ scenario, value: plan.values[i], tier }));
const reference = runSweep(plan);
const entry = new URL(
  import.meta.url.endsWith('.ts') ? './sweepThread.ts' : './sweepThread.mjs',
  import.meta.url,
);
const threads = availableParallelism();

interface Timing {
  seconds: number;
  cpuSeconds: number;
}

/** One sweep on the pool, timed by the wall clock and by the process's CPU time (every thread's). */
async function timedSweep(pool: ThreadPool<Task, SweepPoint>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const points = await pool.run(tasks);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (!isDeepStrictEqual(points, reference))
    throw new Error(`${pool.size} threads measured other points than this thread`);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** A sweep on fresh threads, timed from their start to their last answer. */
async function coldSweep(size: number): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pool = new ThreadPool<Task, SweepPoint>(entry, size);
  await timedSweep(pool).finally(() => pool.close());
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

const show = (t: Timing) => `${t.seconds.toFixed(2)} s (CPU ${t.cpuSeconds.toFixed(2)} s)`;

/** Rounds of 1 thread then N threads, and the medians. */
async function measure(label: string, sweep: (size: number) => Promise<Timing>): Promise<string> {
  const one: Timing[] = [];
  const many: Timing[] = [];
  for (let round = 0; round < rounds; round++) {
    one.push(await sweep(1));
    many.push(await sweep(threads));
    console.log(
      `  ${label} round ${round + 1}: 1 thread ${show(one[round])}, ${threads} threads ${show(many[round])}`,
    );
  }
  const m1 = median(one.map((t) => t.seconds));
  const mN = median(many.map((t) => t.seconds));
  const ratio = mN / m1;
  return (
    `${label.padEnd(4)}: one by one on 1 thread ${m1.toFixed(2)} s (CPU ${median(one.map((t) => t.cpuSeconds)).toFixed(2)} s), ` +
    `on ${threads} threads ${mN.toFixed(2)} s (CPU ${median(many.map((t) => t.cpuSeconds)).toFixed(2)} s), ` +
    `ratio ${ratio.toFixed(2)} (budget 0.60 on 2 cores) ${ratio <= 0.6 ? 'within' : 'OVER'}`
  );
}

console.log(
  `12-point sweep of ${benchSweepPreset} (${benchSweepPath}, ${reference[0].requests.toLocaleString('en-US')} ` +
    `requests each), median of ${rounds} rounds; CPU is the whole process's, every thread's`,
);
const cold = await measure('cold', coldSweep);
const warmPools = new Map<number, ThreadPool<Task, SweepPoint>>();
for (const size of new Set([1, threads])) {
  const pool = new ThreadPool<Task, SweepPoint>(entry, size);
  await pool.run(tasks);
  warmPools.set(size, pool);
}
const warm = await measure('warm', (size) => timedSweep(warmPools.get(size)!));
await Promise.all([...warmPools.values()].map((pool) => pool.close()));
console.log(`${cold}\n${warm}`);
