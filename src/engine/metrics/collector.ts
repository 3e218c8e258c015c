import { missCauses, type MissCause } from '../events';
import { tierNames, type TierName } from '../tiers/tierNames';
import { LatencyHistogram } from './latencyHistogram';
import { ratio } from './seriesMath';
import type { EndToEnd, MetricsReport, SeriesRow, TierCounters, TierSummary } from './types';

/** Field offsets of a tier's counters in the flat arrays. */
export const enum TierField {
  Lookups,
  Hits,
  Misses,
  MissCold,
  MissCapacity,
  MissExpired,
  MissInvalidated,
  StaleHits,
  Fills,
  Evictions,
  Expirations,
  Invalidations,
}
const tierFieldCount = 12;
const missField: Record<MissCause, TierField> = {
  cold: TierField.MissCold,
  capacity: TierField.MissCapacity,
  expired: TierField.MissExpired,
  invalidated: TierField.MissInvalidated,
};

/** End-to-end counters kept per bucket. */
const enum AllField {
  Requests,
  StaleReads,
  DatabaseQueries,
  DatabaseQueueMax,
  /** Reads answered in the bucket, and of those, answered by a cache tier. */
  CompletedReads,
  ReadsFromCache,
  /** Staleness of the bucket's stale reads: their sum (for the mean) and the largest. */
  StalenessSumMs,
  StalenessMaxMs,
}
const allFieldCount = AllField.StalenessMaxMs + 1;

/** The index of each tier in the counter arrays. */
export const tierIndex: Record<TierName, number> = Object.fromEntries(
  tierNames.map((name, i) => [name, i]),
) as Record<TierName, number>;

/**
 * Counts what happens, cumulatively and per time bucket. Counting is a typed-array increment, so it
 * costs nothing measurable on the hot path; reports are built only when asked for.
 */
export class MetricsCollector {
  private readonly total = new Float64Array(tierNames.length * tierFieldCount);
  private readonly bucket = new Float64Array(tierNames.length * tierFieldCount);
  private readonly bucketAll = new Float64Array(allFieldCount);
  private readonly bucketLatency = new LatencyHistogram();
  private readonly rows: SeriesRow[] = [];
  private bucketStartMs = 0;

  readonly latency = new LatencyHistogram();
  readonly readLatency = new LatencyHistogram();
  readonly writeLatency = new LatencyHistogram();
  requests = 0;
  reads = 0;
  writes = 0;
  completed = 0;
  failed = 0;
  readsFromCache = 0;
  completedReads = 0;
  staleReads = 0;
  stalenessSumMs = 0;
  maxStalenessMs = 0;
  databaseReads = 0;
  databaseWrites = 0;
  databaseQueueMax = 0;
  lostWrites = 0;
  leaks = 0;
  loggedOut = 0;
  cacheNodeFailures = 0;
  droppedEvents = 0;

  constructor(readonly bucketMs: number) {}

  /** Closes every bucket that ends at or before nowMs. Call before counting anything at nowMs. */
  advance(nowMs: number): void {
    while (nowMs >= this.bucketStartMs + this.bucketMs) this.closeBucket();
  }

  count(tier: number, field: TierField): void {
    this.total[tier * tierFieldCount + field]++;
    this.bucket[tier * tierFieldCount + field]++;
  }

  miss(tier: number, cause: MissCause): void {
    const base = tier * tierFieldCount;
    this.total[base + TierField.Lookups]++;
    this.bucket[base + TierField.Lookups]++;
    this.total[base + TierField.Misses]++;
    this.bucket[base + TierField.Misses]++;
    this.total[base + missField[cause]]++;
    this.bucket[base + missField[cause]]++;
  }

  hit(tier: number, stale: boolean): void {
    const base = tier * tierFieldCount;
    this.total[base + TierField.Lookups]++;
    this.bucket[base + TierField.Lookups]++;
    this.total[base + TierField.Hits]++;
    this.bucket[base + TierField.Hits]++;
    if (stale) {
      this.total[base + TierField.StaleHits]++;
      this.bucket[base + TierField.StaleHits]++;
    }
  }

  request(op: 'read' | 'write'): void {
    this.requests++;
    if (op === 'read') this.reads++;
    else this.writes++;
    this.bucketAll[AllField.Requests]++;
  }

  done(op: 'read' | 'write', latencyMs: number, fromCache: boolean, ok: boolean): void {
    if (!ok) {
      this.failed++;
      return;
    }
    this.completed++;
    this.latency.record(latencyMs);
    this.bucketLatency.record(latencyMs);
    if (op === 'read') {
      this.completedReads++;
      this.bucketAll[AllField.CompletedReads]++;
      this.readLatency.record(latencyMs);
      if (fromCache) {
        this.readsFromCache++;
        this.bucketAll[AllField.ReadsFromCache]++;
      }
    } else {
      this.writeLatency.record(latencyMs);
    }
  }

  staleRead(stalenessMs: number): void {
    this.staleReads++;
    this.stalenessSumMs += stalenessMs;
    if (stalenessMs > this.maxStalenessMs) this.maxStalenessMs = stalenessMs;
    this.bucketAll[AllField.StaleReads]++;
    this.bucketAll[AllField.StalenessSumMs] += stalenessMs;
    if (stalenessMs > this.bucketAll[AllField.StalenessMaxMs])
      this.bucketAll[AllField.StalenessMaxMs] = stalenessMs;
  }

  databaseQuery(op: 'read' | 'write', queueLength: number): void {
    if (op === 'read') this.databaseReads++;
    else this.databaseWrites++;
    this.bucketAll[AllField.DatabaseQueries]++;
    this.queue(queueLength);
  }

