import { readFileSync } from 'node:fs';
import type { MissCause } from '../../../src/engine/events';
import type {
  LatencySummary,
  MetricsReport,
  SeriesRow,
  TierSummary,
} from '../../../src/engine/metrics/types';
import type { TierName } from '../../../src/engine/scenario/commandSchema';

/**
 * A metrics report built by hand, consistent the way the engine's must be: each tier's totals are
 * the sums of its series rows. Numbers are chosen to exercise formatting (fractions of a
 * millisecond, ratios with many digits, a tiny negative that must not print as -0).
 */
function seriesRow(startMs: number, tier: TierName | 'all', n: number): SeriesRow {
  const missesByCause: Record<MissCause, number> = {
    cold: n,
    capacity: 2 * n,
    expired: 1,
    invalidated: n % 3,
  };
  const misses = n + 2 * n + 1 + (n % 3);
  const hits = 7 * n + 3;
  const isAll = tier === 'all';
  return {
    startMs,
    tier,
    lookups: hits + misses,
    hits,
    misses,
    missesByCause,
    hitRatio: hits / (hits + misses),
    staleReads: n % 2,
    meanStalenessMs: 0,
    maxStalenessMs: 0,
    evictions: n,
    expirations: 1,
    invalidations: n % 3,
    requests: isAll ? 40 + n : 0,
    databaseQueries: isAll ? 5 + n : 0,
    databaseQueueMax: isAll ? n : 0,
    completed: isAll ? 30 + n : 0,
    p50Ms: 1.25 + n,
    p95Ms: 10 / 3,
    p99Ms: 100.0004,
  };
}

function latency(scale: number): LatencySummary {
  return {
    count: 100 * scale,
    meanMs: 2.5 * scale,
    p50Ms: 1 / 3,
    p95Ms: 9.87654,
    p99Ms: 20,
    maxMs: 123.4567,
  };
}

const bucketMs = 1000;
const tiersInReport: TierName[] = ['cdn', 'distributed', 'bufferPool'];

export function buildReport(): MetricsReport {
  const series: SeriesRow[] = [];
  // Deliberately out of order: the CSV sorts by bucket, then tier.
  for (const startMs of [2000, 0, 1000]) {
    series.push(seriesRow(startMs, 'all', startMs / 1000 + 1));
    for (const [i, tier] of tiersInReport.entries())
      series.push(seriesRow(startMs, tier, startMs / 1000 + i));
  }
  const tiers: TierSummary[] = tiersInReport.map((tier, i) => {
    const rows = series.filter((row) => row.tier === tier);
    const sum = (pick: (row: SeriesRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const lookups = sum((r) => r.lookups);
    const hits = sum((r) => r.hits);
    return {
      tier,
      enabled: true,
      entries: 10 * (i + 1),
      lookups,
      hits,
      misses: sum((r) => r.misses),
      missesByCause: {
        cold: sum((r) => r.missesByCause.cold),
        capacity: sum((r) => r.missesByCause.capacity),
        expired: sum((r) => r.missesByCause.expired),
        invalidated: sum((r) => r.missesByCause.invalidated),
      },
      staleHits: sum((r) => r.staleReads),
      fills: sum((r) => r.misses),
      evictions: sum((r) => r.evictions),
      expirations: sum((r) => r.expirations),
      invalidations: sum((r) => r.invalidations),
      hitRatio: hits / lookups,
    };
  });
  const all = series.filter((row) => row.tier === 'all');
  const requests = all.reduce((total, row) => total + row.requests, 0);
  return {
    nowMs: 2500,
    bucketMs,
    tiers,
    endToEnd: {
      requests,
      reads: requests - 7,
      writes: 7,
      completed: requests - 1,
      failed: 1,
      cacheHitRatio: 2 / 3,
      staleReads: all.reduce((total, row) => total + row.staleReads, 0),
      meanStalenessMs: -1e-9,
      maxStalenessMs: 1234.5678,
      latency: latency(1),
      readLatency: latency(2),
      writeLatency: latency(3),
      databaseReads: 11,
      databaseWrites: 7,
      databaseQueueMax: 3,
      lostWrites: 0,
      leaks: 2,
      loggedOut: 1,
      cacheNodeFailures: 0,
      droppedEvents: 0,
    },
    series,
  };
}

/** The counts a tier's summary row holds that are the sums of its time-series rows. */
export const tierCountColumns = [
  'lookups',
  'hits',
  'misses',
  'missesCold',
  'missesCapacity',
  'missesExpired',
  'missesInvalidated',
  'evictions',
  'expirations',
  'invalidations',
];

/**
 * The column names docs/csv.md lists in the table of one section (`## summary-tiers.csv`, ...), in order:
 * the first cell of each table row, in backticks.
 */
export function documentedColumns(section: string): string[] {
  const docs = readFileSync(new URL('../../../docs/csv.md', import.meta.url), 'utf8');
  const start = docs.indexOf(`\n## ${section}\n`);
  if (start < 0) throw new Error(`docs/csv.md has no section ${section}`);
  const end = docs.indexOf('\n## ', start + 1);
  const body = docs.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^\| `([^`]+)` +\|/gm)].map((match) => match[1]);
}
