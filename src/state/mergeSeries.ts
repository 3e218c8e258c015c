import type { SeriesRow } from '../engine/metrics/types';

/** Time-series buckets kept for the charts (older ones scroll out; the CSV export has them all). */
export const seriesWindowBuckets = 300;

/**
 * Replaces the rows from `fromMs` on with the new ones and keeps the last seriesWindowBuckets buckets.
 */
export function mergeSeries(current: SeriesRow[], fromMs: number, rows: SeriesRow[]): SeriesRow[] {
  let cut = current.length;
  while (cut > 0 && current[cut - 1].startMs >= fromMs) cut--;
  const merged = cut === current.length ? current.concat(rows) : current.slice(0, cut).concat(rows);
  const buckets = new Set<number>();
  let first = merged.length;
  while (first > 0) {
    const start = merged[first - 1].startMs;
    if (!buckets.has(start)) {
      if (buckets.size === seriesWindowBuckets) break;
      buckets.add(start);
    }
    first--;
  }
  return first === 0 ? merged : merged.slice(first);
}
