/**
 * `npm run bench`: the performance budgets of DESIGN.md, measured. Prints a table; with `--json`
 * prints one object, `{"traceReplay": {"lru": requests/s, ...}, "fullModel": {"eventsOff": requests/s,
 * "eventsOn": requests/s}}` (trace replay with the cache at 10% of the keys). `--quick` runs 1M
 * requests instead of 10M for a fast look. Each section is one import and one call.
 */
import { benchTraceReplay, type TraceReplayRow } from './benchTraceReplay';
import { benchFullModel, presetSizedKeys } from './benchFullModel';
import { budgetVerdicts } from './benchBudgets';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const unknown = args.filter((a) => a !== '--json' && a !== '--quick');
if (unknown.length > 0) {
  console.error(`bench: unknown option ${unknown.join(' ')}; expected --json and/or --quick`);
  process.exit(2);
}

const requests = quick ? 1_000_000 : 10_000_000;
const log = (line: string) => {
  if (!json) console.log(line);
};
const millions = (rate: number) => `${(rate / 1e6).toFixed(2)}M`;

log(`Trace replay, one tier: ${requests / 1e6}M requests of Zipf 0.8 over 1M keys, median of 3 runs`);
log("requests/s is wall clock (what the budget counts); cpu/s is per second of this process's CPU time,");
log('which shows how much of the wall clock other processes on shared cores took.');
log(
  `${'policy'.padEnd(10)} ${'cache'.padStart(6)} ${'requests/s'.padStart(11)} ${'cpu/s'.padStart(8)} ${'miss ratio'.padStart(11)}`,
);
const rows = benchTraceReplay({
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

const traceReplay = Object.fromEntries(
  rows
    .filter((row: TraceReplayRow) => row.capacityFraction === 0.1)
    .map((row) => [row.policy, Math.round(row.requestsPerSecond)]),
);
log('');
log(`Full model: ${requests / 1e6}M requests (10 clients, 3 app servers with local caches, 3 cache nodes,`);
log('database, default latencies, 10% writes, Zipf 0.8), median of 3 runs; budget 1M/s events off, 300k/s on');
const model = await benchFullModel({ requests, repeats: 3 });
log(`${'events'.padEnd(10)} ${'keys'.padStart(8)} ${'requests/s'.padStart(11)}`);
log(`${'off'.padEnd(10)} ${'100,000'.padStart(8)} ${millions(model.eventsOff).padStart(11)}`);
log(`${'on'.padEnd(10)} ${'100,000'.padStart(8)} ${millions(model.eventsOn).padStart(11)}`);
log(`heap at the end of a run: ${Math.round(model.heapMb)} MB`);
// The same model over the largest preset's key space: the speed a class sees when fast-forwarding.
// Not the budget's figure (the JSON's fullModel is the 100,000-key run); printed beside it to show
// how much of the cost is the large key space's memory traffic and longer paths.
if (!json) {
  const presetSized = await benchFullModel({ requests, repeats: 3, keys: presetSizedKeys, withEvents: false });
  log(`${'off'.padEnd(10)} ${presetSizedKeys.toLocaleString('en').padStart(8)} ${millions(presetSized.eventsOff).padStart(11)}  (the largest preset's key space, for reference)`);
}
log('');
log('Budgets:');
for (const { budget, met } of budgetVerdicts(rows, model)) log(`  ${met ? 'met    ' : 'NOT MET'}  ${budget}`);
const fullModel = { eventsOff: Math.round(model.eventsOff), eventsOn: Math.round(model.eventsOn) };

if (json) console.log(JSON.stringify({ traceReplay, fullModel }));
