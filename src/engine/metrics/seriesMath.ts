import { missCauses } from '../events';
import type { SeriesRow } from './types';

/**
 * The arithmetic over metric buckets that the charts, the lessons' goals and the CSV files share, so
 * that a figure reads the same on screen, in a goal and in an export.
 */

/**
 * `part / whole`, or null when the whole is 0: a hit ratio over no lookups is "no data", not 0.
 *
 * @example ratio(3, 4) // 0.75; ratio(0, 0) // null
 */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * A count per second of a span of simulated milliseconds, or null for an empty span.
 *
 * @example perSecond(50, 500) // 100: fifty in half a second
 */
export function perSecond(count: number, spanMs: number): number | null {
  return spanMs > 0 ? count / (spanMs / 1000) : null;
}

/**
 * Where a bucket's time ends: its full length, or `untilMs` (the report's time, the run's end) when
 * that comes first, so a bucket in progress or the run's shorter last one is measured over what ran.
 */
export function bucketEndMs(startMs: number, bucketMs: number, untilMs: number): number {
  return Math.max(startMs, Math.min(startMs + bucketMs, untilMs));
}

/** A row's count per second of the time its bucket covered up to `untilMs` (see bucketEndMs). */
export function bucketRate(count: number, row: SeriesRow, bucketMs: number, untilMs: number): number | null {
  return perSecond(count, bucketEndMs(row.startMs, bucketMs, untilMs) - row.startMs);
}

/** The sum of one figure over rows. */
export function sumOf<Row>(rows: readonly Row[], read: (row: Row) => number): number {
  let sum = 0;
  for (const row of rows) sum += read(row);
  return sum;
}

/** The highest value of one figure over rows (a peak or a percentile cannot be summed), or null for none. */
export function peakOf<Row>(rows: readonly Row[], read: (row: Row) => number): number | null {
  return rows.length > 0 ? Math.max(...rows.map(read)) : null;
}

/** Hits over lookups of some rows together, or null when they had no lookups. */
export function hitRatioOf(rows: readonly Pick<SeriesRow, 'hits' | 'lookups'>[]): number | null {
  return ratio(
    sumOf(rows, (r) => r.hits),
    sumOf(rows, (r) => r.lookups),
  );
}

/**
 * A bucket's counts since an earlier look at the same bucket (`then`): what happened in between.
 * Peaks, percentiles and staleness cannot be split so and keep the later look's values.
 */
export function countsSince(row: SeriesRow, then: SeriesRow): SeriesRow {
  const lookups = row.lookups - then.lookups;
  const hits = row.hits - then.hits;
  const missesByCause = { ...row.missesByCause };
  for (const cause of missCauses) missesByCause[cause] -= then.missesByCause[cause];
  return {
    ...row,
    lookups,
    hits,
    misses: row.misses - then.misses,
    missesByCause,
    hitRatio: ratio(hits, lookups) ?? 0,
    staleReads: row.staleReads - then.staleReads,
    evictions: row.evictions - then.evictions,
    expirations: row.expirations - then.expirations,
    invalidations: row.invalidations - then.invalidations,
    requests: row.requests - then.requests,
    databaseQueries: row.databaseQueries - then.databaseQueries,
    completed: row.completed - then.completed,
  };
}

/**
 * Whether a bucket is whole at `nowMs`: its end, capped at the run's end, has passed. A bucket in
 * progress has too little in it to read a ratio or a percentile from, so the charts leave it out.
 */
export function bucketIsWhole(startMs: number, bucketMs: number, nowMs: number, endMs = Infinity): boolean {
  return Math.min(startMs + bucketMs, endMs) <= nowMs;
}

/**
 * The latest time at or before `nowMs` at which the same buckets are whole (bucketIsWhole) as at
 * `nowMs`. Buckets start at multiples of `bucketMs`, so before the run's end that is the last bucket
 * boundary: what depends on it changes when a bucket closes, not every frame.
 */
export function wholeBucketsEndMs(nowMs: number, bucketMs: number, endMs: number): number {
  return nowMs >= endMs ? endMs : Math.floor(nowMs / bucketMs) * bucketMs;
}
