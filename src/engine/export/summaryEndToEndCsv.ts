import type { EndToEnd, MetricsReport } from '../metrics/types';
import { endToEndFigures } from '../metrics/summaryFigures';
import { csvTable, figureColumn, type CsvColumn } from './csvText';

/** The end-to-end summary's columns; a comparison's CSV puts its variant column before them. */
export const summaryEndToEndColumns: readonly CsvColumn<EndToEnd>[] = endToEndFigures.map(figureColumn);

/** The end-to-end summary's columns, in order: the columns docs/csv.md describes. */
export const summaryEndToEndCsvColumns: readonly string[] = summaryEndToEndColumns.map(
  (column) => column.name,
);

/**
 * The end-to-end half of a run's summary as CSV: one row, the whole system as the users saw it and
 * what the database did. The per-tier figures are `summaryTiersCsv`'s.
 */
export function summaryEndToEndCsv(report: MetricsReport): string {
  return csvTable(summaryEndToEndColumns, [report.endToEnd]);
}
