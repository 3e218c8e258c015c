/**
 * `npm run bench`: the performance budgets of DESIGN.md, measured. Prints a table; with `--json`
 * prints one object, `{"traceReplay": {"lru": requests/s, ...}, "fullModel": {"eventsOff": requests/s,
 * "eventsOn": requests/s}}` (trace replay with the cache at 10% of the keys). `--quick` runs 1M
 * requests instead of 10M for a fast look; `--keys` and `--model-only` see benchArgs.ts. Each section
 * is one import and one call.
 */
import { InputError } from '../engine/inputError';
import { benchTraceReplay, type TraceReplayRow } from './benchTraceReplay';
import { benchFullModel, fullModelKeys, presetSizedKeys } from './benchFullModel';
import { budgetVerdicts } from './benchBudgets';
import { benchUsage, parseBenchArgs, type BenchRequest } from './benchArgs';

let request: BenchRequest;
try {
  request = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exit(2);
}
if (request.mode === 'help') {
  console.log(benchUsage);
  process.exit(0);
}
const { json, quick, keys, modelOnly } = request;

const requests = quick ? 1_000_000 : 10_000_000;
const log = (line: string) => {
  if (!json) console.log(line);
};
const millions = (rate: number) => `${(rate / 1e6).toFixed(2)}M`;

let rows: TraceReplayRow[] = [];
if (!modelOnly) {
  log(`Trace replay, one tier: ${requests / 1e6}M requests of Zipf 0.8 over 1M keys, median of 3 runs`);
  log("requests/s is wall clock (what the budget counts); cpu/s is per second of this process's CPU time,");
  log('which shows how much of the wall clock other processes on shared cores took.');
  log(
    `${'policy'.padEnd(10)} ${'cache'.padStart(6)} ${'requests/s'.padStart(11)} ${'cpu/s'.padStart(8)} ${'miss ratio'.padStart(11)}`,
  );
  rows = benchTraceReplay({
    requests,
    onResult: (row) =>
      log(
        [
          row.policy.padEnd(10),
          `${row.capacityFraction * 100}%`.padStart(6),
          millions(row.requestsPerSecond).padStart(11),
          millions(row.cpuRequestsPerSecond).padStart(8),
          row.missRatio.toFixed(4).padStart(11),
        ].join(' '),
      ),
  });
}

const traceReplay = Object.fromEntries(
  rows
    .filter((row: TraceReplayRow) => row.capacityFraction === 0.1)
    .map((row) => [row.policy, Math.round(row.requestsPerSecond)]),
);
if (!modelOnly) log('');
log(`Full model: ${requests / 1e6}M requests (10 clients, 3 app servers with local caches, 3 cache nodes,`);
log(
  'database, default latencies, 10% writes, Zipf 0.8), median of 3 runs; budget 1M/s events off, 300k/s on',
);
const model = await benchFullModel({ requests, repeats: 3 });
log(`${'events'.padEnd(10)} ${'keys'.padStart(10)} ${'requests/s'.padStart(11)}`);
log(`${'off'.padEnd(10)} ${'100,000'.padStart(10)} ${millions(model.eventsOff).padStart(11)}`);
log(`${'on'.padEnd(10)} ${'100,000'.padStart(10)} ${millions(model.eventsOn).padStart(11)}`);
log(`heap at the end of a run: ${Math.round(model.heapMb)} MB`);
// The same model over other key spaces (by default the largest preset's: the speed a class sees when
// fast-forwarding). Not the budget's figure (that is the 100,000-key run); printed beside it to show
// how much of the cost is a large key space's memory traffic and longer paths.
const byKeys: Record<string, number> = {};
for (const count of keys ?? (json ? [] : [presetSizedKeys])) {
  if (count === fullModelKeys) {
    byKeys[count] = Math.round(model.eventsOff);
    continue;
  }
  const other = await benchFullModel({ requests, repeats: 3, keys: count, withEvents: false });
  byKeys[count] = Math.round(other.eventsOff);
  log(
    `${'off'.padEnd(10)} ${count.toLocaleString('en').padStart(10)} ${millions(other.eventsOff).padStart(11)}  (for reference)`,
  );
}
log('');
log('Budgets:');
for (const { budget, met } of budgetVerdicts(rows, model)) log(`  ${met ? 'met    ' : 'NOT MET'}  ${budget}`);
const fullModel = { eventsOff: Math.round(model.eventsOff), eventsOn: Math.round(model.eventsOn) };

if (json) {
  const result: Record<string, unknown> = modelOnly ? { fullModel } : { traceReplay, fullModel };
  if (keys !== null) result.fullModelByKeys = byKeys;
  console.log(JSON.stringify(result));
}
