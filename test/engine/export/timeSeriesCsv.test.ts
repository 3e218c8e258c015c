import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { timeSeriesCsv, timeSeriesCsvColumns } from '../../../src/engine/export';
import { buildReport, documentedColumns } from './reportFixture';

describe('timeSeriesCsv', () => {
  it('writes the header exactly as docs/csv.md documents it', () => {
    const csv = timeSeriesCsv(buildReport());
    expect(documentedColumns('timeseries.csv')).toEqual(timeSeriesCsvColumns);
    expect(csv.slice(0, csv.indexOf('\n'))).toBe(timeSeriesCsvColumns.join(','));
  });

  it('writes a row per bucket per tier, sorted by bucket then tier from the client inward, all last', () => {
    const rows = csvParse(timeSeriesCsv(buildReport()));
    expect(rows.map((row) => `${row.startMs} ${row.tier}`)).toEqual([
      '0.000 cdn',
      '0.000 distributed',
      '0.000 bufferPool',
      '0.000 all',
      '1000.000 cdn',
      '1000.000 distributed',
      '1000.000 bufferPool',
      '1000.000 all',
      '2000.000 cdn',
      '2000.000 distributed',
      '2000.000 bufferPool',
      '2000.000 all',
    ]);
  });

  it('ends closed buckets a bucket later and the bucket in progress at the report time', () => {
    const rows = csvParse(timeSeriesCsv(buildReport()));
    expect(rows.filter((row) => row.tier === 'all').map((row) => row.endMs)).toEqual([
      '1000.000',
      '2000.000',
      '2500.000',
    ]);
  });

  it('parses back to the figures of each row, with milliseconds to 3 decimals and ratios to 6', () => {
    const report = buildReport();
    const rows = csvParse(timeSeriesCsv(report));
    for (const source of report.series) {
      const row = rows.find((r) => Number(r.startMs) === source.startMs && r.tier === source.tier)!;
      expect(Number(row.lookups)).toBe(source.lookups);
      expect(Number(row.missesCold)).toBe(source.missesByCause.cold);
      expect(Number(row.requests)).toBe(source.requests);
      expect(row.hitRatio).toBe(source.hitRatio.toFixed(6));
      expect(row.p95Ms).toBe('3.333');
      expect(row.p99Ms).toBe('100.000');
      expect(Number(row.p50Ms)).toBe(source.p50Ms);
    }
  });

  it('writes only the header for a report without buckets', () => {
    const report = { ...buildReport(), series: [] };
    expect(timeSeriesCsv(report)).toBe(timeSeriesCsvColumns.join(',') + '\n');
  });
});
