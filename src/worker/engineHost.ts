import type { Engine, EngineOptions } from '../engine/engine';
import type { SimEvent } from '../engine/events';
import type { SeriesRow } from '../engine/metrics/types';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import { eventCsvRow } from '../engine/export/eventsCsv';
import type { ExportRunOptions, RunCsv } from '../engine/export/exportRun';
import type { RunDocument } from '../engine/scenario/parseRunDocument';
import { BlobWriter } from './blobWriter';
import type {
  ExportFile,
  FrameMessage,
  FromWorker,
  SeekLater,
  StepUnit,
  TimeWindow,
  ToWorker,
} from './protocol';

/** What the host needs from the outside: the engine's entry points, the clock and the message port. */
export interface EngineHostDeps {
  createEngine(scenario: Scenario, options: EngineOptions): Engine;
  /** Validates a scenario; throws an InputError that names the field. */
  parseScenario(input: unknown): Scenario;
  /** Validates timed commands against the scenario they run on; throws an InputError. */
  parseCommands(input: unknown, scenario: Scenario, label?: string): TimedCommand[];
  /** Parses JSON text; a syntax error becomes an InputError naming line and column. */
  parseJson(text: string, what: string): unknown;
  /** Validates an exported run or a bare scenario, as the CLI does; throws an InputError. */
  parseRunDocument(input: unknown): RunDocument;
  /** Replays scenario + commands to untilMs and returns the CSVs exactly as the CLI writes them. */
  exportRun(
    scenario: Scenario,
    commands: readonly TimedCommand[],
    untilMs: number,
    options?: ExportRunOptions,
  ): RunCsv;
  /** A preset by name, validated; throws an InputError for an unknown name. */
  loadPreset(name: string): Scenario;
  post(message: FromWorker): void;
  /** Wall-clock milliseconds (performance.now in the worker). */
  wallMs(): number;
}

export interface EngineHostOptions {
  /** Most wall milliseconds of simulation per tick, so a pause or a command is never kept waiting. */
  tickBudgetMs?: number;
  /** Most events sent in one frame; more are sampled by whole requests. */
  maxEventsPerFrame?: number;
  /** A snapshot goes with every n-th frame while playing. */
  snapshotEvery?: number;
  /** Entries listed per cache in a snapshot. */
  snapshotEntries?: number;
}

/** `seeking` replays the run headless up to an earlier time (see the 'seek' message). */
export type HostMode = 'idle' | 'paused' | 'playing' | 'fastForward' | 'seeking';

/** Where a seek is going: a simulated time, or a count of events run or requests done (step back). */
type SeekTarget = { toMs: number } | { unit: StepUnit; count: number };

/** Steps a seek by count takes between looks at the wall clock. */
const stepsPerClockCheck = 512;

/** Wall time that counts for one frame at most, so a tab coming back from the background does not jump. */
const maxWallStepMs = 100;
/** The speed reached is measured over this much wall time of playing (and then measured afresh). */
const speedWindowMs = 500;

/** How the files are named in messages. */
const fileWords: Record<ExportFile, string> = {
  'summary-tiers': 'summary CSV per tier',
  'summary-end-to-end': 'summary CSV end to end',
  timeseries: 'time series CSV',
  events: 'events CSV',
  run: 'run file',
};

/** The event log export says how far it has got every this many rows. */
const progressRows = 500_000;

/** Event log rows formatted per frame to measure a row's mean size for the estimate. */
const rowSamplesPerFrame = 8;

/**
 * Hosts one engine and drives it from wall time: while playing, each tick advances simulated time by
 * wall time × speed, in slices bounded by a wall-time budget, and posts one frame. Kept apart from the
 * worker's global scope so that tests can drive it with a fake clock.
 */
