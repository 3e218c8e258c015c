import type { Engine } from '../engine/engine';
import type { SeriesRow } from '../engine/metrics/types';
import type { EventCounts } from './eventCounts';
import type { FrameMessage, FromWorker } from './protocol';
import { sampleEvents } from './sampleEvents';

export interface FrameOptions {
  /** Most events sent in one frame; more are sampled by whole requests. */
  maxEvents: number;
  /** A snapshot goes with every n-th frame while playing. */
  snapshotEvery: number;
  /** Entries listed per cache in a snapshot. */
  snapshotEntries: number;
}

/** How the run stands as a frame goes out. */
export interface FrameState {
  /** The host keeps ticking (playing, fast-forwarding or seeking). */
  running: boolean;
  /** The speed reached while playing at a chosen speed, null otherwise. */
  speedReached: number | null;
}

/**
 * Makes the frames the page renders: the events since the last one (sampled down to the bound), the
 * metrics with only the series rows that changed, and a snapshot every few frames. It holds frames
 * back while two are unread, so a slow page never queues them up.
 */
export class FramePoster {
  private unacked = 0;
  private ticks = 0;
  private seriesFromMs = 0;
  /** The next frame carries a snapshot (after a command while playing, or a seek). */
  snapshotDue = true;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly counts: EventCounts,
    private readonly options: FrameOptions,
  ) {}

  /** A new run: frames start afresh. */
  reset(): void {
    this.seriesFromMs = 0;
    this.ticks = 0;
    this.unacked = 0;
  }

  /** The next frame carries the whole series (after a seek, the charts replace what they had). */
  resendSeries(): void {
    this.seriesFromMs = 0;
  }

  acked(): void {
    this.unacked = Math.max(0, this.unacked - 1);
  }

  /** A tick's frame is due: every n-th carries a snapshot. */
  ticked(): void {
    this.ticks++;
    if (this.ticks % this.options.snapshotEvery === 0) this.snapshotDue = true;
  }

  /** Posts a frame unless two are still unread (then the events wait in the engine's bounded buffer). */
  postFrame(engine: Engine, force: boolean, state: FrameState): void {
    if (!force && this.unacked >= 2) return;
    const { maxEvents, snapshotEntries } = this.options;
    const { events: drained, dropped: lost } = engine.drainEvents(maxEvents * 8);
    this.counts.add(drained, lost, engine.nowMs, engine.scenario.bucketMs);
    const events = sampleEvents(drained, maxEvents);
    const report = engine.metrics();
    const fromMs = this.seriesFromMs;
    const series: SeriesRow[] = report.series.filter((row) => row.startMs >= fromMs);
    if (series.length > 0) this.seriesFromMs = series[series.length - 1].startMs;
    const frame: FrameMessage = {
      type: 'frame',
      nowMs: engine.nowMs,
      durationMs: engine.scenario.durationMs,
      playing: state.running,
      finished: engine.finished,
      events,
      dropped: lost + (drained.length - events.length),
      eventsTotal: this.counts.total,
      metrics: {
        nowMs: report.nowMs,
        bucketMs: report.bucketMs,
        tiers: report.tiers,
        endToEnd: report.endToEnd,
        seriesFromMs: fromMs,
        series,
      },
    };
    if (state.speedReached !== null) frame.speedReached = state.speedReached;
    if (force || this.snapshotDue) {
      frame.snapshot = engine.snapshot(snapshotEntries);
      this.snapshotDue = false;
    }
    this.unacked++;
    this.post(frame);
  }
}
