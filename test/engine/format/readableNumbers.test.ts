import { describe, expect, it } from 'vitest';
import { csvCount, csvMs } from '../../../src/engine/format/csvNumbers';
import {
  formatBytes,
  formatClock,
  formatCount,
  formatDecimal,
  formatDuration,
  formatFigure,
  formatPercent,
  formatPercentTick,
  formatSeconds,
  formatSecondsToTenth,
} from '../../../src/engine/format/readableNumbers';

describe('numbers for a person to read', () => {
  it('group counts in thousands and round them to whole things', () => {
    expect([0, 7, 12_345.4, 1_000_000, 2.5].map(formatCount)).toEqual(['0', '7', '12,345', '1,000,000', '3']);
  });

  it('show shares as percentages to a tenth, and figures to a tenth below 10', () => {
    expect([0, 0.9123, 1].map((ratio) => formatPercent(ratio))).toEqual(['0.0%', '91.2%', '100.0%']);
    expect(formatPercent(0.9163, { digits: 0 })).toBe('92%');
    // Chart ticks: whole percents, a tenth only for a small share.
    expect([0, 0.045, 0.1, 0.634, 1].map(formatPercentTick)).toEqual(['0%', '4.5%', '10%', '63%', '100%']);
    expect([0.0002, 0.0005, 0.008].map(formatPercentTick)).toEqual(['0.02%', '0.05%', '0.8%']);
    expect([4.25, 9.96, 120.4, 0].map(formatFigure)).toEqual(['4.3', '10.0', '120', '0.0']);
    // Rates and long latencies group their thousands, as counts do.
    expect([1000, 12_345.6].map(formatFigure)).toEqual(['1,000', '12,346']);
  });

  it('print durations at the scale they have, and a dash for what is not a number', () => {
    expect([0.42, 12.4, 3200, 12_500, 125_000, NaN].map(formatDuration)).toEqual([
      '0.42 ms',
      '12 ms',
      '3.2 s',
      '12.5 s',
      '2 min 5 s',
      '–',
    ]);
    expect([2.5, 2, Infinity].map((v) => formatDecimal(v, 2))).toEqual(['2.5', '2', '–']);
  });

  it('name moments in seconds: exact for the clock and for schedules, to a tenth in sentences', () => {
    expect(formatClock(12_345)).toBe('12.345 s');
    expect([35_900, 60_000, 250, 1500.25].map(formatSeconds)).toEqual(['35.9 s', '60 s', '0.25 s', '1.5 s']);
    expect([4000, 2500, 2240, 40].map(formatSecondsToTenth)).toEqual(['4 s', '2.5 s', '2.2 s', '0 s']);
  });

  it('print sizes in powers of 1000', () => {
    expect([980, 1500, 12_000_000].map(formatBytes)).toEqual(['980 B', '1.5 kB', '12 MB']);
  });

  it("are not the CSV's numbers, which keep fixed decimals and no separators", () => {
    expect(formatCount(12_345)).not.toBe(csvCount(12_345));
    expect(formatDuration(12.5)).not.toBe(csvMs(12.5));
  });
});