export class EngineHost {
  private engine: Engine | null = null;
  private scenario: Scenario | null = null;
  /** The commands the engine was created with: its own commandLog holds only those applied since. */
  private startCommands: TimedCommand[] = [];
  private preset: string | null = null;
  private modeValue: HostMode = 'idle';
  private speed = 1;
  private lastTickWallMs: number | null = null;
  private unacked = 0;
  private frames = 0;
  private seriesFromMs = 0;
  private snapshotDue = true;
  /** Where a seek is going. */
  private seekTarget: SeekTarget = { toMs: 0 };
  /** Messages that came during a seek; they run once it is done, in order. */
  private held: ToWorker[] = [];
  /** Simulated and wall ms played at speed since the speed reached was last measured. */
  private measuredSimMs = 0;
  private measuredWallMs = 0;
  /** Simulated ms per wall ms over the last window of playing, or null before one has passed. */
  private speedReached: number | null = null;
  /** Simulated ms run per slice; adapts so that one slice takes about a millisecond of wall time. */
  private sliceSimMs = 10;
  /**
   * Events of the run so far per time bucket, animated or not: the size of the event log export,
   * known without making it. Counts only, so it stays small however long the run.
   */
  private eventCounts: number[] = [];
  private eventsTotal = 0;
  private rowBytes = 0;
  private rowSamples = 0;
  /** The last summary and time series made, for the moment and command log they describe. */
  private metricsFiles: { key: string; csv: RunCsv } | null = null;
  private readonly tickBudgetMs: number;
  private readonly maxEvents: number;
  private readonly snapshotEvery: number;
  private readonly snapshotEntries: number;

  constructor(
    private readonly deps: EngineHostDeps,
    options: EngineHostOptions = {},
  ) {
    this.tickBudgetMs = options.tickBudgetMs ?? 12;
    this.maxEvents = options.maxEventsPerFrame ?? 1500;
    this.snapshotEvery = options.snapshotEvery ?? 6;
    this.snapshotEntries = options.snapshotEntries ?? 50;
  }

  get mode(): HostMode {
    return this.modeValue;
  }

  /** True while the worker should keep calling tick. */
  get running(): boolean {
    return this.modeValue === 'playing' || this.modeValue === 'fastForward' || this.modeValue === 'seeking';
  }

  handle(message: ToWorker): void {
    if (this.modeValue === 'seeking' && message.type !== 'frame.ack' && message.type !== 'speed') {
      // As if the seek had been instant: a command or a play sent after it applies at its end.
      this.held.push(message);
      return;
    }
    try {
      this.dispatch(message);
    } catch (error) {
      this.fail(error);
    }
  }

  private dispatch(message: ToWorker): void {
    switch (message.type) {
      case 'load': {
        const scenario = this.deps.parseScenario(message.scenario);
        this.start(scenario, this.deps.parseCommands(message.commands ?? [], scenario));
        return;
      }
      case 'load.preset':
        this.start(this.deps.loadPreset(message.name), [], message.name);
        return;
      case 'import': {
        // Either an exported run { scenario, commands, atMs? } or a bare scenario, read as the CLI reads it.
        const run = this.deps.parseRunDocument(this.deps.parseJson(message.text, message.source ?? 'file'));
        this.start(run.scenario, run.commands);
        if (message.openAtMoment && run.atMs !== undefined && run.atMs > 0) {
          this.seek(this.engine!, { toMs: run.atMs }, 'keep');
        }
        return;
      }
      case 'reset':
        if (this.scenario) this.start(this.scenario, [], this.preset);
        return;
      case 'frame.ack':
        this.unacked = Math.max(0, this.unacked - 1);
        return;
      case 'speed':
        this.speed = Math.min(1000, Math.max(0.1, message.speed));
        this.restartSpeedMeasure();
        return;
      case 'export':
        this.exportFile(message.requestId, message.file, message.window);
        return;
      case 'events.estimate':
        this.estimateEvents(message.requestId);
        return;
    }
    const engine = this.engine;
    if (!engine) return;
    switch (message.type) {
      case 'play':
        if (engine.finished) return;
        this.modeValue = 'playing';
        this.lastTickWallMs = this.deps.wallMs();
        this.restartSpeedMeasure();
        return;
      case 'pause':
        if (!this.running) return;
        this.modeValue = 'paused';
        this.postFrame(true);
        return;
      case 'step.event':
        this.modeValue = engine.finished ? this.modeValue : 'paused';
        engine.step();
        this.postFrame(true);
        return;
      case 'step.request':
        this.modeValue = engine.finished ? this.modeValue : 'paused';
        engine.stepRequest();
        this.postFrame(true);
        return;
      case 'run.end':
        if (engine.finished) return;
        this.modeValue = 'fastForward';
        return;
      case 'snapshot':
        this.postFrame(true);
        return;
      case 'seek':
        this.seek(engine, { toMs: message.toMs }, message.later ?? 'drop', message.commandCount);
        return;
      case 'step.back': {
        // One event back is the count before the last; one request back, one completed request fewer.
        const done = message.unit === 'event' ? engine.eventsRun : engine.requestsDone;
        this.seek(engine, { unit: message.unit, count: Math.max(0, done - 1) }, 'keep');
        return;
      }
      case 'command': {
        const [timed] = this.deps.parseCommands(
          [{ atMs: engine.nowMs, command: message.command }],
          engine.scenario,
          'change',
        );
        engine.apply(timed.command);
        this.deps.post({ type: 'commands', commands: this.commandLog() });
        if (!this.running) this.postFrame(true);
        else this.snapshotDue = true;
        return;
      }
    }
  }

