import type { MetricsReport, TierSummary } from '../metrics/types';
import { tierFigures } from '../metrics/summaryFigures';
import { csvTable, figureColumn, type CsvColumn } from './csvText';

/** The per-tier summary's columns; a comparison's CSV puts its variant column before them. */
export const summaryTiersColumns: readonly CsvColumn<TierSummary>[] = [
  { name: 'tier', value: (t) => t.tier },
  { name: 'enabled', value: (t) => String(t.enabled) },
  ...tierFigures.map(figureColumn),
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
