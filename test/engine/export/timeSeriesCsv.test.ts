import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { timeSeriesCsv, timeSeriesCsvColumns } from '../../../src/engine/export';
import { buildReport, documentedColumns, tierCountColumns } from './reportFixture';

const countColumns = [...tierCountColumns, 'staleReads', 'requests', 'databaseQueries', 'completed'];
const tierOnly = ['missesCold', 'missesCapacity', 'missesExpired', 'missesInvalidated'];
const allOnly = ['requests', 'databaseQueries', 'databaseQueueMax', 'completed', 'p50Ms', 'p95Ms', 'p99Ms'];

describe('timeSeriesCsv', () => {
  it('writes the header exactly as docs/csv.md documents it, each count with its rate beside it', () => {
    const csv = timeSeriesCsv(buildReport());
    expect(documentedColumns('timeseries.csv')).toEqual(timeSeriesCsvColumns);
    expect(csv.slice(0, csv.indexOf('\n'))).toBe(timeSeriesCsvColumns.join(','));
    for (const column of countColumns) {
      expect(timeSeriesCsvColumns[timeSeriesCsvColumns.indexOf(column) + 1]).toBe(`${column}PerSecond`);
    }
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
      expect(row.hitRatio).toBe(source.hitRatio.toFixed(6));
      if (source.tier === 'all') {
        expect(Number(row.requests)).toBe(source.requests);
        expect(Number(row.completed)).toBe(source.completed);
        expect(row.p95Ms).toBe('3.333');
        expect(row.p99Ms).toBe('100.000');
        expect(Number(row.p50Ms)).toBe(source.p50Ms);
      } else {
        expect(Number(row.missesCold)).toBe(source.missesByCause.cold);
      }
    }
  });

  it('gives each count per second of the time its bucket covered, the bucket in progress by its part', () => {
    const report = buildReport();
    const rows = csvParse(timeSeriesCsv(report));
    const closed = rows.find((r) => r.startMs === '1000.000' && r.tier === 'distributed')!;
    const source = report.series.find((r) => r.startMs === 1000 && r.tier === 'distributed')!;
    expect(closed.hitsPerSecond).toBe(source.hits.toFixed(3));
    expect(closed.missesCapacityPerSecond).toBe(source.missesByCause.capacity.toFixed(3));
    // The report stands at 2500 ms: the last bucket covered half a second.
    const open = rows.find((r) => r.startMs === '2000.000' && r.tier === 'all')!;
    const last = report.series.find((r) => r.startMs === 2000 && r.tier === 'all')!;
    expect(open.requestsPerSecond).toBe((last.requests * 2).toFixed(3));
    expect(open.lookupsPerSecond).toBe((last.lookups * 2).toFixed(3));
    expect(Number(open.requestsPerSecond)).toBeGreaterThan(0);
  });

  it('thirds of a second give rates to three decimals', () => {
    const report = { ...buildReport(), bucketMs: 300, nowMs: 900 };
    report.series = report.series.map((row) => ({ ...row, startMs: (row.startMs / 1000) * 300 }));
    const rows = csvParse(timeSeriesCsv(report));
    const row = rows.find((r) => r.tier === 'all' && r.startMs === '0.000')!;
    expect(row.requestsPerSecond).toBe(((Number(row.requests) * 10) / 3).toFixed(3));
  });

  it('leaves empty the cells that do not apply: whole-system figures on tier rows, causes on all', () => {
    const rows = csvParse(timeSeriesCsv(buildReport()));
    for (const row of rows) {
      const empty = row.tier === 'all' ? tierOnly : allOnly;
      const filled = row.tier === 'all' ? allOnly : tierOnly;
      for (const column of empty) {
        expect(row[column], `${row.tier} ${column}`).toBe('');
        if (countColumns.includes(column)) expect(row[`${column}PerSecond`]).toBe('');
      }
      for (const column of filled) expect(row[column], `${row.tier} ${column}`).not.toBe('');
    }
  });

  it('leaves the latency of a bucket without requests and the hit ratio of a tier without lookups empty', () => {
    const report = buildReport();
    const quiet = report.series.find((r) => r.tier === 'all' && r.startMs === 1000)!;
    Object.assign(quiet, { p50Ms: 0, p95Ms: 0, p99Ms: 0, completed: 0 });
    const cdn = report.series.find((r) => r.tier === 'cdn' && r.startMs === 1000)!;
    Object.assign(cdn, { lookups: 0, hits: 0, misses: 0, hitRatio: 0 });
    const rows = csvParse(timeSeriesCsv(report));
    const all = rows.find((r) => r.tier === 'all' && r.startMs === '1000.000')!;
    expect([all.completed, all.p50Ms, all.p95Ms, all.p99Ms]).toEqual(['0', '', '', '']);
    const tier = rows.find((r) => r.tier === 'cdn' && r.startMs === '1000.000')!;
    expect([tier.lookups, tier.lookupsPerSecond, tier.hitRatio]).toEqual(['0', '0.000', '']);
  });

  it('writes only the header for a report without buckets', () => {
    const report = { ...buildReport(), series: [] };
    expect(timeSeriesCsv(report)).toBe(timeSeriesCsvColumns.join(',') + '\n');
  });
});
