/**
 * What a lesson's goal can check, and how each figure is measured. Every figure comes from the
 * engine's MetricsReport (the same report the charts read), so a goal ticks from what the student
 * sees, and sampling in the animation can never make it miss.
 *
 * - `count`: a sum over the time-series buckets of the window;
 * - `ratio`: hits / lookups over the window (no lookups: no value yet);
 * - `rate`: a count per second of the window;
 * - `worst`: the highest bucket value in the window (a percentile cannot be summed);
 * - `total`: a run total not kept per bucket, counted from the step's start (no `lastMs` window).
 */
export type MetricKind = 'count' | 'ratio' | 'rate' | 'worst' | 'total';

export interface MetricInfo {
  kind: MetricKind;
  /** Per-tier figures read the tier's rows; `tier` is required for ratios, optional (all tiers) for counts. */
  perTier: boolean;
  /** How a check names it, e.g. "stale reads". */
  label: string;
  unit: 'fraction' | 'count' | 'perSecond' | 'ms';
}

/** A count over the buckets of the window: of one tier (or all tiers), or of the whole system. */
const tierCount = (label: string): MetricInfo => ({ kind: 'count', perTier: true, label, unit: 'count' });
const systemCount = (label: string): MetricInfo => ({ kind: 'count', perTier: false, label, unit: 'count' });
/** A run total counted from the step's start. */
const stepTotal = (label: string): MetricInfo => ({ kind: 'total', perTier: false, label, unit: 'count' });
/** The worst bucket of the window. */
const worstBucket = (label: string, unit: MetricInfo['unit']): MetricInfo => ({
  kind: 'worst',
  perTier: false,
  label,
  unit,
});

export const goalMetrics = {
  'tier.hitRatio': { kind: 'ratio', perTier: true, label: 'tier hit ratio', unit: 'fraction' },
  'tier.lookups': tierCount('lookups'),
  'tier.hits': tierCount('hits'),
  'tier.misses': tierCount('misses'),
  'tier.coldMisses': tierCount('cold misses'),
  'tier.capacityMisses': tierCount('capacity misses'),
  'tier.expiredMisses': tierCount('expired misses'),
  'tier.invalidatedMisses': tierCount('misses after invalidation'),
  'tier.evictions': tierCount('evictions'),
  'tier.expirations': tierCount('expirations'),
  'tier.invalidations': tierCount('invalidations'),
  'endToEnd.requests': systemCount('requests'),
  'endToEnd.staleReads': systemCount('stale reads'),
  'endToEnd.p50Ms': worstBucket('median latency (p50)', 'ms'),
  'endToEnd.p95Ms': worstBucket('p95 latency', 'ms'),
  'endToEnd.p99Ms': worstBucket('p99 latency', 'ms'),
  'endToEnd.leaks': stepTotal("reads answered with another user's data"),
  'endToEnd.lostWrites': stepTotal('lost writes'),
  'endToEnd.loggedOut': stepTotal('users logged out'),
  'endToEnd.cacheNodeFailures': stepTotal('cache node failures'),
  'database.queries': systemCount('database queries'),
  'database.queriesPerSecond': {
    kind: 'rate',
    perTier: false,
    // The figure carries the rate ("102/s"): "102/s database queries", "Database queries above 80/s".
    label: 'database queries',
    unit: 'perSecond',
  },
  'database.queueMax': worstBucket('longest database queue', 'count'),
} as const satisfies Record<string, MetricInfo>;

export type GoalMetricName = keyof typeof goalMetrics;
export const goalMetricNames = Object.keys(goalMetrics) as GoalMetricName[];

/**
 * Events a check may count, and the metric that counts them. The engine counts every one of these
 * in its metrics, so an event check is exact even when the animation shows only a sample.
 */
export const goalEvents = {
  'read.stale': 'endToEnd.staleReads',
  leak: 'endToEnd.leaks',
  'write.lost': 'endToEnd.lostWrites',
  'session.lost': 'endToEnd.loggedOut',
  'cache.hit': 'tier.hits',
  'cache.miss': 'tier.misses',
  'cache.eviction': 'tier.evictions',
  'cache.expiry': 'tier.expirations',
  'cache.invalidation': 'tier.invalidations',
} as const satisfies Record<string, GoalMetricName>;

export type GoalEventName = keyof typeof goalEvents;
export const goalEventNames = Object.keys(goalEvents) as GoalEventName[];
