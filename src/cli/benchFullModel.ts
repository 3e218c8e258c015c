import { runToEnd } from '../engine/run/runToEnd';
import type { SimEvent } from '../engine/events';
import { parseScenario } from '../engine/scenario/parseScenario';
import type { Scenario } from '../engine/scenario/schema';
import { median } from './median';

export interface FullModelBenchOptions {
  /** Requests per run (10M for the published figure, 1M with --quick). */
  requests: number;
  /** Runs per measurement; the median is reported (2 shared cores are noisy). */
  repeats: number;
  /** Keys in the key space (fullModelKeys by default). */
  keys?: number;
  /** Whether to time runs with the event listener too (true by default). */
  withEvents?: boolean;
}

export interface FullModelBenchResult {
  /** Requests per second with events off (median of the repeats). */
  eventsOff: number;
  /** Requests per second with every event going through an onEvent listener (median); NaN when not timed. */
  eventsOn: number;
  /** Heap in use after the last events-off run, before its engine is dropped, in MB. */
  heapMb: number;
}

/** Requests per second the workload issues; the duration follows from the request count. */
const ratePerSecond = 20_000;

/**
 * The budget's key space: large enough that every tier matters (about a fifth of requests hit an app's
 * local cache, half the rest a cache node, and 40% reach the database).
 */
export const fullModelKeys = 100_000;

/** The largest key space of the presets: what a class runs, timed beside the budget's scenario. */
export const presetSizedKeys = 5000;

/**
 * The full model of DESIGN.md's second budget: 10 clients, 3 app servers with local caches, a
 * 3-node distributed cache, the database with its buffer pool, default latencies, 10% writes.
 */
export function fullModelScenario(requests: number, keys: number = fullModelKeys): Scenario {
  return parseScenario({
    version: 1,
    seed: 1,
    durationMs: (requests / ratePerSecond) * 1000,
    workload: {
      clients: 10,
      ratePerSecond,
      writeRatio: 0.1,
      keySpaces: [{ name: 'item', count: keys, popularity: { kind: 'zipf', alpha: 0.8 } }],
    },
    // Enough workers and database connections for the load: an overloaded model queues requests
    // that never finish, which flatters the rate and grows memory without bound.
    topology: {
      appServers: { count: 3, workers: 1000, local: { enabled: true, capacity: 1000 } },
      distributed: { enabled: true, nodes: 3, capacity: 10_000 },
      database: { maxConcurrent: 1000 },
    },
  });
}

/** One timed run; returns requests per second and the heap in use at its end. */
function runOnce(scenario: Scenario, events: boolean): { rate: number; heapBytes: number; sink: number } {
  // The listener does a little work per event, as the CSV export's row formatting does (less of it).
  let sink = 0;
  const onEvent = events
    ? (event: SimEvent) => {
        sink += event.t + event.type.length;
      }
    : undefined;
  const start = performance.now();
  const engine = runToEnd(scenario, [], { onEvent });
  const seconds = (performance.now() - start) / 1000;
  const requests = engine.metrics().endToEnd.requests;
  return { rate: requests / seconds, heapBytes: process.memoryUsage().heapUsed, sink };
}

/**
 * The full model, timed with events off and with an event listener: DESIGN.md's budget is at least
 * 1M requests/s off and 300k on. Runs alternate between the two so that noise from other work on the
 * machine falls on both alike.
 *
 * @example
 * const { eventsOff, eventsOn } = await benchFullModel({ requests: 1_000_000, repeats: 3 });
 */
export async function benchFullModel(options: FullModelBenchOptions): Promise<FullModelBenchResult> {
  const { requests, repeats, keys = fullModelKeys, withEvents = true } = options;
  const scenario = fullModelScenario(requests, keys);
  const off: number[] = [];
  const on: number[] = [];
  let heapBytes = 0;
  let sink = 0;
  for (let run = 0; run < repeats; run++) {
    const quiet = runOnce(scenario, false);
    off.push(quiet.rate);
    heapBytes = quiet.heapBytes;
    if (withEvents) {
      const loud = runOnce(scenario, true);
      on.push(loud.rate);
      sink += loud.sink;
    }
    // Let the event loop breathe between runs (and keep the listener's work observable).
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (Number.isNaN(sink)) throw new Error('benchFullModel: the event listener saw no times');
  return { eventsOff: median(off), eventsOn: withEvents ? median(on) : NaN, heapMb: heapBytes / 2 ** 20 };
}
