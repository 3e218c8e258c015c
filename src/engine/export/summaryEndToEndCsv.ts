import type { EndToEnd, LatencySummary, MetricsReport } from '../metrics/types';
import { csvTable, notApplicable, type CsvColumn } from './csvText';
import { formatCount, formatMs, formatRatio } from './formatNumber';

type Column = CsvColumn<EndToEnd>;

/** Count, mean, percentiles and maximum of some latencies; all but the count empty when there were none. */
function latencyColumns(prefix: string, pick: (figures: EndToEnd) => LatencySummary): Column[] {
  const measured =
    (ms: (latency: LatencySummary) => number) =>
    (e: EndToEnd): string =>
      pick(e).count > 0 ? formatMs(ms(pick(e))) : notApplicable;
  return [
    { name: `${prefix}Count`, value: (e) => formatCount(pick(e).count) },
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
    e.staleReads > 0 ? formatMs(ms(e)) : notApplicable;

const columns: Column[] = [
  { name: 'requests', value: (e) => formatCount(e.requests) },
  { name: 'reads', value: (e) => formatCount(e.reads) },
  { name: 'writes', value: (e) => formatCount(e.writes) },
  { name: 'completed', value: (e) => formatCount(e.completed) },
  { name: 'failed', value: (e) => formatCount(e.failed) },
  // Reads served from cache over completed reads; every completed read has a latency, so with
  // none the share has no meaning.
  {
    name: 'cacheHitRatio',
    value: (e) => (e.readLatency.count > 0 ? formatRatio(e.cacheHitRatio) : notApplicable),
  },
  { name: 'staleReads', value: (e) => formatCount(e.staleReads) },
  { name: 'meanStalenessMs', value: staleness((e) => e.meanStalenessMs) },
  { name: 'maxStalenessMs', value: staleness((e) => e.maxStalenessMs) },
  ...latencyColumns('latency', (e) => e.latency),
  ...latencyColumns('readLatency', (e) => e.readLatency),
  ...latencyColumns('writeLatency', (e) => e.writeLatency),
  { name: 'databaseReads', value: (e) => formatCount(e.databaseReads) },
  { name: 'databaseWrites', value: (e) => formatCount(e.databaseWrites) },
  { name: 'databaseQueueMax', value: (e) => formatCount(e.databaseQueueMax) },
  { name: 'lostWrites', value: (e) => formatCount(e.lostWrites) },
  { name: 'leaks', value: (e) => formatCount(e.leaks) },
  { name: 'loggedOut', value: (e) => formatCount(e.loggedOut) },
  { name: 'cacheNodeFailures', value: (e) => formatCount(e.cacheNodeFailures) },
  { name: 'droppedEvents', value: (e) => formatCount(e.droppedEvents) },
];

/** The end-to-end summary's columns, in order: the columns docs/csv.md describes. */
export const summaryEndToEndCsvColumns: readonly string[] = columns.map((column) => column.name);

/**
 * The end-to-end half of a run's summary as CSV: one row, the whole system as the users saw it and
 * what the database did. The per-tier figures are `summaryTiersCsv`'s.
 */
export function summaryEndToEndCsv(report: MetricsReport): string {
  return csvTable(columns, [report.endToEnd]);
}