  private start(scenario: Scenario, commands: TimedCommand[], preset: string | null = null): void {
    this.engine = this.deps.createEngine(scenario, {
      commands,
      recordEvents: true,
      eventBufferSize: this.maxEvents * 8,
    });
    this.scenario = scenario;
    this.startCommands = commands;
    this.preset = preset;
    this.modeValue = 'paused';
    this.seriesFromMs = 0;
    this.frames = 0;
    this.unacked = 0;
    this.held = [];
    this.metricsFiles = null;
    this.resetEventCounts();
    this.deps.post({ type: 'loaded', scenario, commands, preset });
    this.postFrame(true);
  }

  /**
   * Advances the run by one display frame's worth and posts a frame. While fast-forwarding the whole
   * budget goes to simulation; while playing, simulated time follows wall time × speed, and when the
   * budget runs out first the run simply falls behind rather than freezing.
   */
  tick(): void {
    const engine = this.engine;
    if (!engine || !this.running) return;
    const startWall = this.deps.wallMs();
    if (this.modeValue === 'seeking') {
      this.seekTick(engine, startWall);
      return;
    }
    let targetMs: number;
    let wallStep = 0;
    if (this.modeValue === 'fastForward') {
      targetMs = engine.scenario.durationMs;
    } else {
      wallStep = Math.min(maxWallStepMs, Math.max(0, startWall - (this.lastTickWallMs ?? startWall)));
      targetMs = Math.min(engine.scenario.durationMs, engine.nowMs + wallStep * this.speed);
    }
    this.lastTickWallMs = startWall;
    const startMs = engine.nowMs;
    try {
      this.advance(engine, targetMs, startWall);
    } catch (error) {
      this.modeValue = 'paused';
      this.fail(error);
      return;
    }
    // The end of the run cuts the last step short: that is not the engine falling behind.
    if (this.modeValue === 'playing' && targetMs < engine.scenario.durationMs)
      this.measureSpeed(engine.nowMs - startMs, wallStep);
    if (engine.finished) this.modeValue = 'paused';
    this.frames++;
    if (this.frames % this.snapshotEvery === 0) this.snapshotDue = true;
    this.postFrame(engine.finished);
  }

  private restartSpeedMeasure(): void {
    this.measuredSimMs = 0;
    this.measuredWallMs = 0;
    this.speedReached = null;
  }

  /** Adds one tick's progress to the measure of the speed reached, and takes it once a window is full. */
  private measureSpeed(simMs: number, wallMs: number): void {
    this.measuredSimMs += simMs;
    this.measuredWallMs += wallMs;
    if (this.measuredWallMs < speedWindowMs) return;
    this.speedReached = this.measuredSimMs / this.measuredWallMs;
    this.measuredSimMs = 0;
    this.measuredWallMs = 0;
  }

