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

export const goalMetrics = {
  'tier.hitRatio': { kind: 'ratio', perTier: true, label: 'tier hit ratio', unit: 'fraction' },
  'tier.lookups': { kind: 'count', perTier: true, label: 'lookups', unit: 'count' },
  'tier.hits': { kind: 'count', perTier: true, label: 'hits', unit: 'count' },
  'tier.misses': { kind: 'count', perTier: true, label: 'misses', unit: 'count' },
  'tier.coldMisses': { kind: 'count', perTier: true, label: 'cold misses', unit: 'count' },
  'tier.capacityMisses': { kind: 'count', perTier: true, label: 'capacity misses', unit: 'count' },
  'tier.expiredMisses': { kind: 'count', perTier: true, label: 'expired misses', unit: 'count' },
  'tier.invalidatedMisses': {
    kind: 'count',
    perTier: true,
    label: 'misses after invalidation',
    unit: 'count',
  },
  'tier.evictions': { kind: 'count', perTier: true, label: 'evictions', unit: 'count' },
  'tier.expirations': { kind: 'count', perTier: true, label: 'expirations', unit: 'count' },
  'tier.invalidations': { kind: 'count', perTier: true, label: 'invalidations', unit: 'count' },
  'endToEnd.requests': { kind: 'count', perTier: false, label: 'requests', unit: 'count' },
  'endToEnd.staleReads': { kind: 'count', perTier: false, label: 'stale reads', unit: 'count' },
  'endToEnd.p50Ms': { kind: 'worst', perTier: false, label: 'median latency (p50)', unit: 'ms' },
  'endToEnd.p95Ms': { kind: 'worst', perTier: false, label: 'p95 latency', unit: 'ms' },
  'endToEnd.p99Ms': { kind: 'worst', perTier: false, label: 'p99 latency', unit: 'ms' },
  'endToEnd.leaks': {
    kind: 'total',
    perTier: false,
    label: "reads answered with another user's data",
    unit: 'count',
  },
  'endToEnd.lostWrites': { kind: 'total', perTier: false, label: 'lost writes', unit: 'count' },
  'endToEnd.loggedOut': { kind: 'total', perTier: false, label: 'users logged out', unit: 'count' },
  'endToEnd.cacheNodeFailures': {
    kind: 'total',
    perTier: false,
    label: 'cache node failures',
    unit: 'count',
  },
  'database.queries': { kind: 'count', perTier: false, label: 'database queries', unit: 'count' },
  'database.queriesPerSecond': {
    kind: 'rate',
    perTier: false,
    label: 'database queries/s',
    unit: 'perSecond',
  },
  'database.queueMax': { kind: 'worst', perTier: false, label: 'longest database queue', unit: 'count' },
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
