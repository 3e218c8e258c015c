import { perSecond } from '../metrics/seriesMath';
import { endToEndFigures, tierFigures, type FigureUnit, type SummaryFigure } from '../metrics/summaryFigures';
import type { MetricsReport } from '../metrics/types';
import { tierLabel } from '../tiers/tierRegistry';

export type { FigureUnit } from '../metrics/summaryFigures';

/** One row of a comparison's table: a summary figure for every variant and its difference from the first. */
export interface ComparisonFigure {
  label: string;
  unit: FigureUnit;
  /** Per variant; null where the figure has no meaning (a hit ratio with no lookups), as the CSV leaves it empty. */
  values: (number | null)[];
  /** Each value minus the first variant's; null for the first, and where either has no value. */
  differences: (number | null)[];
}

/** The figures a variant's panel leads with. */
export interface Headline {
  readsServedFromCache: number | null;
  p95LatencyMs: number | null;
  databaseQueriesPerSecond: number | null;
  staleReads: number;
}

/** What a variant's panel shows above its topology, over the run so far. */
export function headlineOf(report: MetricsReport): Headline {
  const e = report.endToEnd;
  return {
    readsServedFromCache: e.readLatency.count > 0 ? e.cacheHitRatio : null,
    p95LatencyMs: e.latency.count > 0 ? e.latency.p95Ms : null,
    databaseQueriesPerSecond: perSecond(e.databaseReads + e.databaseWrites, report.nowMs),
    staleReads: e.staleReads,
  };
}

/** The table's rows: the summary's figures a person reads, a tier's shares before its counts. */
const onScreen = <T>(figures: readonly SummaryFigure<T>[]) => figures.filter((f) => f.onScreen !== false);
const endToEndRows = onScreen(endToEndFigures);
const tierRows = [
  ...onScreen(tierFigures).filter((f) => f.unit === 'ratio'),
  ...onScreen(tierFigures).filter((f) => f.unit !== 'ratio'),
];

function figure<T>(
  def: SummaryFigure<T>,
  items: readonly (T | undefined)[],
  label = def.label,
): ComparisonFigure {
  const values = items.map((item) => (item === undefined ? null : def.read(item)));
  const first = values[0];
  return {
    label,
    unit: def.unit,
    values,
    differences: values.map((v, i) => (i === 0 || v === null || first === null ? null : v - first)),
  };
}

/**
 * Every summary figure of every variant, as one table: the end-to-end figures, then each tier that
 * some variant has on or used. Variants in the order given; the first is the one the others differ from.
 */
export function comparisonFigures(reports: readonly MetricsReport[]): ComparisonFigure[] {
  const ends = reports.map((r) => r.endToEnd);
  const tiers = (reports[0]?.tiers ?? [])
    .map((t) => t.tier)
    .filter((tier) =>
      reports.some((r) => r.tiers.some((t) => t.tier === tier && (t.enabled || t.lookups > 0))),
    );
  return [
    ...endToEndRows.map((def) => figure(def, ends)),
    ...tiers.flatMap((tier) => {
      const items = reports.map((r) => r.tiers.find((t) => t.tier === tier));
      return tierRows.map((def) => figure(def, items, `${tierLabel(tier)}: ${def.label}`));
    }),
  ];
}
