import type { SimEvent } from '../engine/events';
import { wholeBucketsEndMs } from '../engine/metrics/seriesMath';
import type { EndToEnd, MetricsReport, SeriesRow, TierSummary } from '../engine/metrics/types';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import type { Snapshot } from '../engine/snapshot';
import type { FrameMessage, FromWorker, TraceSummary } from '../worker/protocol';
import { EventRing } from './eventRing';
import { mergeSeries } from './mergeSeries';

/** Events kept for the event log and the views' flashes. */
export const logCapacity = 600;
/** While playing, the event log is redrawn every this many frames (about 6 times a second). */
export const logRefreshFrames = 10;
/** Hops and bus messages kept in flight at most, so a fast run cannot grow the list without bound. */
const maxInFlight = 3000;

type Flight = Extract<SimEvent, { type: 'hop' | 'bus.message' }>;

/**
 * The run as the UI shows it, built from the worker's messages: simulated time, metrics, the
 * time series, the latest snapshot, recent events and what is travelling the edges now.
 */
export class SimStore {
  scenario = $state.raw<Scenario | null>(null);
  /** The trace whose requests the run plays, or null for the scenario's generated workload. */
  trace = $state.raw<TraceSummary | null>(null);
  commands = $state.raw<TimedCommand[]>([]);
  nowMs = $state(0);
  durationMs = $state(0);
  /** The worker is advancing the run (playing or fast-forwarding). */
  playing = $state(false);
  finished = $state(false);
  bucketMs = $state(1000);
  tiers = $state.raw<TierSummary[]>([]);
  endToEnd = $state.raw<EndToEnd | null>(null);
  series = $state.raw<SeriesRow[]>([]);
  /**
   * The series the charts draw. While playing, only the buckets that have closed: the bucket in
   * progress changes every frame (redrawing six charts 60 times a second) and its rates dip until it
   * closes. When paused, stepped or finished, every bucket. A new array only when a bucket closes.
   */
  chartSeries = $state.raw<SeriesRow[]>([]);
  snapshot = $state.raw<Snapshot | null>(null);
  /** The newest events, oldest first, at most logCapacity. */
  recent = $state.raw<SimEvent[]>([]);
  /**
   * The same events for the event log, refreshed a few times a second while playing (nobody reads
   * a list that changes 60 times a second, and redrawing it that often costs whole frames), and at
   * once when paused or stepped.
   */
  logEvents = $state.raw<SimEvent[]>([]);
  /**
   * The recent events the topology flashes at its nodes: taken with each snapshot while playing (so
   * that its SVG changes with the snapshot, a few times a second, while the dots on its canvas move
   * every frame), and at once when paused or stepped.
   */
  flashEvents = $state.raw<SimEvent[]>([]);
  /** Hops and bus messages still travelling, and the issue events that say which requests are writes. */
  flight = $state.raw<SimEvent[]>([]);
  /** Every event of the run up to now, kept or not: the event log keeps only the newest logCapacity. */
  eventsTotal = $state(0);
  /** Events the worker sampled away or lost since the run began (the animation shows a sample). */
  droppedEvents = $state(0);
  /**
   * The speed the worker measured while playing at a chosen speed (simulated ms per wall ms), or null
   * when not playing or not yet measured.
   */
  speedReached = $state<number | null>(null);
  /** The last frame was a sample of what happened. */
  sampled = $state(false);
  selectedRequest = $state<number | null>(null);

  /**
   * The time the charts judge which buckets are whole at (wholeBuckets): nowMs rounded down to the
   * end of the last whole bucket, or the run's end once reached. Charts that depend on this rather
   * than on nowMs are rebuilt when a bucket closes, not every frame: a comparison's are; the single
   * run's also follow its per-tier totals (the misses charts' keys), which change every frame.
   */
  chartNowMs = $derived(
    wholeBucketsEndMs(this.nowMs, this.bucketMs, this.durationMs > 0 ? this.durationMs : Infinity),
  );

  /** The metrics report the charts and panels read, with the windowed series. */
  metrics: MetricsReport | null = $derived(
    this.endToEnd
      ? {
          nowMs: this.nowMs,
          bucketMs: this.bucketMs,
          tiers: this.tiers,
          endToEnd: this.endToEnd,
          series: this.series,
        }
      : null,
  );

