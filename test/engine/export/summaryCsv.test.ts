import { csvParse, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import {
  summaryEndToEndCsv,
  summaryEndToEndCsvColumns,
  summaryTiersCsv,
  summaryTiersCsvColumns,
  timeSeriesCsv,
} from '../../../src/engine/export';
import type { MetricsReport } from '../../../src/engine/metrics/types';
import { buildReport, documentedColumns, tierCountColumns } from './reportFixture';

const header = (csv: string) => csv.slice(0, csv.indexOf('\n'));

/** The report after a run with no completed request yet, and the CDN switched off and never asked. */
function quietReport(): MetricsReport {
  const report = buildReport();
  Object.assign(report.tiers[0], { enabled: false, lookups: 0, hits: 0, misses: 0, hitRatio: 0 });
  const none = { count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
  Object.assign(report.endToEnd, {
    completed: 0,
    cacheHitRatio: 0,
    staleReads: 0,
    meanStalenessMs: 0,
    maxStalenessMs: 0,
    latency: none,
    readLatency: none,
    writeLatency: none,
  });
  return report;
}

describe('summary per tier', () => {
  it('writes the header exactly as docs/csv.md documents it', () => {
    expect(documentedColumns('summary-tiers.csv')).toEqual(summaryTiersCsvColumns);
    expect(header(summaryTiersCsv(buildReport()))).toBe(summaryTiersCsvColumns.join(','));
  });

  it('writes a row per tier in the report order, each ended by \\n, with every cell filled', () => {
    const csv = summaryTiersCsv(buildReport());
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
    const rows = csvParseRows(csv.slice(0, -1));
    expect(rows.map((row) => row[0])).toEqual(['tier', 'cdn', 'distributed', 'bufferPool']);
    for (const row of rows) {
      expect(row).toHaveLength(summaryTiersCsvColumns.length);
      expect(row).not.toContain('');
    }
  });

  it('parses back to the report figures, with fixed decimals', () => {
    const report = buildReport();
    const distributed = csvParse(summaryTiersCsv(report)).find((row) => row.tier === 'distributed')!;
    const tier = report.tiers.find((t) => t.tier === 'distributed')!;
    expect(Number(distributed.hits)).toBe(tier.hits);
    expect(Number(distributed.missesCapacity)).toBe(tier.missesByCause.capacity);
    expect(distributed.hitRatio).toBe(tier.hitRatio.toFixed(6));
    expect(distributed.enabled).toBe('true');
  });

  it('leaves the hit ratio of a tier that had no lookups empty, not 0.000000', () => {
    const rows = csvParse(summaryTiersCsv(quietReport()));
    expect(rows[0]).toMatchObject({ tier: 'cdn', enabled: 'false', lookups: '0', hitRatio: '' });
    expect(rows[1].hitRatio).not.toBe('');
  });
});

describe('summary end to end', () => {
  it('writes the header exactly as docs/csv.md documents it, and one row', () => {
    const csv = summaryEndToEndCsv(buildReport());
    expect(documentedColumns('summary-end-to-end.csv')).toEqual(summaryEndToEndCsvColumns);
    expect(header(csv)).toBe(summaryEndToEndCsvColumns.join(','));
    const rows = csvParseRows(csv.slice(0, -1));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveLength(summaryEndToEndCsvColumns.length);
    expect(rows[1]).not.toContain('');
  });

  it('parses back to the report figures, with fixed decimals and no -0', () => {
    const report = buildReport();
    const [endToEnd] = csvParse(summaryEndToEndCsv(report));
    expect(endToEnd.cacheHitRatio).toBe('0.666667');
    expect(endToEnd.latencyP50Ms).toBe('0.333');
    expect(endToEnd.readLatencyCount).toBe('200');
    expect(endToEnd.writeLatencyMeanMs).toBe('7.500');
    expect(endToEnd.maxStalenessMs).toBe('1234.568');
    expect(endToEnd.meanStalenessMs).toBe('0.000');
    expect(Number(endToEnd.requests)).toBe(report.endToEnd.requests);
  });

  it('leaves empty what has nothing to measure: latency with no requests, reads served from cache with no reads, staleness with no stale read', () => {
    const [endToEnd] = csvParse(summaryEndToEndCsv(quietReport()));
    for (const prefix of ['latency', 'readLatency', 'writeLatency']) {
      expect(endToEnd[`${prefix}Count`]).toBe('0');
      for (const figure of ['MeanMs', 'P50Ms', 'P95Ms', 'P99Ms', 'MaxMs']) {
        expect(endToEnd[`${prefix}${figure}`], `${prefix}${figure}`).toBe('');
      }
    }
    expect(endToEnd.cacheHitRatio).toBe('');
    expect(endToEnd.staleReads).toBe('0');
    expect([endToEnd.meanStalenessMs, endToEnd.maxStalenessMs]).toEqual(['', '']);
    expect(endToEnd.completed).toBe('0');
  });
});

describe('the summary files', () => {
  it('give totals equal to the sums of the time series, read back from the CSV files', () => {
    const report = buildReport();
    const tiers = csvParse(summaryTiersCsv(report));
    const [endToEnd] = csvParse(summaryEndToEndCsv(report));
    const series = csvParse(timeSeriesCsv(report));
    const sumOf = (tier: string, column: string) =>
      series.filter((row) => row.tier === tier).reduce((total, row) => total + Number(row[column]), 0);
    for (const row of tiers) {
      for (const column of tierCountColumns) {
        expect(Number(row[column]), `${row.tier} ${column}`).toBe(sumOf(row.tier!, column));
      }
      expect(Number(row.staleHits)).toBe(sumOf(row.tier!, 'staleReads'));
    }
    expect(Number(endToEnd.requests)).toBe(sumOf('all', 'requests'));
    expect(Number(endToEnd.staleReads)).toBe(sumOf('all', 'staleReads'));
  });

  it('write the same bytes for the same report', () => {
    expect(summaryTiersCsv(buildReport())).toBe(summaryTiersCsv(buildReport()));
    expect(summaryEndToEndCsv(buildReport())).toBe(summaryEndToEndCsv(buildReport()));
  });
});
