import { csvParse, csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { summaryCsv, summaryCsvColumns, timeSeriesCsv } from '../../../src/engine/export';
import { buildReport, documentedColumns } from './reportFixture';

describe('summaryCsv', () => {
  it('writes the header exactly as docs/csv.md documents it', () => {
    const csv = summaryCsv(buildReport());
    expect(documentedColumns('summary.csv')).toEqual(summaryCsvColumns);
    expect(csv.slice(0, csv.indexOf('\n'))).toBe(summaryCsvColumns.join(','));
  });

  it('writes a row per tier in the report order, then one end-to-end row, each ended by \\n', () => {
    const csv = summaryCsv(buildReport());
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
    const rows = csvParseRows(csv.slice(0, -1));
    expect(rows.map((row) => row[0])).toEqual(['scope', 'cdn', 'distributed', 'bufferPool', 'end-to-end']);
    for (const row of rows) expect(row).toHaveLength(summaryCsvColumns.length);
  });

  it('parses back to the report figures, with fixed decimals and no -0', () => {
    const report = buildReport();
    const rows = csvParse(summaryCsv(report));
    const distributed = rows.find((row) => row.scope === 'distributed')!;
    const tier = report.tiers.find((t) => t.tier === 'distributed')!;
    expect(Number(distributed.hits)).toBe(tier.hits);
    expect(Number(distributed.missesCapacity)).toBe(tier.missesByCause.capacity);
    expect(distributed.hitRatio).toBe(tier.hitRatio.toFixed(6));
    expect(distributed.enabled).toBe('true');
    expect(distributed.requests).toBe('');

    const endToEnd = rows.find((row) => row.scope === 'end-to-end')!;
    expect(endToEnd.cacheHitRatio).toBe('0.666667');
    expect(endToEnd.latencyP50Ms).toBe('0.333');
    expect(endToEnd.readLatencyCount).toBe('200');
    expect(endToEnd.writeLatencyMeanMs).toBe('7.500');
    expect(endToEnd.maxStalenessMs).toBe('1234.568');
    expect(endToEnd.meanStalenessMs).toBe('0.000');
    expect(endToEnd.hits).toBe('');
    expect(Number(endToEnd.requests)).toBe(report.endToEnd.requests);
  });

  it('gives totals equal to the sums of the time series, read back from the two CSV files', () => {
    const report = buildReport();
    const summary = csvParse(summaryCsv(report));
    const series = csvParse(timeSeriesCsv(report));
    const sumOf = (tier: string, column: string) =>
      series.filter((row) => row.tier === tier).reduce((total, row) => total + Number(row[column]), 0);
    for (const row of summary.filter((r) => r.scope !== 'end-to-end')) {
      for (const column of ['lookups', 'hits', 'misses', 'missesCold', 'missesCapacity', 'missesExpired']) {
        expect(Number(row[column]), `${row.scope} ${column}`).toBe(sumOf(row.scope!, column));
      }
      expect(Number(row.missesInvalidated)).toBe(sumOf(row.scope!, 'missesInvalidated'));
      expect(Number(row.evictions)).toBe(sumOf(row.scope!, 'evictions'));
      expect(Number(row.staleHits)).toBe(sumOf(row.scope!, 'staleReads'));
    }
    const endToEnd = summary.find((row) => row.scope === 'end-to-end')!;
    expect(Number(endToEnd.requests)).toBe(sumOf('all', 'requests'));
    expect(Number(endToEnd.staleReads)).toBe(sumOf('all', 'staleReads'));
  });

  it('writes the same bytes for the same report', () => {
    expect(summaryCsv(buildReport())).toBe(summaryCsv(buildReport()));
  });
});
