import { cheLru, fifoRandomMissRatio } from '../analytic';
import { InputError } from '../inputError';
import { futureKnowingPolicies, policyNames, type PolicyName } from '../policies/names';
import { nextUsePositions } from './nextUse';
import { replayTrace, type ReplayResult } from './replayTrace';
import type { Trace } from './trace';

export interface MissRatioCurveOptions {
  policies: readonly PolicyName[];
  /** Cache sizes in entries, or bytes with unit 'bytes'. */
  capacities: readonly number[];
  unit?: 'entries' | 'bytes';
  seed?: number;
  samples?: number;
  /**
   * Each key's probability for the models, when the law that drew the trace is known (`zipfTrace`);
   * the trace's own key frequencies otherwise.
   */
  popularity?: Float64Array;
  /** Told after each replay, with how many of them are done: a progress bar's feed. */
  onPoint?: (done: number, total: number) => void;
}

/** A closed-form result drawn beside the simulated curves, with what it assumes. */
export interface ModelPoint {
  model: 'che-lru' | 'king-gelenbe-fifo-random' | 'fifo-random-approximation';
  /** The policies whose curve the model predicts. */
  policies: PolicyName[];
  capacity: number;
  /** Steady-state miss ratio under the independent reference model, cold misses not counted. */
  missRatio: number;
}

export interface MissRatioCurve {
  requests: number;
  distinctKeys: number;
  unit: 'entries' | 'bytes';
  /** One replay per policy and capacity, policies in the order asked, capacities ascending. */
  points: ReplayResult[];
  /**
   * Che's approximation for LRU and King and Gelenbe's result for FIFO and Random, from the trace's own
   * key frequencies (as if the trace were drawn independently from them) or the popularity given, for
   * capacities in entries;
   * empty for byte capacities, which the models do not cover.
   */
  models: ModelPoint[];
  /** The share of requests that are a key's first: every policy, OPT too, misses at least these. */
  coldMissRatio: number;
}

/**
 * Each policy's miss ratio at each capacity over one trace (one replay a point, as `replayTrace`), with
 * the analytic models beside them. OPT's next-use table is computed once for every capacity.
 *
 * @throws InputError naming an unknown policy or a capacity that is not a positive number
 */
export function missRatioCurve(trace: Trace, options: MissRatioCurveOptions): MissRatioCurve {
  const { policies, unit = 'entries' } = options;
  if (policies.length === 0) throw new InputError('policies: name at least one eviction policy');
  for (const name of policies) {
    if (!policyNames.includes(name)) {
      throw new InputError(`policies: unknown eviction policy "${name}"; expected ${policyNames.join(', ')}`);
    }
  }
  if (options.capacities.length === 0) throw new InputError('capacities: name at least one cache size');
  for (const capacity of options.capacities) {
    if (!(capacity > 0) || !Number.isFinite(capacity)) {
      throw new InputError(`capacities: expected numbers > 0 of ${unit}, got ${capacity}`);
    }
  }
  const capacities = [...new Set(options.capacities)].sort((a, b) => a - b);
  const nextUse = policies.some((name) => futureKnowingPolicies.includes(name))
    ? nextUsePositions(trace.keys, trace.distinctKeys)
    : undefined;
  const points: ReplayResult[] = [];
  const total = policies.length * capacities.length;
  for (const policy of policies) {
    for (const capacity of capacities) {
      points.push(
        replayTrace(trace, {
          policy,
          capacity,
          unit,
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
          ...(options.samples !== undefined ? { samples: options.samples } : {}),
          ...(nextUse ? { nextUse } : {}),
        }),
      );
      options.onPoint?.(points.length, total);
    }
  }
  const requests = trace.requests;
  return {
    requests,
    distinctKeys: trace.distinctKeys,
    unit,
    points,
    models:
      unit === 'entries' && requests > 0
        ? modelPoints(options.popularity ?? keyFrequencies(trace), policies, capacities)
        : [],
    coldMissRatio: requests > 0 ? trace.distinctKeys / requests : 0,
  };
}

/** Each key's share of the trace's requests. */
export function keyFrequencies(trace: Trace): Float64Array {
  const counts = new Float64Array(trace.distinctKeys);
  for (let i = 0; i < trace.requests; i++) counts[trace.keys[i]]++;
  for (let k = 0; k < counts.length; k++) counts[k] /= trace.requests;
  return counts;
}

function modelPoints(
  popularity: Float64Array,
  policies: readonly PolicyName[],
  capacities: number[],
): ModelPoint[] {
  const wantsLru = policies.includes('lru');
  const fifoLike = policies.filter((name) => name === 'fifo' || name === 'random');
  if (!wantsLru && fifoLike.length === 0) return [];
  const models: ModelPoint[] = [];
  for (const capacity of capacities) {
    if (wantsLru) {
      models.push({
        model: 'che-lru',
        policies: ['lru'],
        capacity,
        missRatio: 1 - cheLru(popularity, capacity).hitRatio,
      });
    }
    if (fifoLike.length > 0) {
      const { missRatio, exact } = fifoRandomMissRatio(popularity, capacity);
      const model = exact ? 'king-gelenbe-fifo-random' : 'fifo-random-approximation';
      models.push({ model, policies: fifoLike, capacity, missRatio });
    }
  }
  return models;
}
