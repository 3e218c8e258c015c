import { createStream } from '../engine/random';
import { createZipf } from '../engine/workload/zipf';
import { policyNames, type PolicyName } from '../engine/policies/names';
import { replayTrace } from '../engine/replay/replayTrace';
import type { Trace } from '../engine/replay/trace';
import { median } from './median';

export interface TraceReplayBenchOptions {
  /** Requests in the trace (10M for the published figure, 1M with --quick). */
  requests: number;
  /** Distinct keys the Zipf law draws from. */
  keys?: number;
  alpha?: number;
  seed?: number;
  /** Cache sizes as fractions of `keys`. */
  capacityFractions?: number[];
  policies?: readonly PolicyName[];
  /** Runs per measurement; the median is reported (2 shared cores are noisy). */
  repeats?: number;
  /** Called after each measurement, for progress on a long run. */
  onResult?: (row: TraceReplayRow) => void;
}

export interface TraceReplayRow {
  policy: PolicyName;
  capacityFraction: number;
  capacity: number;
  /** Wall-clock rate, median over the repeats: what the budget counts. */
  requestsPerSecond: number;
  /**
   * Rate per second of this process's CPU time (user + system), median over the repeats. On shared
   * cores the wall clock also counts time other processes took; this shows what the code costs.
   */
  cpuRequestsPerSecond: number;
  missRatio: number;
}

/**
 * Trace replay through one cache tier, timed: the first budget of DESIGN.md (at least as fast as the
 * native libCacheSim, about 4M requests/s for LRU on this machine). The Zipf trace is generated once
 * up front into typed arrays, so only replay is timed: creating the policy, every lookup, touch and
 * insert, and for OPT the backward pass that finds each request's next use.
 */
export function benchTraceReplay(options: TraceReplayBenchOptions): TraceReplayRow[] {
  const {
    requests,
    keys: keyCount = 1_000_000,
    alpha = 0.8,
    seed = 1,
    capacityFractions = [0.01, 0.1],
    policies = policyNames,
    repeats = 3,
    onResult,
  } = options;
  const nextKey = createZipf(keyCount, alpha, createStream(seed, 'keys'));
  const keys = new Int32Array(requests);
  for (let i = 0; i < requests; i++) keys[i] = nextKey();
  const trace: Trace = {
    // One request per simulated millisecond: Redis's one-second LRU clock sees 1,000 requests a tick.
    times: Float64Array.from({ length: requests }, (_, i) => i),
    keys,
    sizes: new Float64Array(requests).fill(1),
    ops: new Uint8Array(requests),
    // Keys are Zipf ranks; their names are not needed to replay.
    keyNames: [],
    distinctKeys: keyCount,
    requests,
  };

  const rows: TraceReplayRow[] = [];
  for (const capacityFraction of capacityFractions) {
    const capacity = Math.round(keyCount * capacityFraction);
    for (const policy of policies) {
      const rates: number[] = [];
      const cpuRates: number[] = [];
      let missRatio = 0;
      for (let run = 0; run < repeats; run++) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        missRatio = replayTrace(trace, { policy, capacity, seed }).missRatio;
        const seconds = (performance.now() - start) / 1000;
        const cpu = process.cpuUsage(cpuStart);
        rates.push(requests / seconds);
        cpuRates.push(requests / ((cpu.user + cpu.system) / 1e6));
      }
      const row = {
        policy,
        capacityFraction,
        capacity,
        requestsPerSecond: median(rates),
        cpuRequestsPerSecond: median(cpuRates),
        missRatio,
      };
      rows.push(row);
      onResult?.(row);
    }
  }
  return rows;
}
