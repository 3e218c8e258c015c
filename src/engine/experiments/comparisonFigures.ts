import { missCauses } from '../events';
import { perSecond, ratio } from '../metrics/seriesMath';
import type { EndToEnd, LatencySummary, MetricsReport, TierSummary } from '../metrics/types';
import { tierLabel } from '../tiers/tierRegistry';

/** How a figure reads: a count, a share, milliseconds, or a count per simulated second. */
export type FigureUnit = 'count' | 'ratio' | 'ms' | 'perSecond';

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

type Read<T> = (item: T) => number | null;
interface FigureDef<T> {
  label: string;
  unit: FigureUnit;
  read: Read<T>;
}

const latency = (name: string, pick: (e: EndToEnd) => LatencySummary): FigureDef<EndToEnd>[] => {
  const measured =
    (ms: (l: LatencySummary) => number): Read<EndToEnd> =>
    (e) =>
      pick(e).count > 0 ? ms(pick(e)) : null;
  return [
    { label: `${name}: mean`, unit: 'ms', read: measured((l) => l.meanMs) },
    { label: `${name}: p50`, unit: 'ms', read: measured((l) => l.p50Ms) },
    { label: `${name}: p95`, unit: 'ms', read: measured((l) => l.p95Ms) },
    { label: `${name}: p99`, unit: 'ms', read: measured((l) => l.p99Ms) },
    { label: `${name}: max`, unit: 'ms', read: measured((l) => l.maxMs) },
  ];
};

const stale =
  (ms: (e: EndToEnd) => number): Read<EndToEnd> =>
  (e) =>
    e.staleReads > 0 ? ms(e) : null;

/** The end-to-end summary's figures, in the order and with the meanings of summary-end-to-end.csv. */
const endToEndFigures: FigureDef<EndToEnd>[] = [
  { label: 'Requests', unit: 'count', read: (e) => e.requests },
  { label: 'Reads', unit: 'count', read: (e) => e.reads },
  { label: 'Writes', unit: 'count', read: (e) => e.writes },
  { label: 'Completed', unit: 'count', read: (e) => e.completed },
  { label: 'Failed', unit: 'count', read: (e) => e.failed },
  {
    label: 'Reads served from cache',
    unit: 'ratio',
    read: (e) => (e.readLatency.count > 0 ? e.cacheHitRatio : null),
  },
  { label: 'Stale reads', unit: 'count', read: (e) => e.staleReads },
  { label: 'Staleness: mean', unit: 'ms', read: stale((e) => e.meanStalenessMs) },
  { label: 'Staleness: max', unit: 'ms', read: stale((e) => e.maxStalenessMs) },
  ...latency('Latency', (e) => e.latency),
  ...latency('Read latency', (e) => e.readLatency),
  ...latency('Write latency', (e) => e.writeLatency),
  { label: 'DB reads', unit: 'count', read: (e) => e.databaseReads },
  { label: 'DB writes', unit: 'count', read: (e) => e.databaseWrites },
  { label: 'DB queue, longest', unit: 'count', read: (e) => e.databaseQueueMax },
  { label: 'Lost writes', unit: 'count', read: (e) => e.lostWrites },
  { label: 'Leaks', unit: 'count', read: (e) => e.leaks },
  { label: 'Logged out', unit: 'count', read: (e) => e.loggedOut },
  { label: 'Cache node failures', unit: 'count', read: (e) => e.cacheNodeFailures },
];

/** A tier's summary figures, in the order and with the meanings of summary-tiers.csv. */
const tierFigures: FigureDef<TierSummary>[] = [
  { label: 'hit ratio', unit: 'ratio', read: (t) => ratio(t.hits, t.lookups) },
  { label: 'entries', unit: 'count', read: (t) => t.entries },
  { label: 'lookups', unit: 'count', read: (t) => t.lookups },
  { label: 'hits', unit: 'count', read: (t) => t.hits },
  { label: 'misses', unit: 'count', read: (t) => t.misses },
  ...missCauses.map((cause) => ({
    label: `misses (${cause})`,
    unit: 'count' as const,
    read: (t: TierSummary) => t.missesByCause[cause],
  })),
  { label: 'stale hits', unit: 'count', read: (t) => t.staleHits },
  { label: 'fills', unit: 'count', read: (t) => t.fills },
  { label: 'evictions', unit: 'count', read: (t) => t.evictions },
  { label: 'expirations', unit: 'count', read: (t) => t.expirations },
  { label: 'invalidations', unit: 'count', read: (t) => t.invalidations },
];

function figure<T>(
  def: FigureDef<T>,
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
    ...endToEndFigures.map((def) => figure(def, ends)),
    ...tiers.flatMap((tier) => {
      const items = reports.map((r) => r.tiers.find((t) => t.tier === tier));
      return tierFigures.map((def) => figure(def, items, `${tierLabel(tier)}: ${def.label}`));
    }),
  ];
}
