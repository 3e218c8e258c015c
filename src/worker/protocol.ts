import type { SimEvent } from '../engine/events';
import type { EndToEnd, SeriesRow, TierSummary } from '../engine/metrics/types';
import type { Command, TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario, ScenarioInput } from '../engine/scenario/schema';
import type { Snapshot } from '../engine/snapshot';

/**
 * The messages between the main thread and the engine worker, typed both ways. The main thread only
 * renders: every simulation step happens in the worker, and comes back as frames.
 */

/** Main thread → worker. */
export type ToWorker =
  /** Starts a new run from a scenario (validated in the worker) and an optional recorded command log. */
  | {
      type: 'load';
      scenario: ScenarioInput | Scenario;
      commands?: TimedCommand[];
      /** The run plays the current run's trace again (a restart or a restored branch of a trace run). */
      keepTrace?: boolean;
    }
  /**
   * Starts a run whose workload is a trace (its CSV text, and its file's name), on the current run's
   * scenario (its topology and policies, from the start, without its commands): docs/traces.md.
   * A trace that cannot play is an input error, and the current run goes on.
   */
  | { type: 'load.trace'; text: string; name: string }
  /** Starts a new run from a preset, by name. */
  | { type: 'load.preset'; name: string }
  /**
   * JSON text from a file or a share link: an exported run `{ scenario, commands, atMs? }` or a bare
   * scenario. `source` names where the text came from in messages about it (default "file"). With
   * `openAtMoment`, a run that records `atMs` opens paused there, every command kept (a share link).
   */
  | { type: 'import'; text: string; source?: 'file' | 'share link'; openAtMoment?: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  /** Simulated milliseconds per wall millisecond, 0.1 to 1000. */
  | { type: 'speed'; speed: number }
  | { type: 'step.event' }
  | { type: 'step.request' }
  /** Fast-forwards to the end of the scenario in bounded slices, posting progress frames. */
  | { type: 'run.end' }
  /** Starts the same scenario over from time 0 with an empty command log. */
  | { type: 'reset' }
  /**
   * Rewinds to toMs: replays the scenario with the command log's entries stamped at or before toMs
   * (only the first `commandCount` of them when given, to drop those applied at toMs itself), headless
   * and in bounded slices, then pauses there. With `later: 'drop'` (the default) the log after that
   * point is dropped; with 'keep' it stays as the run's future and applies at its times when the run
   * plays on (the timeline). Messages that arrive meanwhile wait and run after it, in order.
   */
  | { type: 'seek'; toMs: number; commandCount?: number; later?: SeekLater }
  /**
   * From a pause, goes back to the moment before the last event, or to just after the request before
   * the last completed one: a replay that steps the same count of events, every command kept.
   */
  | { type: 'step.back'; unit: StepUnit }
  /** Applies a command at the engine's current simulated time. */
  | { type: 'command'; command: Command }
  /**
   * Makes one of the run's files by replaying it up to now (the event log up to `window.toMs`, with
   * only the events from `window.fromMs` on). Answered by 'exported' or 'export.failed'.
   */
  | { type: 'export'; requestId: number; file: ExportFile; window?: TimeWindow }
  /** Asks how large the event log is so far, without making it. Answered by 'events.estimated'. */
  | { type: 'events.estimate'; requestId: number }
  | { type: 'snapshot' }
  /** The main thread has rendered a frame; the worker holds back frames while two are unread. */
  | { type: 'frame.ack' };

/** What a seek does with the commands stamped after its moment. */
export type SeekLater = 'keep' | 'drop';

/** What one step moves by. */
export type StepUnit = 'event' | 'request';

/** Metrics without the series, plus the series rows that changed since the last frame. */
export interface MetricsDelta {
  nowMs: number;
  bucketMs: number;
  tiers: TierSummary[];
  endToEnd: EndToEnd;
  /** Rows whose bucket starts at or after `seriesFromMs`: they replace what the main thread holds there. */
  seriesFromMs: number;
  series: SeriesRow[];
}

export interface FrameMessage {
  type: 'frame';
  nowMs: number;
  durationMs: number;
  playing: boolean;
  finished: boolean;
  /** Events of this slice, oldest first; when there were too many, a sample of whole requests. */
  events: SimEvent[];
  /** Events of this slice left out of `events` (sampled away or lost to the engine's buffer). */
  dropped: number;
  /** Every event the run has had up to nowMs, animated or not (the event log export's rows). */
  eventsTotal?: number;
  metrics: MetricsDelta;
  /**
   * While playing at a chosen speed: the simulated ms per wall ms the engine reached over the last
   * half second, which falls short of the speed asked when the model cannot run that fast.
   */
  speedReached?: number;
  /** Sent every few frames, and after a step, a pause or a command. */
  snapshot?: Snapshot;
}

/** Which file of a run: the four CSVs (docs/csv.md) and the run itself as JSON. */
export type ExportFile = 'summary-tiers' | 'summary-end-to-end' | 'timeseries' | 'events' | 'run';

/** Simulated milliseconds from and to, both included. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** One file of the run, made in the worker. */
export interface ExportedFile {
  file: ExportFile;
  /** The file's bytes; the event log is built in parts, never as one string. */
  blob: Blob;
  /** The simulated time the file describes (a window's end for the event log). */
  atMs: number;
  /** The event log's rows, header not counted. */
  rows?: number;
}

/**
 * How large the event log of the run so far is: events per time bucket (counted as the run went,
 * including those not animated) and the mean bytes of a CSV row, measured on a sample.
 */
export interface EventsEstimate {
  atMs: number;
  bucketMs: number;
  /** Events in bucket i, which starts at i × bucketMs. */
  counts: number[];
  bytesPerRow: number;
}

/** The trace a run plays, as the page names it. */
export interface TraceSummary {
  name: string;
  requests: number;
  distinctKeys: number;
  writes: number;
}

/** A preset as the picker lists it. */
export interface PresetInfo {
  name: string;
  title: string;
  description: string;
}

/** Worker → main thread. */
export type FromWorker =
  /** Sent once when the worker starts: the presets it can load (kept out of the page's own code). */
  | { type: 'presets'; presets: PresetInfo[] }
  /**
   * A run was loaded; `preset` names its preset when it came from one unchanged, `trace` the trace
   * whose requests it plays (none for a generated workload).
   */
  | {
      type: 'loaded';
      scenario: Scenario;
      commands: TimedCommand[];
      preset: string | null;
      trace?: TraceSummary;
    }
  | FrameMessage
  /** The command log changed (a command was applied). */
  | { type: 'commands'; commands: TimedCommand[] }
  /** A seek is done: the run is paused at nowMs with this command log; a frame follows. */
  | { type: 'seeked'; nowMs: number; commands: TimedCommand[] }
  | ({ type: 'exported'; requestId: number } & ExportedFile)
  /** A file could not be made; the message says why and what to do. The run is unchanged. */
  | { type: 'export.failed'; requestId: number; message: string }
  /** The event log being made has this many rows so far (sent every few hundred thousand). */
  | { type: 'export.progress'; requestId: number; rows: number }
  | ({ type: 'events.estimated'; requestId: number } & EventsEstimate)
  /**
   * Something went wrong. `input` errors are a person's mistake (a bad scenario or command): show
   * the message and keep the current run.
   */
  | { type: 'error'; message: string; problems: string[]; input: boolean };
