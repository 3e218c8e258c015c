import { missCauses, type MissCause } from '../events';
import type { EndToEnd, LatencySummary, MetricsReport, TierSummary } from '../metrics/types';
import { csvText } from './csvText';
import { formatCount, formatMs, formatRatio } from './formatNumber';

/**
 * One column of the summary: how a tier's row fills it and how the end-to-end row does. A column
 * that means nothing for a kind of row is left empty there. docs/csv.md documents each one.
 */
interface SummaryColumn {
  name: string;
  tier?: (tier: TierSummary) => string;
  endToEnd?: (figures: EndToEnd) => string;
}

const capitalised = (cause: MissCause) => cause[0].toUpperCase() + cause.slice(1);

function latencyColumns(prefix: string, pick: (figures: EndToEnd) => LatencySummary): SummaryColumn[] {
  return [
    { name: `${prefix}Count`, endToEnd: (e) => formatCount(pick(e).count) },
    { name: `${prefix}MeanMs`, endToEnd: (e) => formatMs(pick(e).meanMs) },
    { name: `${prefix}P50Ms`, endToEnd: (e) => formatMs(pick(e).p50Ms) },
    { name: `${prefix}P95Ms`, endToEnd: (e) => formatMs(pick(e).p95Ms) },
    { name: `${prefix}P99Ms`, endToEnd: (e) => formatMs(pick(e).p99Ms) },
    { name: `${prefix}MaxMs`, endToEnd: (e) => formatMs(pick(e).maxMs) },
  ];
}

const columns: SummaryColumn[] = [
  { name: 'scope', tier: (t) => t.tier, endToEnd: () => 'end-to-end' },
  { name: 'enabled', tier: (t) => String(t.enabled) },
  { name: 'entries', tier: (t) => formatCount(t.entries) },
  { name: 'lookups', tier: (t) => formatCount(t.lookups) },
  { name: 'hits', tier: (t) => formatCount(t.hits) },
  { name: 'misses', tier: (t) => formatCount(t.misses) },
  ...missCauses.map((cause): SummaryColumn => ({
    name: `misses${capitalised(cause)}`,
    tier: (t) => formatCount(t.missesByCause[cause]),
  })),
  { name: 'hitRatio', tier: (t) => formatRatio(t.hitRatio) },
  { name: 'staleHits', tier: (t) => formatCount(t.staleHits) },
  { name: 'fills', tier: (t) => formatCount(t.fills) },
  { name: 'evictions', tier: (t) => formatCount(t.evictions) },
  { name: 'expirations', tier: (t) => formatCount(t.expirations) },
  { name: 'invalidations', tier: (t) => formatCount(t.invalidations) },
  { name: 'requests', endToEnd: (e) => formatCount(e.requests) },
  { name: 'reads', endToEnd: (e) => formatCount(e.reads) },
  { name: 'writes', endToEnd: (e) => formatCount(e.writes) },
  { name: 'completed', endToEnd: (e) => formatCount(e.completed) },
  { name: 'failed', endToEnd: (e) => formatCount(e.failed) },
  { name: 'cacheHitRatio', endToEnd: (e) => formatRatio(e.cacheHitRatio) },
  { name: 'staleReads', endToEnd: (e) => formatCount(e.staleReads) },
  { name: 'meanStalenessMs', endToEnd: (e) => formatMs(e.meanStalenessMs) },
  { name: 'maxStalenessMs', endToEnd: (e) => formatMs(e.maxStalenessMs) },
  ...latencyColumns('latency', (e) => e.latency),
  ...latencyColumns('readLatency', (e) => e.readLatency),
  ...latencyColumns('writeLatency', (e) => e.writeLatency),
  { name: 'databaseReads', endToEnd: (e) => formatCount(e.databaseReads) },
  { name: 'databaseWrites', endToEnd: (e) => formatCount(e.databaseWrites) },
  { name: 'databaseQueueMax', endToEnd: (e) => formatCount(e.databaseQueueMax) },
  { name: 'lostWrites', endToEnd: (e) => formatCount(e.lostWrites) },
  { name: 'leaks', endToEnd: (e) => formatCount(e.leaks) },
  { name: 'loggedOut', endToEnd: (e) => formatCount(e.loggedOut) },
  { name: 'cacheNodeFailures', endToEnd: (e) => formatCount(e.cacheNodeFailures) },
  { name: 'droppedEvents', endToEnd: (e) => formatCount(e.droppedEvents) },
];

/** The summary's columns, in order: the columns docs/csv.md describes. */
export const summaryCsvColumns: readonly string[] = columns.map((column) => column.name);

/**
 * The summary of a run as CSV: a row per cache tier (in the report's order), then one row for the
 * whole system from the users' side (scope `end-to-end`).
 */
export function summaryCsv(report: MetricsReport): string {
  const rows = report.tiers.map((tier) => columns.map((column) => (column.tier ? column.tier(tier) : '')));
  rows.push(columns.map((column) => (column.endToEnd ? column.endToEnd(report.endToEnd) : '')));
  return csvText(summaryCsvColumns, rows);
}
