import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/createEngine';
import { timeSeriesCsv } from '../../../src/engine/export/timeSeriesCsv';
import { emptyRow } from '../../../src/engine/metrics/collector';
import {
  bucketEndMs,
  bucketRate,
  countsSince,
  hitRatioOf,
  peakOf,
  perSecond,
  ratio,
  sumOf,
} from '../../../src/engine/metrics/seriesMath';
import type { SeriesRow } from '../../../src/engine/metrics/types';
import { loadPreset } from '../../../src/engine/scenario/presets/index';
import { csvParse } from 'd3-dsv';

/** A row of the CDN's with the given counts, every other at zero. */
const row = (startMs: number, counts: Partial<SeriesRow> = {}): SeriesRow => ({
  ...emptyRow(startMs, 'cdn'),
  ...counts,
});

describe('ratios', () => {
  it('give "no data" (null) for an empty whole, not 0', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('pool the hits and lookups of several buckets rather than averaging their ratios', () => {
    const rows = [row(0, { lookups: 1, hits: 1 }), row(1000, { lookups: 3, hits: 0 })];
    expect(hitRatioOf(rows)).toBe(0.25);
    expect(hitRatioOf([row(0), row(1000)])).toBeNull();
    expect(hitRatioOf([])).toBeNull();
  });
});

describe('rates per second', () => {
  it('divide by the length of the time counted, in seconds', () => {
    expect(perSecond(50, 500)).toBe(100);
    expect(perSecond(30, 1000)).toBe(30);
    expect(perSecond(7, 3500)).toBe(2);
    expect(perSecond(3, 0)).toBeNull();
  });

  it('measure a bucket over its own length, or up to the run when that comes first', () => {
    expect(bucketEndMs(2000, 1000, Infinity)).toBe(3000);
    expect(bucketEndMs(2000, 1000, 2250)).toBe(2250);
    // A report taken before the bucket began gives it no time, never a negative one.
    expect(bucketEndMs(2000, 1000, 1500)).toBe(2000);
    expect(bucketRate(40, row(2000), 1000, Infinity)).toBe(40);
    expect(bucketRate(40, row(2000), 1000, 2250)).toBe(160);
    expect(bucketRate(40, row(2000), 1000, 2000)).toBeNull();
  });

  it('are the rates the time-series CSV prints, the bucket in progress included', () => {
    const engine = createEngine(loadPreset('basics'), { recordEvents: false });
    engine.runUntil(4500);
    const report = engine.metrics();
    const printed = csvParse(timeSeriesCsv(report));
    const all = report.series.filter((r) => r.tier === 'all');
    expect(all.at(-1)!.startMs).toBe(4000);
    for (const r of all) {
      const line = printed.find((p) => p.tier === 'all' && Number(p.startMs) === r.startMs)!;
      const rate = bucketRate(r.requests, r, report.bucketMs, report.nowMs)!;
      expect(Number(line.requestsPerSecond)).toBeCloseTo(rate, 3);
    }
    // Half a second of the last bucket: its rate is over that half, not the whole second.
    expect(bucketRate(10, all.at(-1)!, report.bucketMs, report.nowMs)).toBe(20);
  });
});

describe('sums, peaks and differences', () => {
  it('sum and take the peak of a figure over rows; the peak of no rows is no data', () => {
    const rows = [
      row(0, { databaseQueueMax: 4, evictions: 2 }),
      row(1000, { databaseQueueMax: 9, evictions: 5 }),
    ];
    expect(sumOf(rows, (r) => r.evictions)).toBe(7);
    expect(peakOf(rows, (r) => r.databaseQueueMax)).toBe(9);
    expect(peakOf([], (r: SeriesRow) => r.databaseQueueMax)).toBeNull();
  });

  it("take a bucket's earlier counts from its later ones, keeping what cannot be split", () => {
    const then = row(0, { lookups: 4, hits: 1, misses: 3, evictions: 2, databaseQueueMax: 6 });
    then.missesByCause = { cold: 2, capacity: 1, expired: 0, invalidated: 0 };
    const now = row(0, { lookups: 10, hits: 7, misses: 3, evictions: 5, databaseQueueMax: 8 });
    now.missesByCause = { cold: 2, capacity: 1, expired: 0, invalidated: 0 };
    const since = countsSince(now, then);
    expect(since).toMatchObject({
      lookups: 6,
      hits: 6,
      misses: 0,
      evictions: 3,
      hitRatio: 1,
      databaseQueueMax: 8,
    });
    expect(since.missesByCause).toEqual({ cold: 0, capacity: 0, expired: 0, invalidated: 0 });
    expect(countsSince(then, then).hitRatio).toBe(0);
    expect(now.missesByCause.cold, 'the later look is left as it was').toBe(2);
  });
});
