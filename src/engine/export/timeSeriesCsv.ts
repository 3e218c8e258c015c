import { missCauses } from '../events';
import { bucketEndMs, perSecond } from '../metrics/seriesMath';
import type { MetricsReport, SeriesRow } from '../metrics/types';
import { tierNames } from '../tiers/tierNames';
import { csvTable, notApplicable, type CsvColumn } from './csvText';
import { csvCount, csvMs, csvRate, csvRatio } from '../format/csvNumbers';
import { missCauseColumn } from '../metrics/summaryFigures';

/** A row of the series and the time it covers: its bucket, or up to the report for the bucket in progress. */
interface Bucket {
  row: SeriesRow;
  endMs: number;
}

type Column = CsvColumn<Bucket>;

const onTiers = (row: SeriesRow) => row.tier !== 'all';
const onAll = (row: SeriesRow) => row.tier === 'all';
const always = (_row: SeriesRow) => true;

/**
 * A count and, beside it, the same count per second of the time the bucket covered (as the charts
 * show it); both empty on rows the count does not apply to.
 */
function counted(name: string, count: (row: SeriesRow) => number, appliesTo = always): Column[] {
  return [
    { name, value: ({ row }) => (appliesTo(row) ? csvCount(count(row)) : notApplicable) },
    {
      name: `${name}PerSecond`,
      value: ({ row, endMs }) => {
        const rate = appliesTo(row) ? perSecond(count(row), endMs - row.startMs) : null;
        return rate === null ? notApplicable : csvRate(rate);
      },
    },
  ];
}

/** A latency percentile of the requests answered in the bucket, on `all` rows that had some. */
const percentile =
  (ms: (row: SeriesRow) => number) =>
  ({ row }: Bucket): string =>
    onAll(row) && row.completed > 0 ? csvMs(ms(row)) : notApplicable;

const columns: Column[] = [
  { name: 'startMs', value: ({ row }) => csvMs(row.startMs) },
  { name: 'endMs', value: ({ endMs }) => csvMs(endMs) },
  { name: 'tier', value: ({ row }) => row.tier },
  ...counted('lookups', (r) => r.lookups),
  ...counted('hits', (r) => r.hits),
  ...counted('misses', (r) => r.misses),
  // The whole system's misses are reads no tier answered; they have no single cause.
  ...missCauses.flatMap((cause) => counted(missCauseColumn(cause), (r) => r.missesByCause[cause], onTiers)),
  { name: 'hitRatio', value: ({ row }) => (row.lookups > 0 ? csvRatio(row.hitRatio) : notApplicable) },
  ...counted('staleReads', (r) => r.staleReads),
  ...counted('evictions', (r) => r.evictions),
  ...counted('expirations', (r) => r.expirations),
  ...counted('invalidations', (r) => r.invalidations),
  ...counted('requests', (r) => r.requests, onAll),
  ...counted('databaseQueries', (r) => r.databaseQueries, onAll),
  {
    name: 'databaseQueueMax',
    value: ({ row }) => (onAll(row) ? csvCount(row.databaseQueueMax) : notApplicable),
  },
  ...counted('completed', (r) => r.completed, onAll),
  { name: 'p50Ms', value: percentile((r) => r.p50Ms) },
  { name: 'p95Ms', value: percentile((r) => r.p95Ms) },
  { name: 'p99Ms', value: percentile((r) => r.p99Ms) },
];

/** The time series' columns, in order: the columns docs/csv.md describes. */
export const timeSeriesCsvColumns: readonly string[] = columns.map((column) => column.name);

/** Row order within a bucket: the tiers from the client inward, then the whole system. */
const tierOrder = new Map<string, number>([...tierNames, 'all'].map((name, i) => [name, i]));

/**
 * The time series of a run as CSV: a row per time bucket per tier, and one for tier `all`. Rows are
 * sorted by bucket, then by tier from the client inward with `all` last, whatever order the report
 * keeps them in. The bucket in progress ends at the report's time, and its rates are over that part.
 */
export function timeSeriesCsv(report: MetricsReport): string {
  const buckets = report.series
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) =>
        a.row.startMs - b.row.startMs ||
        (tierOrder.get(a.row.tier) ?? 99) - (tierOrder.get(b.row.tier) ?? 99) ||
        a.i - b.i,
    )
    .map(({ row }): Bucket => ({ row, endMs: bucketEndMs(row.startMs, report.bucketMs, report.nowMs) }));
  return csvTable(columns, buckets);
}
