import type { TraceReplayRow } from './benchTraceReplay';
import type { FullModelBenchResult } from './benchFullModel';

/** One budget of the issue that set them, and whether this run met it. */
export interface BudgetVerdict {
  budget: string;
  met: boolean;
}

/** Trace replay's floor for LRU on this machine: about what the native libCacheSim does here. */
const lruFloor = 4_000_000;
/** The full model's floors, with the event log off and on. */
const fullModelFloors = { eventsOff: 1_000_000, eventsOn: 300_000 };

/**
 * The throughput budgets, checked against one run of `npm run bench`: LRU at least 4M requests/s
 * and FIFO faster than LRU at every cache size, and the full model's floors. The bench prints these
 * under its table so that a reader need not compare figures by eye.
 */
export function budgetVerdicts(
  rows: readonly TraceReplayRow[],
  model: FullModelBenchResult,
): BudgetVerdict[] {
  const verdicts: BudgetVerdict[] = [];
  const fractions = [...new Set(rows.map((row) => row.capacityFraction))];
  for (const fraction of fractions) {
    const rate = (policy: string) =>
      rows.find((row) => row.policy === policy && row.capacityFraction === fraction)?.requestsPerSecond;
    const lru = rate('lru');
    const fifo = rate('fifo');
    const cache = `cache at ${fraction * 100}%`;
    if (lru !== undefined)
      verdicts.push({ budget: `trace replay, ${cache}: LRU at least 4M requests/s`, met: lru >= lruFloor });
    if (lru !== undefined && fifo !== undefined)
      verdicts.push({ budget: `trace replay, ${cache}: FIFO faster than LRU`, met: fifo > lru });
  }
  verdicts.push({
    budget: 'full model, events off: at least 1M requests/s',
    met: model.eventsOff >= fullModelFloors.eventsOff,
  });
  if (!Number.isNaN(model.eventsOn))
    verdicts.push({
      budget: 'full model, events on: at least 300k requests/s',
      met: model.eventsOn >= fullModelFloors.eventsOn,
    });
  return verdicts;
}