  /**
   * Starts a rewind: a new engine from the scenario and the log up to toMs, which later ticks run
   * there without posting frames. Built on the replay contract (scenario + command log replays a run
   * exactly), so the state at toMs is the state the run had then, not a snapshot's approximation.
   */
  private seek(engine: Engine, to: SeekTarget, later: SeekLater, commandCount = Infinity): void {
    const scenario = engine.scenario;
    const target: SeekTarget =
      'toMs' in to ? { toMs: Math.min(scenario.durationMs, Math.max(0, to.toMs)) } : to;
    // Kept, the later commands are the run's future: the replay applies them at their times.
    const kept =
      later === 'keep' || !('toMs' in target)
        ? this.commandLog()
        : this.commandLog()
            .filter((c) => c.atMs <= target.toMs)
            .slice(0, Math.max(0, commandCount));
    this.engine = this.deps.createEngine(scenario, {
      commands: kept,
      recordEvents: true,
      eventBufferSize: this.maxEvents * 8,
    });
    this.startCommands = kept;
    this.resetEventCounts();
    this.seekTarget = target;
    this.seriesFromMs = 0;
    this.modeValue = 'seeking';
  }

  private seekTick(engine: Engine, startWall: number): void {
    const target = this.seekTarget;
    let reached: boolean;
    try {
      if ('toMs' in target) {
        this.advance(engine, target.toMs, startWall, true);
        reached = engine.nowMs >= target.toMs;
      } else {
        reached = this.stepTo(engine, target.unit, target.count, startWall);
      }
    } catch (error) {
      this.modeValue = 'paused';
      this.fail(error);
      this.runHeld();
      return;
    }
    if (!reached) return;
    this.modeValue = 'paused';
    // The replay's events are history the person already saw: the views start afresh from here.
    engine.drainEvents();
    this.snapshotDue = true;
    this.deps.post({ type: 'seeked', nowMs: engine.nowMs, commands: this.commandLog() });
    this.postFrame(true);
    this.runHeld();
  }

  /**
   * Steps the engine until `count` events have run (or requests completed), within the tick's
   * wall-time budget. Returns true once there, or when the run ends first.
   */
  private stepTo(engine: Engine, unit: StepUnit, count: number, startWall: number): boolean {
    const done = () => (unit === 'event' ? engine.eventsRun : engine.requestsDone);
    while (done() < count) {
      if (this.deps.wallMs() - startWall >= this.tickBudgetMs) return false;
      for (let i = 0; i < stepsPerClockCheck && done() < count; i++) {
        if (!engine.step()) return true;
      }
      const { events, dropped } = engine.drainEvents();
      this.countEvents(events, dropped, engine.nowMs);
    }
    return true;
  }

  /** Handles the messages held during a seek, until one of them starts another. */
  private runHeld(): void {
    while (this.held.length > 0 && this.modeValue !== 'seeking') this.handle(this.held.shift()!);
  }

  /** Runs the engine toward targetMs in slices until the tick's wall-time budget is spent. */
  private advance(engine: Engine, targetMs: number, startWall: number, discardEvents = false): void {
    while (engine.nowMs < targetMs) {
      const sliceStart = this.deps.wallMs();
      if (sliceStart - startWall >= this.tickBudgetMs) return;
      const full = engine.nowMs + this.sliceSimMs <= targetMs;
      engine.runUntil(full ? engine.nowMs + this.sliceSimMs : targetMs);
      // Drained as it goes, so that the engine's bounded buffer never drops (and counts) any.
      if (discardEvents) {
        const { events, dropped } = engine.drainEvents();
        this.countEvents(events, dropped, engine.nowMs);
      }
      const took = this.deps.wallMs() - sliceStart;
      // Aim at slices of about a millisecond so the budget check stays fine-grained. Only a whole
      // slice says it was quick: one cut short by the target (playing at 1x) would let the slice grow
      // without bound, and the next fast-forward or seek would run in one blocking piece.
      if (took < 0.5 && full) this.sliceSimMs = Math.min(this.sliceSimMs * 2, 1e9);
      else if (took > 2) this.sliceSimMs = Math.max(this.sliceSimMs / 2, 0.001);
    }
  }

