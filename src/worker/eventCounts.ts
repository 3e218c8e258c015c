import type { SimEvent } from '../engine/events';
import { eventCsvRow } from '../engine/export/eventsCsv';
import type { EventsEstimate } from './protocol';

/** Event log rows formatted per frame to measure a row's mean size for the estimate. */
const rowSamplesPerFrame = 8;

/** A row of a typical event log, before any event was seen (bytes). */
const typicalRowBytes = 70;

/**
 * Events of the run so far per time bucket, animated or not: the size of the event log export,
 * known without making it. Counts only, so it stays small however long the run.
 */
export class EventCounts {
  private counts: number[] = [];
  /** Every event counted since the last reset. */
  total = 0;
  private rowBytes = 0;
  private rowSamples = 0;

  /** Starts counting afresh (a new run, or a seek); the measured row size stays, it fits the run still. */
  reset(): void {
    this.counts = [];
    this.total = 0;
  }

  /**
   * Counts drained events in their buckets, and those the engine's buffer dropped in the bucket of
   * `nowMs` (they happened since the last drain, a few milliseconds of simulated time at most).
   */
  add(events: readonly SimEvent[], dropped: number, nowMs: number, bucketMs: number): void {
    const counts = this.counts;
    for (const event of events) {
      const bucket = Math.floor(event.t / bucketMs);
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    if (dropped > 0) {
      const bucket = Math.floor(nowMs / bucketMs);
      counts[bucket] = (counts[bucket] ?? 0) + dropped;
    }
    this.total += events.length + dropped;
    const every = Math.max(1, Math.floor(events.length / rowSamplesPerFrame));
    for (let i = 0; i < events.length; i += every) {
      this.rowBytes += eventCsvRow(events[i]).length;
      this.rowSamples++;
    }
  }

  estimate(atMs: number, bucketMs: number): EventsEstimate {
    return {
      atMs,
      bucketMs,
      counts: Array.from(this.counts, (count) => count ?? 0),
      bytesPerRow: this.rowSamples > 0 ? this.rowBytes / this.rowSamples : typicalRowBytes,
    };
  }
}
