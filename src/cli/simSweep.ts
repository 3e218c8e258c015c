import { sweepCsv } from '../engine/export/sweepCsv';
import { overlayNotes, overlaySeries } from '../engine/experiments/overlaySeries';
import { predictedTier } from '../engine/experiments/sweepOverlay';
import { planSweep } from '../engine/experiments/planSweep';
import type { SweepPoint } from '../engine/experiments/sweepPoint';
import { formatPercent } from '../engine/format/readableNumbers';
import { InputError } from '../engine/inputError';
import type { Scenario } from '../engine/scenario/schema';
import type { SimRequest } from './simArgs';
import type { SimIo } from './simMain';
import { runOnThreads } from './threadPool';

type SweepRequest = Extract<SimRequest, { mode: 'sweep' }>;
type LoadScenario = (
  argument: string,
  io: SimIo,
) => Promise<{ scenario: Scenario; commands: unknown[]; source: string; trace?: { name: string } }>;

/** Where the sweep's worker threads start: the TypeScript module under tsx, its bundle when bundled. */
const threadEntry = new URL(
  import.meta.url.endsWith('.ts') ? './sweepThread.ts' : './sweepThread.mjs',
  import.meta.url,
);

/**
 * `npm run sim -- --scenario S --sweep PATH=V1,V2,...`: runs each variant to its end on worker threads
 * (one a core) and prints or writes a row per value, the bytes a one-by-one run would give.
 */
export async function runSweepCli(request: SweepRequest, io: SimIo, load: LoadScenario): Promise<void> {
  const loaded = await load(request.scenario, io);
  if (loaded.trace) {
    throw new InputError(
      `--sweep: ${loaded.source} plays the trace ${loaded.trace.name}; a sweep runs generated workloads only, ` +
        "so sweep the scenario the trace was played on, or draw the trace's miss-ratio curve (--trace FILE --policies ... --capacities ...)",
    );
  }
  if (loaded.commands.length > 0) {
    throw new InputError(
      `--sweep: ${loaded.source} holds ${loaded.commands.length} commands; a sweep compares settings over the same ` +
        'requests with no commands, so give the scenario alone',
    );
  }
  const scenario = request.seed !== null ? { ...loaded.scenario, seed: request.seed } : loaded.scenario;
  let plan;
  try {
    plan = planSweep(scenario, request.path, request.values);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`--sweep ${error.message}`, error.problems);
    throw error;
  }
  const tier = predictedTier(plan.path);
  const tasks = plan.variants.map((variant, i) => ({ scenario: variant, value: plan.values[i], tier }));
  const points = await runOnThreads<(typeof tasks)[number], SweepPoint>(threadEntry, tasks);
  const csv = sweepCsv(plan.path, points);
  if (request.sweepCsv !== null) await io.writeFile(request.sweepCsv, csv);
  if (request.json) {
    io.stdout(
      JSON.stringify({ setting: plan.path, scenario: scenario.name, seed: scenario.seed, points }, null, 2) +
        '\n',
    );
    return;
  }
  io.stdout(
    sweepText(plan.path, scenario, points) +
      (request.sweepCsv !== null ? `\nWrote ${request.sweepCsv}\n` : ''),
  );
}

function sweepText(path: string, scenario: Scenario, points: readonly SweepPoint[]): string {
  const percent = (ratio: number | null) => (ratio === null ? '–' : formatPercent(ratio));
  const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} ms`);
  const models = overlaySeries(points).filter((model) => !model.comparison);
  const tier = points[0]?.prediction.tier ?? 'distributed';
  const header = [
    path,
    'from cache',
    'stale reads',
    'db queries/s',
    'p95 latency',
    `${tier} hit ratio`,
    ...models.map((model) => model.label),
  ];
  const rows = points.map((p, i) => [
    p.value === null ? 'null' : String(p.value),
    percent(p.readsServedFromCache),
    percent(p.staleReadRate),
    p.databaseQueriesPerSecond.toFixed(1),
    ms(p.p95LatencyMs),
    percent(p.tierHitRatios[tier]),
    ...models.map((model) => percent(model.values[i])),
  ]);
  const widths = header.map((name, i) => Math.max(name.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [
    `Sweep of ${path} on ${scenario.name} (seed ${scenario.seed}, ${scenario.durationMs / 1000} s each; every variant sees the same requests)`,
    '',
    line(header),
    ...rows.map(line),
    '',
    ...overlayNotes(points),
    '',
  ].join('\n');
}