  /** Posts a frame unless two are still unread (then the events wait in the engine's bounded buffer). */
  private postFrame(force: boolean): void {
    const engine = this.engine;
    if (!engine) return;
    if (!force && this.unacked >= 2) return;
    const { events: drained, dropped: lost } = engine.drainEvents(this.maxEvents * 8);
    this.countEvents(drained, lost, engine.nowMs);
    const events = sampleEvents(drained, this.maxEvents);
    const report = engine.metrics();
    const fromMs = this.seriesFromMs;
    const series: SeriesRow[] = report.series.filter((row) => row.startMs >= fromMs);
    if (series.length > 0) this.seriesFromMs = series[series.length - 1].startMs;
    const frame: FrameMessage = {
      type: 'frame',
      nowMs: engine.nowMs,
      durationMs: engine.scenario.durationMs,
      playing: this.running,
      finished: engine.finished,
      events,
      dropped: lost + (drained.length - events.length),
      eventsTotal: this.eventsTotal,
      metrics: {
        nowMs: report.nowMs,
        bucketMs: report.bucketMs,
        tiers: report.tiers,
        endToEnd: report.endToEnd,
        seriesFromMs: fromMs,
        series,
      },
    };
    if (this.modeValue === 'playing' && this.speedReached !== null) frame.speedReached = this.speedReached;
    if (force || this.snapshotDue) {
      frame.snapshot = engine.snapshot(this.snapshotEntries);
      this.snapshotDue = false;
    }
    this.unacked++;
    this.deps.post(frame);
  }

  private resetEventCounts(): void {
    this.eventCounts = [];
    this.eventsTotal = 0;
  }

