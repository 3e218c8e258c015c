import { missCauses, type MissCause } from '../events';
import type { EndToEnd, LatencySummary, TierSummary } from './types';

/** How a figure reads: a count, a share, milliseconds, or a count per simulated second. */
export type FigureUnit = 'count' | 'ratio' | 'ms' | 'perSecond';

/**
 * One figure of a run's summary, defined once for every place that shows it: the summary CSVs
 * (`name` is the column), a comparison's table (`label` is the row) and its CSVs.
 */
export interface SummaryFigure<T> {
  /** The CSV column (docs/csv.md). */
  name: string;
  /** What a person reads beside it. */
  label: string;
  unit: FigureUnit;
  /** The figure, or null where it has no meaning (a hit ratio with no lookups): an empty field. */
  read: (item: T) => number | null;
  /**
   * False for a figure the files keep and the screen's table leaves out: a latency's count (the
   * table's Completed, Reads and Writes say it) and the animation's dropped events.
   */
  onScreen?: false;
}

/** `cold` → `missesCold`: the column of one miss cause, in the summary and the time series. */
export const missCauseColumn = (cause: MissCause) => `misses${cause[0].toUpperCase()}${cause.slice(1)}`;

/** Count, mean, percentiles and maximum of some latencies; all but the count empty when there were none. */
function latencyFigures(
  prefix: string,
  label: string,
  pick: (e: EndToEnd) => LatencySummary,
): SummaryFigure<EndToEnd>[] {
  const measured =
    (ms: (latency: LatencySummary) => number) =>
    (e: EndToEnd): number | null =>
      pick(e).count > 0 ? ms(pick(e)) : null;
  return [
    {
      name: `${prefix}Count`,
      label: `${label}: count`,
      unit: 'count',
      read: (e) => pick(e).count,
      onScreen: false,
    },
    { name: `${prefix}MeanMs`, label: `${label}: mean`, unit: 'ms', read: measured((l) => l.meanMs) },
    { name: `${prefix}P50Ms`, label: `${label}: p50`, unit: 'ms', read: measured((l) => l.p50Ms) },
    { name: `${prefix}P95Ms`, label: `${label}: p95`, unit: 'ms', read: measured((l) => l.p95Ms) },
    { name: `${prefix}P99Ms`, label: `${label}: p99`, unit: 'ms', read: measured((l) => l.p99Ms) },
    { name: `${prefix}MaxMs`, label: `${label}: max`, unit: 'ms', read: measured((l) => l.maxMs) },
  ];
}

/** Staleness over the stale reads, empty when no read was stale. */
const staleness =
  (ms: (e: EndToEnd) => number) =>
  (e: EndToEnd): number | null =>
    e.staleReads > 0 ? ms(e) : null;

/** The whole system as its users saw it and what the database did, in summary-end-to-end.csv's order. */
export const endToEndFigures: readonly SummaryFigure<EndToEnd>[] = [
  { name: 'requests', label: 'Requests', unit: 'count', read: (e) => e.requests },
  { name: 'reads', label: 'Reads', unit: 'count', read: (e) => e.reads },
  { name: 'writes', label: 'Writes', unit: 'count', read: (e) => e.writes },
  { name: 'completed', label: 'Completed', unit: 'count', read: (e) => e.completed },
  { name: 'failed', label: 'Failed', unit: 'count', read: (e) => e.failed },
  // Reads served from cache over completed reads; every completed read has a latency, so with
  // none the share has no meaning.
  {
    name: 'cacheHitRatio',
    label: 'Reads served from cache',
    unit: 'ratio',
    read: (e) => (e.readLatency.count > 0 ? e.cacheHitRatio : null),
  },
  { name: 'staleReads', label: 'Stale reads', unit: 'count', read: (e) => e.staleReads },
  {
    name: 'meanStalenessMs',
    label: 'Staleness: mean',
    unit: 'ms',
    read: staleness((e) => e.meanStalenessMs),
  },
  { name: 'maxStalenessMs', label: 'Staleness: max', unit: 'ms', read: staleness((e) => e.maxStalenessMs) },
  ...latencyFigures('latency', 'Latency', (e) => e.latency),
  ...latencyFigures('readLatency', 'Read latency', (e) => e.readLatency),
  ...latencyFigures('writeLatency', 'Write latency', (e) => e.writeLatency),
  { name: 'databaseReads', label: 'DB reads', unit: 'count', read: (e) => e.databaseReads },
  { name: 'databaseWrites', label: 'DB writes', unit: 'count', read: (e) => e.databaseWrites },
  { name: 'databaseQueueMax', label: 'DB queue, longest', unit: 'count', read: (e) => e.databaseQueueMax },
  { name: 'lostWrites', label: 'Lost writes', unit: 'count', read: (e) => e.lostWrites },
  { name: 'leaks', label: 'Leaks', unit: 'count', read: (e) => e.leaks },
  { name: 'loggedOut', label: 'Logged out', unit: 'count', read: (e) => e.loggedOut },
  {
    name: 'cacheNodeFailures',
    label: 'Cache node failures',
    unit: 'count',
    read: (e) => e.cacheNodeFailures,
  },
  {
    name: 'droppedEvents',
    label: 'Dropped events',
    unit: 'count',
    read: (e) => e.droppedEvents,
    onScreen: false,
  },
];

/** One tier's figures, in summary-tiers.csv's order (after its `tier` and `enabled` columns). */
export const tierFigures: readonly SummaryFigure<TierSummary>[] = [
  { name: 'entries', label: 'entries', unit: 'count', read: (t) => t.entries },
  { name: 'lookups', label: 'lookups', unit: 'count', read: (t) => t.lookups },
  { name: 'hits', label: 'hits', unit: 'count', read: (t) => t.hits },
  { name: 'misses', label: 'misses', unit: 'count', read: (t) => t.misses },
  ...missCauses.map((cause): SummaryFigure<TierSummary> => ({
    name: missCauseColumn(cause),
    label: `misses (${cause})`,
    unit: 'count',
    read: (t) => t.missesByCause[cause],
  })),
  // A tier that was never asked (switched off, or not on the path) has no hit ratio, not one of 0.
  { name: 'hitRatio', label: 'hit ratio', unit: 'ratio', read: (t) => (t.lookups > 0 ? t.hitRatio : null) },
  { name: 'staleHits', label: 'stale hits', unit: 'count', read: (t) => t.staleHits },
  { name: 'fills', label: 'fills', unit: 'count', read: (t) => t.fills },
  { name: 'evictions', label: 'evictions', unit: 'count', read: (t) => t.evictions },
  { name: 'expirations', label: 'expirations', unit: 'count', read: (t) => t.expirations },
  { name: 'invalidations', label: 'invalidations', unit: 'count', read: (t) => t.invalidations },
];
