import { missCauses, type MissCause } from '../events';
import type { MetricsReport, TierSummary } from '../metrics/types';
import { csvTable, notApplicable, type CsvColumn } from './csvText';
import { csvCount, csvRatio } from '../format/csvNumbers';

/** `cold` → `missesCold`: the column of one miss cause, in the summary and the time series. */
export const missCauseColumn = (cause: MissCause) => `misses${cause[0].toUpperCase()}${cause.slice(1)}`;

/** The per-tier summary's columns; a comparison's CSV puts its variant column before them. */
export const summaryTiersColumns: readonly CsvColumn<TierSummary>[] = [
  { name: 'tier', value: (t) => t.tier },
  { name: 'enabled', value: (t) => String(t.enabled) },
  { name: 'entries', value: (t) => csvCount(t.entries) },
  { name: 'lookups', value: (t) => csvCount(t.lookups) },
  { name: 'hits', value: (t) => csvCount(t.hits) },
  { name: 'misses', value: (t) => csvCount(t.misses) },
  ...missCauses.map((cause) => ({
    name: missCauseColumn(cause),
    value: (t: TierSummary) => csvCount(t.missesByCause[cause]),
  })),
  // A tier that was never asked (switched off, or not on the path) has no hit ratio, not one of 0.
  { name: 'hitRatio', value: (t) => (t.lookups > 0 ? csvRatio(t.hitRatio) : notApplicable) },
  { name: 'staleHits', value: (t) => csvCount(t.staleHits) },
  { name: 'fills', value: (t) => csvCount(t.fills) },
  { name: 'evictions', value: (t) => csvCount(t.evictions) },
  { name: 'expirations', value: (t) => csvCount(t.expirations) },
  { name: 'invalidations', value: (t) => csvCount(t.invalidations) },
];

/** The per-tier summary's columns, in order: the columns docs/csv.md describes. */
export const summaryTiersCsvColumns: readonly string[] = summaryTiersColumns.map((column) => column.name);

/**
 * The per-tier half of a run's summary as CSV: a row per cache tier, in the report's order, every
 * column meaning the same on every row. The end-to-end figures are `summaryEndToEndCsv`'s.
 */
export function summaryTiersCsv(report: MetricsReport): string {
  return csvTable(summaryTiersColumns, report.tiers);
}
