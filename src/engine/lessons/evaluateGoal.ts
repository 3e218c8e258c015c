import { countsSince, hitRatioOf, peakOf, perSecond, sumOf } from '../metrics/seriesMath';
import type { EndToEnd, MetricsReport, SeriesRow } from '../metrics/types';
import type { Scenario } from '../scenario/schema';
import { goalEvents, goalMetrics, type GoalMetricName } from './goalMetrics';
import { readSetting } from './goalSettings';
import type { GoalCheck } from './lessonSchema';

/** Run totals that are not kept per bucket: a step counts them from its start. */
export type StepTotals = Pick<EndToEnd, 'leaks' | 'lostWrites' | 'loggedOut' | 'cacheNodeFailures'>;

/** Where a step stands: the report to read, and the moment (and run totals) at which the step began. */
export interface GoalContext {
  metrics: MetricsReport;
  stepStartMs: number;
  /** The run's totals when the step began; totals such as leaks count from there. */
  atStepStart: StepTotals;
  /**
   * The rows of the bucket in progress when the step began, as they stood then (openBucket of the
   * report at the step's start). A step that began mid-bucket counts that bucket's events after its
   * start: the bucket's counts less these. Without them (or on a bucket's edge) the step counts from
   * the next bucket, and what was done in its first moments would go unseen.
   */
  openBucketAtStart?: readonly SeriesRow[];
  /**
   * The settings in effect now: the scenario with the commands applied so far folded in. Checks on a
   * setting (`{ setting, is }`) read it; without it they are unmet.
   */
  settings?: Scenario;
}

/** The rows of a report's bucket still in progress (its counts so far); none on a bucket's edge. */
export function openBucket(metrics: MetricsReport): SeriesRow[] {
  return metrics.series.filter((row) => row.startMs + metrics.bucketMs > metrics.nowMs + 1e-6);
}

export interface CheckResult {
  check: GoalCheck;
  met: boolean;
  /**
   * The figure now, or null while there is nothing to measure (no lookups yet). For `risesBy` it is
   * how far the figure has risen above its level before the step (for `dropsBy`, fallen below it);
   * for a setting, null.
   */
  value: number | null;
  /** For `risesBy` and `dropsBy`: the figure over the same window just before the step began. */
  before?: number | null;
  /** For a setting: its value in effect now (undefined without settings to read). */
  setting?: unknown;
  /** False while a windowed check has not yet had its whole window since the step began. */
  ready: boolean;
}

/** The metric a check reads (an event check reads the metric that counts that event). */
export function checkMetric(check: GoalCheck): GoalMetricName {
  return check.metric ?? goalEvents[check.event!];
}

/**
 * Evaluates each check of a goal. Pure: the same report gives the same answer in the app (each frame)
 * and in the headless replay of the tests.
 *
 * Only what happened since the step began counts: a window `{ lastMs }` is the last lastMs of
 * simulated time but never reaches before the step; without a window, the whole step counts.
 * A check that can only be judged over time (a ratio, a rate, a ceiling) waits for its whole window.
 */
export function evaluateGoal(checks: readonly GoalCheck[], context: GoalContext): CheckResult[] {
  return checks.map((check) => evaluateCheck(check, context));
}

export function goalMet(results: readonly CheckResult[]): boolean {
  return results.length > 0 && results.every((r) => r.met);
}

