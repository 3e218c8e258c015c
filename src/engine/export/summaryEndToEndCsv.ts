import type { EndToEnd, LatencySummary, MetricsReport } from '../metrics/types';
import { csvTable, notApplicable, type CsvColumn } from './csvText';
import { csvCount, csvMs, csvRatio } from '../format/csvNumbers';

type Column = CsvColumn<EndToEnd>;

/** Count, mean, percentiles and maximum of some latencies; all but the count empty when there were none. */
function latencyColumns(prefix: string, pick: (figures: EndToEnd) => LatencySummary): Column[] {
  const measured =
    (ms: (latency: LatencySummary) => number) =>
    (e: EndToEnd): string =>
      pick(e).count > 0 ? csvMs(ms(pick(e))) : notApplicable;
  return [
    { name: `${prefix}Count`, value: (e) => csvCount(pick(e).count) },
    { name: `${prefix}MeanMs`, value: measured((l) => l.meanMs) },
    { name: `${prefix}P50Ms`, value: measured((l) => l.p50Ms) },
    { name: `${prefix}P95Ms`, value: measured((l) => l.p95Ms) },
    { name: `${prefix}P99Ms`, value: measured((l) => l.p99Ms) },
    { name: `${prefix}MaxMs`, value: measured((l) => l.maxMs) },
  ];
}

/** Staleness over the stale reads, empty when no read was stale. */
const staleness =
  (ms: (e: EndToEnd) => number) =>
  (e: EndToEnd): string =>
    e.staleReads > 0 ? csvMs(ms(e)) : notApplicable;

/** The end-to-end summary's columns; a comparison's CSV puts its variant column before them. */
export const summaryEndToEndColumns: readonly Column[] = [
  { name: 'requests', value: (e) => csvCount(e.requests) },
  { name: 'reads', value: (e) => csvCount(e.reads) },
  { name: 'writes', value: (e) => csvCount(e.writes) },
  { name: 'completed', value: (e) => csvCount(e.completed) },
  { name: 'failed', value: (e) => csvCount(e.failed) },
  // Reads served from cache over completed reads; every completed read has a latency, so with
  // none the share has no meaning.
  {
    name: 'cacheHitRatio',
    value: (e) => (e.readLatency.count > 0 ? csvRatio(e.cacheHitRatio) : notApplicable),
  },
  { name: 'staleReads', value: (e) => csvCount(e.staleReads) },
  { name: 'meanStalenessMs', value: staleness((e) => e.meanStalenessMs) },
  { name: 'maxStalenessMs', value: staleness((e) => e.maxStalenessMs) },
  ...latencyColumns('latency', (e) => e.latency),
  ...latencyColumns('readLatency', (e) => e.readLatency),
  ...latencyColumns('writeLatency', (e) => e.writeLatency),
  { name: 'databaseReads', value: (e) => csvCount(e.databaseReads) },
  { name: 'databaseWrites', value: (e) => csvCount(e.databaseWrites) },
  { name: 'databaseQueueMax', value: (e) => csvCount(e.databaseQueueMax) },
  { name: 'lostWrites', value: (e) => csvCount(e.lostWrites) },
  { name: 'leaks', value: (e) => csvCount(e.leaks) },
  { name: 'loggedOut', value: (e) => csvCount(e.loggedOut) },
  { name: 'cacheNodeFailures', value: (e) => csvCount(e.cacheNodeFailures) },
  { name: 'droppedEvents', value: (e) => csvCount(e.droppedEvents) },
];

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