  queue(queueLength: number): void {
    if (queueLength > this.databaseQueueMax) this.databaseQueueMax = queueLength;
    if (queueLength > this.bucketAll[AllField.DatabaseQueueMax])
      this.bucketAll[AllField.DatabaseQueueMax] = queueLength;
  }

  private closeBucket(): void {
    this.rows.push(...this.bucketRows(this.bucketStartMs));
    this.bucket.fill(0);
    this.bucketAll.fill(0);
    this.bucketLatency.reset();
    this.bucketStartMs += this.bucketMs;
  }

  private bucketRows(startMs: number): SeriesRow[] {
    const rows: SeriesRow[] = [];
    const all = emptyRow(startMs, 'all');
    tierNames.forEach((tier, i) => {
      const c = countersOf(this.bucket, i);
      const row: SeriesRow = {
        ...emptyRow(startMs, tier),
        lookups: c.lookups,
        hits: c.hits,
        misses: c.misses,
        missesByCause: c.missesByCause,
        hitRatio: ratio(c.hits, c.lookups) ?? 0,
        staleReads: c.staleHits,
        evictions: c.evictions,
        expirations: c.expirations,
        invalidations: c.invalidations,
      };
      rows.push(row);
      all.evictions += c.evictions;
      all.expirations += c.expirations;
      all.invalidations += c.invalidations;
    });
    // The whole system as the users saw it: each read answered counts as one lookup of "the cache",
    // a hit when any tier answered it (the summary's cacheHitRatio, per bucket).
    all.lookups = this.bucketAll[AllField.CompletedReads];
    all.hits = this.bucketAll[AllField.ReadsFromCache];
    all.misses = all.lookups - all.hits;
    all.hitRatio = ratio(all.hits, all.lookups) ?? 0;
    all.requests = this.bucketAll[AllField.Requests];
    all.staleReads = this.bucketAll[AllField.StaleReads];
    all.meanStalenessMs = ratio(this.bucketAll[AllField.StalenessSumMs], all.staleReads) ?? 0;
    all.maxStalenessMs = this.bucketAll[AllField.StalenessMaxMs];
    all.databaseQueries = this.bucketAll[AllField.DatabaseQueries];
    all.databaseQueueMax = this.bucketAll[AllField.DatabaseQueueMax];
    all.completed = this.bucketLatency.count;
    all.p50Ms = this.bucketLatency.percentile(0.5);
    all.p95Ms = this.bucketLatency.percentile(0.95);
    all.p99Ms = this.bucketLatency.percentile(0.99);
    rows.push(all);
    return rows;
  }

  /** The report at nowMs: closed buckets plus the one in progress. */
  report(nowMs: number, tiers: { enabled: boolean; entries: number }[]): MetricsReport {
    this.advance(nowMs);
    const summaries: TierSummary[] = tierNames.map((tier, i) => {
      const c = countersOf(this.total, i);
      return {
        tier,
        enabled: tiers[i].enabled,
        entries: tiers[i].entries,
        ...c,
        hitRatio: ratio(c.hits, c.lookups) ?? 0,
      };
    });
    const endToEnd: EndToEnd = {
      requests: this.requests,
      reads: this.reads,
      writes: this.writes,
      completed: this.completed,
      failed: this.failed,
      cacheHitRatio: ratio(this.readsFromCache, this.completedReads) ?? 0,
      staleReads: this.staleReads,
      meanStalenessMs: ratio(this.stalenessSumMs, this.staleReads) ?? 0,
      maxStalenessMs: this.maxStalenessMs,
      latency: summarize(this.latency),
      readLatency: summarize(this.readLatency),
      writeLatency: summarize(this.writeLatency),
      databaseReads: this.databaseReads,
      databaseWrites: this.databaseWrites,
      databaseQueueMax: this.databaseQueueMax,
      lostWrites: this.lostWrites,
      leaks: this.leaks,
      loggedOut: this.loggedOut,
      cacheNodeFailures: this.cacheNodeFailures,
      droppedEvents: this.droppedEvents,
    };
    const series = this.rows.slice();
    if (nowMs > this.bucketStartMs) series.push(...this.bucketRows(this.bucketStartMs));
    return { nowMs, bucketMs: this.bucketMs, tiers: summaries, endToEnd, series };
  }
}

function countersOf(values: Float64Array, tier: number): TierCounters {
  const base = tier * tierFieldCount;
  const at = (field: TierField) => values[base + field];
  return {
    lookups: at(TierField.Lookups),
    hits: at(TierField.Hits),
    misses: at(TierField.Misses),
    missesByCause: Object.fromEntries(missCauses.map((cause) => [cause, at(missField[cause])])) as Record<
      MissCause,
      number
    >,
    staleHits: at(TierField.StaleHits),
    fills: at(TierField.Fills),
    evictions: at(TierField.Evictions),
    expirations: at(TierField.Expirations),
    invalidations: at(TierField.Invalidations),
  };
}

/** A time-series row with every count at zero. */
export function emptyRow(startMs: number, tier: SeriesRow['tier']): SeriesRow {
  return {
    startMs,
    tier,
    lookups: 0,
    hits: 0,
    misses: 0,
    missesByCause: { cold: 0, capacity: 0, expired: 0, invalidated: 0 },
    hitRatio: 0,
    staleReads: 0,
    meanStalenessMs: 0,
    maxStalenessMs: 0,
    evictions: 0,
    expirations: 0,
    invalidations: 0,
    requests: 0,
    databaseQueries: 0,
    databaseQueueMax: 0,
    completed: 0,
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
  };
}

function summarize(h: LatencyHistogram) {
  return {
    count: h.count,
    meanMs: h.meanMs,
    p50Ms: h.percentile(0.5),
    p95Ms: h.percentile(0.95),
    p99Ms: h.percentile(0.99),
    maxMs: h.maxMs,
  };
}
