import type { MissCause } from '../events';
import type { TierName } from '../scenario/commandSchema';

/** Counters of one cache tier (all its instances together). */
export interface TierCounters {
  lookups: number;
  hits: number;
  misses: number;
  missesByCause: Record<MissCause, number>;
  /** Hits that returned a version older than the truth at that moment. */
  staleHits: number;
  fills: number;
  evictions: number;
  expirations: number;
  invalidations: number;
}

export interface TierSummary extends TierCounters {
  tier: TierName;
  enabled: boolean;
  /** hits / lookups, 0 when there were no lookups. */
  hitRatio: number;
  /** Keys held now, all instances together. */
  entries: number;
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** End-to-end figures: what the users saw and what the database did. */
export interface EndToEnd {
  requests: number;
  reads: number;
  writes: number;
  completed: number;
  failed: number;
  /** Reads answered by some cache tier / completed reads. */
  cacheHitRatio: number;
  staleReads: number;
  meanStalenessMs: number;
  maxStalenessMs: number;
  latency: LatencySummary;
  readLatency: LatencySummary;
  writeLatency: LatencySummary;
  databaseReads: number;
  databaseWrites: number;
  databaseQueueMax: number;
  lostWrites: number;
  leaks: number;
  loggedOut: number;
  /** Distributed cache nodes that failed (each failure once). */
  cacheNodeFailures: number;
  /** Events not kept by the bounded drain since the run began. */
  droppedEvents: number;
}

/** One time bucket [startMs, startMs + bucketMs) of one tier, or of the whole system (tier 'all'). */
export interface SeriesRow {
  startMs: number;
  tier: TierName | 'all';
  lookups: number;
  hits: number;
  misses: number;
  missesByCause: Record<MissCause, number>;
  hitRatio: number;
  staleReads: number;
  /** How long the truth had been newer, over the bucket's stale reads: mean and largest. Only on 'all' rows. */
  meanStalenessMs: number;
  maxStalenessMs: number;
  evictions: number;
  expirations: number;
  invalidations: number;
  /** Only on 'all' rows; 0 elsewhere. */
  requests: number;
  databaseQueries: number;
  databaseQueueMax: number;
  /**
   * Requests answered during the bucket: the latencies the percentiles describe. Only on 'all' rows;
   * 0 elsewhere. With none, the percentiles are 0 and mean nothing.
   */
  completed: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface MetricsReport {
  nowMs: number;
  bucketMs: number;
  tiers: TierSummary[];
  endToEnd: EndToEnd;
  /** Closed buckets, oldest first, then the bucket in progress. */
  series: SeriesRow[];
}
