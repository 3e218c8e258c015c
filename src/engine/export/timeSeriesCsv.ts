import { missCauses } from '../events';
import type { MetricsReport, SeriesRow } from '../metrics/types';
import { tierNames } from '../scenario/commandSchema';
import { csvText } from './csvText';
import { formatCount, formatMs, formatRatio } from './formatNumber';

interface SeriesColumn {
  name: string;
  value: (row: SeriesRow, endMs: number) => string;
}

const columns: SeriesColumn[] = [
  { name: 'startMs', value: (r) => formatMs(r.startMs) },
  { name: 'endMs', value: (_r, endMs) => formatMs(endMs) },
  { name: 'tier', value: (r) => r.tier },
  { name: 'lookups', value: (r) => formatCount(r.lookups) },
  { name: 'hits', value: (r) => formatCount(r.hits) },
  { name: 'misses', value: (r) => formatCount(r.misses) },
  ...missCauses.map((cause): SeriesColumn => ({
    name: `misses${cause[0].toUpperCase()}${cause.slice(1)}`,
    value: (r) => formatCount(r.missesByCause[cause]),
  })),
  { name: 'hitRatio', value: (r) => formatRatio(r.hitRatio) },
  { name: 'staleReads', value: (r) => formatCount(r.staleReads) },
  { name: 'evictions', value: (r) => formatCount(r.evictions) },
  { name: 'expirations', value: (r) => formatCount(r.expirations) },
  { name: 'invalidations', value: (r) => formatCount(r.invalidations) },
  { name: 'requests', value: (r) => formatCount(r.requests) },
  { name: 'databaseQueries', value: (r) => formatCount(r.databaseQueries) },
  { name: 'databaseQueueMax', value: (r) => formatCount(r.databaseQueueMax) },
  { name: 'p50Ms', value: (r) => formatMs(r.p50Ms) },
  { name: 'p95Ms', value: (r) => formatMs(r.p95Ms) },
  { name: 'p99Ms', value: (r) => formatMs(r.p99Ms) },
];

/** The time series' columns, in order: the columns docs/csv.md describes. */
export const timeSeriesCsvColumns: readonly string[] = columns.map((column) => column.name);

/** Row order within a bucket: the tiers from the client inward, then the whole system. */
const tierOrder = new Map<string, number>([...tierNames, 'all'].map((name, i) => [name, i]));

/**
 * The time series of a run as CSV: a row per time bucket per tier, and one for tier `all`. Rows are
 * sorted by bucket, then by tier from the client inward with `all` last, whatever order the report
 * keeps them in. The bucket in progress ends at the report's time.
 */
export function timeSeriesCsv(report: MetricsReport): string {
  const series = report.series
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) =>
        a.row.startMs - b.row.startMs ||
        (tierOrder.get(a.row.tier) ?? 99) - (tierOrder.get(b.row.tier) ?? 99) ||
        a.i - b.i,
    );
  const rows = series.map(({ row }) => {
    const endMs = Math.max(row.startMs, Math.min(row.startMs + report.bucketMs, report.nowMs));
    return columns.map((column) => column.value(row, endMs));
  });
  return csvText(timeSeriesCsvColumns, rows);
}