function evaluateCheck(check: GoalCheck, context: GoalContext): CheckResult {
  if (check.setting !== undefined) {
    const setting = context.settings ? readSetting(context.settings, check.setting) : undefined;
    return { check, met: setting !== undefined && setting === check.is, value: null, ready: true, setting };
  }
  const { metrics, stepStartMs, atStepStart, openBucketAtStart = [] } = context;
  const name = checkMetric(check);
  const info = goalMetrics[name];
  const now = metrics.nowMs;
  const lastMs = check.window?.lastMs;
  const from = lastMs === undefined ? stepStartMs : Math.max(stepStartMs, now - lastMs);
  const relative = check.risesBy !== undefined || check.dropsBy !== undefined;
  const rising = check.atLeast !== undefined || check.above !== undefined;
  const full = lastMs === undefined || now - stepStartMs >= lastMs - 1e-6;
  const ready = full || (info.kind === 'count' && rising);

  if (info.kind === 'total') {
    const field = name.slice('endToEnd.'.length) as keyof StepTotals;
    const value = metrics.endToEnd[field] - atStepStart[field];
    return { check, met: ready && compare(check, value), value, ready };
  }
  // Counted from the step's start: the bucket it began in counts too, less what it held then. (A
  // peak or a percentile cannot be split so; those read whole buckets from the next one on.)
  const before = from === stepStartMs && info.kind !== 'worst' ? openBucketAtStart : [];
  const firstMs = before.length > 0 ? Math.min(from, before[0].startMs) : from;
  const rows = metrics.series
    .filter((row) => row.startMs >= firstMs - 1e-6 && row.startMs < now + 1e-6)
    .map((row) => {
      const then = before.find((b) => b.startMs === row.startMs && b.tier === row.tier);
      return then ? countsSince(row, then) : row;
    });
  const value = measureRows(check, name, rows, now, from);
  if (!relative) return { check, met: ready && value !== null && compare(check, value), value, ready };

  // The same window just before the step: the buckets closed by then, and the one in progress as it
  // stood at the step's start.
  const baseFrom = stepStartMs - lastMs!;
  const openStartMs = openBucketAtStart[0]?.startMs ?? Infinity;
  const baseRows = [
    ...metrics.series.filter(
      (row) =>
        row.startMs >= baseFrom - 1e-6 &&
        row.startMs + metrics.bucketMs <= stepStartMs + 1e-6 &&
        row.startMs < openStartMs,
    ),
    ...openBucketAtStart,
  ];
  const baseline = measureRows(check, name, baseRows, stepStartMs, Math.max(0, baseFrom));
  const change =
    value === null || baseline === null
      ? null
      : check.risesBy !== undefined
        ? value - baseline
        : baseline - value;
  return {
    check,
    met: ready && change !== null && compare(check, change),
    value: change,
    ready,
    before: baseline,
  };
}

/** The check's figure over some rows of the series: its tier's rows, or the whole system's. */
function measureRows(
  check: GoalCheck,
  name: GoalMetricName,
  rows: SeriesRow[],
  now: number,
  from: number,
): number | null {
  const tierRows = rows.filter((row) => (check.tier ? row.tier === check.tier : row.tier !== 'all'));
  const allRows = rows.filter((row) => row.tier === 'all');
  return measure(name, tierRows, allRows, now, from);
}

function measure(
  name: GoalMetricName,
  tierRows: SeriesRow[],
  allRows: SeriesRow[],
  now: number,
  from: number,
): number | null {
  switch (name) {
    case 'tier.hitRatio':
      return hitRatioOf(tierRows);
    case 'tier.lookups':
      return sumOf(tierRows, (r) => r.lookups);
    case 'tier.hits':
      return sumOf(tierRows, (r) => r.hits);
    case 'tier.misses':
      return sumOf(tierRows, (r) => r.misses);
    case 'tier.coldMisses':
      return sumOf(tierRows, (r) => r.missesByCause.cold);
    case 'tier.capacityMisses':
      return sumOf(tierRows, (r) => r.missesByCause.capacity);
    case 'tier.expiredMisses':
      return sumOf(tierRows, (r) => r.missesByCause.expired);
    case 'tier.invalidatedMisses':
      return sumOf(tierRows, (r) => r.missesByCause.invalidated);
    case 'tier.evictions':
      return sumOf(tierRows, (r) => r.evictions);
    case 'tier.expirations':
      return sumOf(tierRows, (r) => r.expirations);
    case 'tier.invalidations':
      return sumOf(tierRows, (r) => r.invalidations);
    case 'endToEnd.requests':
      return sumOf(allRows, (r) => r.requests);
    case 'endToEnd.staleReads':
      return sumOf(allRows, (r) => r.staleReads);
    case 'endToEnd.p50Ms':
      return peakOf(allRows, (r) => r.p50Ms);
    case 'endToEnd.p95Ms':
      return peakOf(allRows, (r) => r.p95Ms);
    case 'endToEnd.p99Ms':
      return peakOf(allRows, (r) => r.p99Ms);
    case 'database.queries':
      return sumOf(allRows, (r) => r.databaseQueries);
    case 'database.queriesPerSecond':
      if (allRows.length === 0) return null;
      return perSecond(
        sumOf(allRows, (r) => r.databaseQueries),
        now - Math.max(from, allRows[0].startMs),
      );
    case 'database.queueMax':
      return peakOf(allRows, (r) => r.databaseQueueMax);
    default:
      return null;
  }
}

function compare(check: GoalCheck, value: number): boolean {
  if (check.above !== undefined) return value > check.above;
  if (check.below !== undefined) return value < check.below;
  if (check.atLeast !== undefined) return value >= check.atLeast;
  if (check.risesBy !== undefined) return value >= check.risesBy - 1e-9;
  if (check.dropsBy !== undefined) return value >= check.dropsBy - 1e-9;
  return value <= check.atMost!;
}
