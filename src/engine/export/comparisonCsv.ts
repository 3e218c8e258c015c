import type { ComparisonVariant } from '../experiments/planComparison';
import { commandsForVariant } from '../experiments/variantCommands';
import type { EndToEnd, MetricsReport, TierSummary } from '../metrics/types';
import { runToEnd } from '../run/runToEnd';
import type { TimedCommand } from '../scenario/commandSchema';
import { csvTable, type CsvColumn } from './csvText';
import { summaryEndToEndColumns } from './summaryEndToEndCsv';
import { summaryTiersColumns } from './summaryTiersCsv';

/** One row of a comparison's table: a variant's name and one of its figures' records. */
interface VariantRow<T> {
  variant: string;
  item: T;
}

/** A variant's summary as the comparison's files read it. */
export interface VariantReport {
  name: string;
  report: MetricsReport;
}

/** The summary's own columns, after a first column naming the variant: the same bytes per field. */
function withVariant<T>(columns: readonly CsvColumn<T>[]): CsvColumn<VariantRow<T>>[] {
  return [
    { name: 'variant', value: (row) => row.variant },
    ...columns.map((column) => ({
      name: column.name,
      value: (row: VariantRow<T>) => column.value(row.item),
    })),
  ];
}

const tierColumns = withVariant<TierSummary>(summaryTiersColumns);
const endToEndColumns = withVariant<EndToEnd>(summaryEndToEndColumns);

/** The comparison's per-tier CSV's columns, in order (docs/csv.md). */
export const comparisonTiersCsvColumns: readonly string[] = tierColumns.map((column) => column.name);
/** The comparison's end-to-end CSV's columns, in order (docs/csv.md). */
export const comparisonEndToEndCsvColumns: readonly string[] = endToEndColumns.map((column) => column.name);

/** A row per variant and tier, variants in order and each variant's tiers in its report's order. */
export function comparisonTiersCsv(variants: readonly VariantReport[]): string {
  return csvTable(
    tierColumns,
    variants.flatMap((v) => v.report.tiers.map((item) => ({ variant: v.name, item }))),
  );
}

/** A row per variant: the whole system as its users saw it. */
export function comparisonEndToEndCsv(variants: readonly VariantReport[]): string {
  return csvTable(
    endToEndColumns,
    variants.map((v) => ({ variant: v.name, item: v.report.endToEnd })),
  );
}

/** A comparison's two CSV files. */
export interface ComparisonCsv {
  summaryTiers: string;
  summaryEndToEnd: string;
}

/**
 * Replays every variant with the comparison's one command log (the part that reaches it) up to `untilMs`, each in a fresh
 * engine as exportRun does, so each variant's rows are the bytes of that variant run alone.
 */
export function exportComparison(
  variants: readonly ComparisonVariant[],
  commands: readonly TimedCommand[],
  untilMs: number,
): ComparisonCsv {
  const reports = variants.map((v) => ({
    name: v.name,
    report: runToEnd(v.scenario, commandsForVariant(commands, v.scenario), {
      untilMs: Math.min(untilMs, v.scenario.durationMs),
    }).metrics(),
  }));
  return { summaryTiers: comparisonTiersCsv(reports), summaryEndToEnd: comparisonEndToEndCsv(reports) };
}
