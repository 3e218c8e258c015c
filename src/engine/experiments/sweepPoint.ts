import type { Engine } from '../engine';
import { runToEnd } from '../run/runToEnd';
import { ratio } from '../metrics/seriesMath';
import type { SettingValue } from '../lessons/goalSettings';
import type { TierName } from '../tiers/tierNames';
import type { Scenario } from '../scenario/schema';
import { predictHitRatio, type HitRatioPrediction, type PredictedTier } from './sweepOverlay';

/** What one variant of a sweep measured over its whole run: the figures a sweep's chart plots. */
export interface SweepPoint {
  value: SettingValue;
  requests: number;
  reads: number;
  /** Reads answered by some cache tier, over completed reads ("reads served from cache"); null with none. */
  readsServedFromCache: number | null;
  staleReads: number;
  /** Stale reads over reads; null with no reads. */
  staleReadRate: number | null;
  databaseQueries: number;
  databaseQueriesPerSecond: number;
  /** Latency of every request answered, null when none was. */
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p99LatencyMs: number | null;
  lostWrites: number;
  leaks: number;
  /** Each tier's hit ratio, null for a tier that had no lookups. */
  tierHitRatios: Record<TierName, number | null>;
  /** What the analytic models predict for `tierHitRatios[prediction.tier]`, or why none applies. */
  prediction: HitRatioPrediction;
}

/**
 * Runs a variant from start to end with no commands and no event log (a sweep compares settings, not
 * interventions), as an export or the CLI would, and returns its point with the models' prediction
 * for `tier` (`predictedTier` of the sweep's path).
 */
export function measureVariant(
  scenario: Scenario,
  value: SettingValue,
  tier: PredictedTier = 'distributed',
): SweepPoint {
  return pointOfRun(runToEnd(scenario, []), value, tier);
}

/**
 * The point of a variant's run that has reached its end: its figures, and the models' prediction for
 * `tier`. A sweep worker's warm-up measures its throwaway runs this way too, so that the JIT has
 * compiled what a variant runs after its requests (the metrics, the analytic models) before the sweep.
 */
export function pointOfRun(run: Engine, value: SettingValue, tier: PredictedTier): SweepPoint {
  const { scenario } = run;
  const { endToEnd: e, tiers } = run.metrics();
  const answered = e.latency.count > 0;
  return {
    value,
    requests: e.requests,
    reads: e.reads,
    readsServedFromCache: e.reads > 0 ? e.cacheHitRatio : null,
    staleReads: e.staleReads,
    staleReadRate: ratio(e.staleReads, e.reads),
    databaseQueries: e.databaseReads + e.databaseWrites,
    databaseQueriesPerSecond: (e.databaseReads + e.databaseWrites) / (scenario.durationMs / 1000),
    p50LatencyMs: answered ? e.latency.p50Ms : null,
    p95LatencyMs: answered ? e.latency.p95Ms : null,
    p99LatencyMs: answered ? e.latency.p99Ms : null,
    lostWrites: e.lostWrites,
    leaks: e.leaks,
    tierHitRatios: Object.fromEntries(
      tiers.map((tier) => [tier.tier, tier.lookups > 0 ? tier.hitRatio : null]),
    ) as Record<TierName, number | null>,
    prediction: predictHitRatio(scenario, tier),
  };
}
