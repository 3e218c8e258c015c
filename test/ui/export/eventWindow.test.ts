import { describe, expect, it } from 'vitest';
import {
  bytesOfRows,
  fittingWindow,
  rowsInWindow,
  spreadsheetRowLimit,
} from '../../../src/ui/export/eventWindow';
import type { EventsEstimate } from '../../../src/worker/protocol';

/** Ten buckets of a second; the last one in progress, half run. */
const estimate: EventsEstimate = {
  atMs: 9500,
  bucketMs: 1000,
  counts: [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000],
  bytesPerRow: 50,
};

describe('event log windows', () => {
  it('counts the rows of whole buckets, and of a cut bucket in proportion', () => {
    expect(rowsInWindow(estimate, { fromMs: 0, toMs: 9500 })).toBe(5500);
    expect(rowsInWindow(estimate, { fromMs: 1000, toMs: 3000 })).toBe(500);
    expect(rowsInWindow(estimate, { fromMs: 1500, toMs: 2500 })).toBe(100 + 150);
    // The bucket in progress has run for 500 ms: its 1000 events are in those.
    expect(rowsInWindow(estimate, { fromMs: 9000, toMs: 9250 })).toBe(500);
  });

  it('sizes a log as rows times the mean row, the header too', () => {
    expect(bytesOfRows(estimate, 99)).toBe(5000);
  });

  it('offers the latest window that fits a spreadsheet', () => {
    expect(fittingWindow(estimate)).toEqual({ fromMs: 0, toMs: 9500 });
    const big: EventsEstimate = {
      atMs: 4000,
      bucketMs: 1000,
      counts: [600_000, 600_000, 600_000, 600_000],
      bytesPerRow: 70,
    };
    const window = fittingWindow(big);
    expect(window.toMs).toBe(4000);
    const rows = rowsInWindow(big, window);
    expect(rows).toBeLessThan(spreadsheetRowLimit);
    expect(rows).toBeGreaterThan(spreadsheetRowLimit - 1000);
  });
});