  /**
   * Counts drained events in their buckets, and those the engine's buffer dropped in the bucket of
   * `nowMs` (they happened since the last drain, a few milliseconds of simulated time at most).
   */
  private countEvents(events: readonly SimEvent[], dropped: number, nowMs: number): void {
    const bucketMs = this.scenario?.bucketMs ?? 1000;
    const counts = this.eventCounts;
    for (const event of events) {
      const bucket = Math.floor(event.t / bucketMs);
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    if (dropped > 0) {
      const bucket = Math.floor(nowMs / bucketMs);
      counts[bucket] = (counts[bucket] ?? 0) + dropped;
    }
    this.eventsTotal += events.length + dropped;
    const every = Math.max(1, Math.floor(events.length / rowSamplesPerFrame));
    for (let i = 0; i < events.length; i += every) {
      this.rowBytes += eventCsvRow(events[i]).length;
      this.rowSamples++;
    }
  }

  private estimateEvents(requestId: number): void {
    const engine = this.engine;
    if (!engine) return;
    const counts = Array.from(this.eventCounts, (count) => count ?? 0);
    // Before any event was seen, a row of a typical event log (about 70 bytes).
    const bytesPerRow = this.rowSamples > 0 ? this.rowBytes / this.rowSamples : 70;
    this.deps.post({
      type: 'events.estimated',
      requestId,
      atMs: engine.nowMs,
      bucketMs: engine.scenario.bucketMs,
      counts,
      bytesPerRow,
    });
  }

  /**
   * Makes one file of the run so far. The CSVs come from a replay (exportRun), so that they are the
   * CLI's bytes; the summary and the time series replay without formatting a single event, and the
   * event log goes into Blob parts as it is made. A failure never leaves the page waiting: it is
   * answered with what went wrong and what to do instead.
   */
  private exportFile(requestId: number, file: ExportFile, window?: TimeWindow): void {
    const engine = this.engine;
    if (!engine) {
      this.deps.post({
        type: 'export.failed',
        requestId,
        message: 'There is no run to export yet: load a preset first.',
      });
      return;
    }
    const scenario = engine.scenario;
    const commands = this.commandLog();
    const atMs = engine.nowMs;
    try {
      if (file === 'run') {
        const text = `${JSON.stringify({ scenario, commands, atMs }, null, 2)}\n`;
        this.deps.post({
          type: 'exported',
          requestId,
          file,
          atMs,
          blob: new Blob([text], { type: 'application/json' }),
        });
        return;
      }
      if (file === 'events') {
        const toMs = Math.min(atMs, window?.toMs ?? atMs);
        const fromMs = Math.max(0, window?.fromMs ?? 0);
        if (!(fromMs <= toMs)) {
          this.deps.post({
            type: 'export.failed',
            requestId,
            message: `The time window is empty: it starts at ${fromMs} ms, after its end at ${toMs} ms. Give a start before the end.`,
          });
          return;
        }
        const writer = new BlobWriter('text/csv');
        // The worker is busy until the file is done; the page hears how far it has got meanwhile.
        let written = -1; // the header is not a row
        const write = (chunk: string) => {
          writer.write(chunk);
          if (++written % progressRows === 0 && written > 0) {
            this.deps.post({ type: 'export.progress', requestId, rows: written });
          }
        };
        const csv = this.deps.exportRun(scenario, commands, toMs, {
          writeEvents: write,
          eventsFromMs: fromMs,
        });
        this.deps.post({
          type: 'exported',
          requestId,
          file,
          atMs: toMs,
          blob: writer.finish(),
          rows: csv.eventRows,
        });
        return;
      }
      const csv = this.metricsCsv(scenario, commands, atMs);
      const text =
        file === 'summary-tiers'
          ? csv.summaryTiers
          : file === 'summary-end-to-end'
            ? csv.summaryEndToEnd
            : csv.timeSeries;
      this.deps.post({
        type: 'exported',
        requestId,
        file,
        atMs,
        blob: new Blob([text], { type: 'text/csv' }),
      });
    } catch (error) {
      this.deps.post({ type: 'export.failed', requestId, message: exportFailure(file, error) });
    }
  }

  /** The summary and time series at atMs: one replay serves both files. */
  private metricsCsv(scenario: Scenario, commands: TimedCommand[], atMs: number): RunCsv {
    const key = `${atMs}\u0000${JSON.stringify(commands)}`;
    if (this.metricsFiles?.key !== key) {
      this.metricsFiles = { key, csv: this.deps.exportRun(scenario, commands, atMs, { events: false }) };
    }
    return this.metricsFiles.csv;
  }

  /**
   * The run's whole command log: those it was created with (an import, a lesson's earlier steps)
   * and those applied since, in time order as the engine runs them (at equal times, the former first).
   */
  private commandLog(): TimedCommand[] {
    const log = [...this.startCommands, ...(this.engine?.commandLog ?? [])];
    return log.sort((a, b) => a.atMs - b.atMs);
  }

  private fail(error: unknown): void {
    const isInput = error instanceof Error && error.name === 'InputError';
    const problems = isInput ? [...((error as { problems?: string[] }).problems ?? [])] : [];
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    this.deps.post({ type: 'error', message, problems, input: isInput });
  }
}

/** What a person reads when a file could not be made: what happened, and what to do instead. */
export function exportFailure(file: ExportFile, error: unknown): string {
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const words = fileWords[file];
  if (error instanceof RangeError || /memory|allocation|string length/i.test(detail)) {
    const instead =
      file === 'events'
        ? 'Export a shorter time window of the event log, or save the run file and make the whole log with ' +
          'the CLI (npm run sim -- --scenario RUN.json --events-csv FILE), which writes it to disk as it goes.'
        : 'Close other tabs and export again, or save the run file and make it with the CLI ' +
          '(npm run sim -- --scenario RUN.json --summary-tiers-csv FILE --summary-end-to-end-csv FILE ' +
          '--timeseries-csv FILE).';
    return `The ${words} could not be made: the browser ran out of memory for it (${detail}). ${instead}`;
  }
  return `The ${words} could not be made (${detail}). Your run is unchanged: export again, or save the run file and make the CSVs with the CLI.`;
}

/**
 * Keeps at most `max` events. When there are more, keeps every event that is not part of a request
 * (evictions, expiries, node changes) and the events of every k-th request, so that each kept
 * request's path stays whole for the animation.
 */
export function sampleEvents(events: SimEvent[], max: number): SimEvent[] {
  if (events.length <= max) return events;
  let requestEvents = 0;
  for (const event of events) if ('req' in event) requestEvents++;
  const otherEvents = events.length - requestEvents;
  const otherBudget = Math.max(Math.floor(max / 4), max - requestEvents);
  const room = Math.max(1, max - Math.min(otherEvents, otherBudget));
  const every = Math.max(1, Math.ceil(requestEvents / room));
  const kept: SimEvent[] = [];
  let others = 0;
  for (const event of events) {
    if ('req' in event) {
      if (event.req % every === 0) kept.push(event);
    } else if (others < otherBudget) {
      others++;
      kept.push(event);
    }
  }
  return kept.length <= max ? kept : kept.slice(kept.length - max);
}
