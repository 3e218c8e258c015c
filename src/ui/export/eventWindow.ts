import type { EventsEstimate, TimeWindow } from '../../worker/protocol';

/** Rows a spreadsheet sheet holds (Excel, LibreOffice Calc and Google Sheets alike), the header included. */
export const spreadsheetRowLimit = 1_048_576;

/** Above this size the menu says how large the event log will be and offers a time window first. */
export const largeEventLogBytes = 50_000_000;

/** The simulated span of bucket i: a whole bucket, or up to the estimate's time for the one in progress. */
function bucketSpan(estimate: EventsEstimate, i: number): [number, number] {
  const start = i * estimate.bucketMs;
  return [start, Math.max(start, Math.min(start + estimate.bucketMs, estimate.atMs))];
}

/**
 * About how many rows the event log has from `fromMs` to `toMs`, from the counts per bucket: a
 * bucket the window cuts counts in proportion to the part inside it.
 */
export function rowsInWindow(estimate: EventsEstimate, window: TimeWindow): number {
  let rows = 0;
  estimate.counts.forEach((count, i) => {
    if (!count) return;
    const [start, end] = bucketSpan(estimate, i);
    const inside = Math.min(end, window.toMs) - Math.max(start, window.fromMs);
    if (end === start) rows += start >= window.fromMs && start <= window.toMs ? count : 0;
    else if (inside > 0) rows += (count * inside) / (end - start);
  });
  return Math.round(rows);
}

/** About how many bytes a log of `rows` rows takes. */
export function bytesOfRows(estimate: EventsEstimate, rows: number): number {
  return Math.round((rows + 1) * estimate.bytesPerRow);
}

/**
 * The latest window, ending at the estimate's time, whose rows fit in one spreadsheet sheet beside
 * the header: what the menu offers first for a log too long to open whole.
 */
export function fittingWindow(estimate: EventsEstimate): TimeWindow {
  const room = spreadsheetRowLimit - 1;
  let rows = 0;
  for (let i = estimate.counts.length - 1; i >= 0; i--) {
    const count = estimate.counts[i] ?? 0;
    const [start, end] = bucketSpan(estimate, i);
    if (rows + count > room) {
      const share = (room - rows) / count;
      return { fromMs: Math.min(estimate.atMs, Math.ceil(end - share * (end - start))), toMs: estimate.atMs };
    }
    rows += count;
  }
  return { fromMs: 0, toMs: estimate.atMs };
}
