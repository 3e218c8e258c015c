import { missRatioCurveCsv } from '../engine/export/missRatioCurveCsv';
import { formatPercent } from '../engine/format/readableNumbers';
import { samplingPolicies } from '../engine/policies/names';
import { missRatioCurve, type MissRatioCurve } from '../engine/replay/missRatioCurve';
import { parseTrace } from '../engine/replay/parseTrace';
import { replayTrace } from '../engine/replay/replayTrace';
import type { Trace } from '../engine/replay/trace';
import { inFile } from './inFile';
import { readTraceFile } from './readTraceFile';
import type { SimRequest } from './simArgs';
import type { SimIo } from './simMain';

type TraceRequest = Extract<SimRequest, { mode: 'trace' }>;

const count = (n: number) => n.toLocaleString('en-US');
const percent = (ratio: number) => formatPercent(ratio, { digits: 2 });

/** `npm run sim -- --trace FILE ...`: one replay, or a miss-ratio curve over policies and capacities. */
export async function runTrace(request: TraceRequest, io: SimIo): Promise<void> {
  const text = (io.readTrace ?? readTraceFile)(request.trace);
  const trace = inFile(request.trace, () => parseTrace(text));
  const now = io.now ?? (() => performance.now());
  const options = {
    unit: request.unit,
    ...(request.samples !== null ? { samples: request.samples } : {}),
    ...(request.seed !== null ? { seed: request.seed } : {}),
  };
  const started = now();
  if (request.curve) {
    const curve = missRatioCurve(trace, {
      policies: request.policies,
      capacities: request.capacities,
      ...options,
    });
    const seconds = (now() - started) / 1000;
    if (request.curveCsv !== null) await io.writeFile(request.curveCsv, missRatioCurveCsv(curve));
    if (request.json) io.stdout(JSON.stringify({ trace: request.trace, ...curve, seconds }) + '\n');
    else io.stdout(curveText(request, trace, curve, seconds));
    return;
  }
  const [policy] = request.policies;
  const result = replayTrace(trace, { policy, capacity: request.capacities[0], ...options });
  const seconds = (now() - started) / 1000;
  const { capacity, requests, hits, misses, hitRatio, missRatio } = result;
  if (request.json) {
    io.stdout(
      JSON.stringify({ policy, capacity, requests, hits, misses, hitRatio, missRatio, seconds }) + '\n',
    );
    return;
  }
  const rate = seconds > 0 ? `, ${count(Math.round(requests / seconds))} requests/s` : '';
  const sampled = samplingPolicies.includes(policy) ? ` (maxmemory-samples ${request.samples ?? 5})` : '';
  io.stdout(
    `Trace ${request.trace}: ${count(requests)} requests, ${count(trace.distinctKeys)} distinct keys\n` +
      `Policy ${policy}${sampled}, capacity ${count(capacity)} ${request.unit}\n` +
      `Hits ${count(hits)} (${percent(hitRatio)}), misses ${count(misses)} (${percent(missRatio)})\n` +
      `Replay took ${seconds.toFixed(3)} s${rate}\n`,
  );
}

/** The curve as a table: a row per capacity, a column per policy, then a column per model. */
function curveText(request: TraceRequest, trace: Trace, curve: MissRatioCurve, seconds: number): string {
  const capacities = [...new Set(curve.points.map((point) => point.capacity))];
  const models = [...new Set(curve.models.map((model) => model.model))];
  const header = ['capacity', ...request.policies, ...models];
  const rows = capacities.map((capacity) => [
    count(capacity),
    ...request.policies.map((policy) =>
      percent(curve.points.find((p) => p.policy === policy && p.capacity === capacity)!.missRatio),
    ),
    ...models.map((model) =>
      percent(curve.models.find((m) => m.model === model && m.capacity === capacity)!.missRatio),
    ),
  ]);
  const widths = header.map((name, i) => Math.max(name.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join('  ') + '\n';
  const notes = [
    `Miss ratio, every request counted (${percent(curve.coldMissRatio)} are a key's first request, which every policy misses).`,
    ...(request.policies.includes('opt') ? ["opt is Belady's: no policy can miss less."] : []),
    ...(models.length > 0
      ? [
          "Models (steady state, as if requests were drawn independently with the trace's own key frequencies):",
          ...models.map((model) => `  ${model}: ${modelNames[model]}`),
        ]
      : []),
  ];
  return (
    `Trace ${request.trace}: ${count(trace.requests)} requests, ${count(trace.distinctKeys)} distinct keys, ` +
    `capacity in ${request.unit}\n\n` +
    line(header) +
    rows.map(line).join('') +
    '\n' +
    notes.join('\n') +
    `\nReplays took ${seconds.toFixed(3)} s${request.curveCsv !== null ? `\nWrote ${request.curveCsv}` : ''}\n`
  );
}

const modelNames: Record<string, string> = {
  'che-lru': "Che's approximation for LRU",
  'king-gelenbe-fifo-random': "King and Gelenbe's exact result for FIFO and Random",
  'fifo-random-approximation': 'the FIFO and Random approximation (too many keys for the exact result)',
};