  private log = new EventRing<SimEvent>(logCapacity);
  private framesSinceLog = 0;
  private inFlight: Flight[] = [];
  private writes = new EventRing<SimEvent>(500);
  /** chartSeries holds the bucket in progress (set while paused). */
  private chartHasOpenBucket = false;

  /** Takes one message from the worker. Returns true for a frame (which the caller acknowledges). */
  receive(message: FromWorker): boolean {
    switch (message.type) {
      case 'loaded':
        this.clear();
        this.scenario = message.scenario;
        this.trace = message.trace ?? null;
        this.commands = message.commands;
        this.durationMs = message.scenario.durationMs;
        this.bucketMs = message.scenario.bucketMs;
        return false;
      case 'commands':
        this.commands = message.commands;
        return false;
      case 'seeked':
        // What the views hold is from later on, which no longer happened; the next frame brings the rest.
        this.clear();
        this.commands = message.commands;
        this.nowMs = message.nowMs;
        return false;
      case 'frame':
        this.applyFrame(message);
        return true;
      default:
        return false;
    }
  }

  private clear(): void {
    this.log.clear();
    this.writes.clear();
    this.inFlight = [];
    this.recent = [];
    this.logEvents = [];
    this.flashEvents = [];
    this.flight = [];
    this.series = [];
    this.chartSeries = [];
    this.chartHasOpenBucket = false;
    this.tiers = [];
    this.endToEnd = null;
    this.snapshot = null;
    this.nowMs = 0;
    this.droppedEvents = 0;
    this.eventsTotal = 0;
    this.sampled = false;
    this.speedReached = null;
    this.finished = false;
    this.playing = false;
    this.selectedRequest = null;
  }

  private applyFrame(frame: FrameMessage): void {
    this.nowMs = frame.nowMs;
    this.durationMs = frame.durationMs;
    this.playing = frame.playing;
    this.finished = frame.finished;
    this.droppedEvents += frame.dropped;
    if (frame.eventsTotal !== undefined) this.eventsTotal = frame.eventsTotal;
    this.sampled = frame.dropped > 0;
    this.speedReached = frame.speedReached ?? null;
    if (frame.snapshot) this.snapshot = frame.snapshot;

    const { metrics } = frame;
    this.bucketMs = metrics.bucketMs;
    this.tiers = metrics.tiers;
    this.endToEnd = metrics.endToEnd;
    this.series = mergeSeries(this.series, metrics.seriesFromMs, metrics.series);
    this.updateChartSeries(frame.playing);

    if (frame.events.length > 0) {
      for (const event of frame.events) {
        this.log.push(event);
        if (event.type === 'hop' || event.type === 'bus.message') this.inFlight.push(event);
        else if (event.type === 'request.issued' && event.op === 'write') this.writes.push(event);
      }
      this.recent = this.log.toArray();
    }
    if (!frame.playing || ++this.framesSinceLog >= logRefreshFrames) {
      this.framesSinceLog = 0;
      if (this.logEvents !== this.recent) this.logEvents = this.recent;
    }
    if ((!frame.playing || frame.snapshot) && this.flashEvents !== this.recent)
      this.flashEvents = this.recent;
    const now = frame.nowMs;
    const stillFlying = this.inFlight.filter((e) => e.arriveMs > now);
    this.inFlight = stillFlying.length > maxInFlight ? stillFlying.slice(-maxInFlight) : stillFlying;
    this.flight = [...this.writes.toArray(), ...this.inFlight];
  }

  private updateChartSeries(playing: boolean): void {
    const series = this.series;
    if (!playing) {
      this.chartSeries = series;
      this.chartHasOpenBucket = true;
      return;
    }
    // Rows come in bucket order; the last bucket is the one in progress.
    let closed = series.length;
    const openMs = series[closed - 1]?.startMs;
    while (closed > 0 && series[closed - 1].startMs === openMs) closed--;
    const shown = this.chartSeries;
    const sameBuckets =
      shown.length === closed &&
      (closed === 0 ||
        (shown[0].startMs === series[0].startMs && shown[closed - 1].startMs === series[closed - 1].startMs));
    if (this.chartHasOpenBucket || !sameBuckets) {
      this.chartSeries = series.slice(0, closed);
      this.chartHasOpenBucket = false;
    }
  }
}
