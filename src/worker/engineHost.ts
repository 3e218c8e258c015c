import type { Engine } from '../engine/engine';
import { InputError } from '../engine/inputError';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import type { TraceInput } from '../engine/workload/traceScenario';
import { EventCounts } from './eventCounts';
import type { EngineHostDeps } from './engineHostDeps';
import { FramePoster } from './framePoster';
import { wholeCommandLog } from './hostMode';
import { MessageHost } from './messageHost';
import { PlaybackLoop } from './playbackLoop';
import type { SeekLater, ToWorker } from './protocol';
import { RunExporter } from './runExporter';
import type { SeekTarget } from './seek';
import { traceSummary } from './traceRun';

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

/**
 * Hosts one engine and answers the page's messages: loads runs, applies commands, and plays (the
 * tick loop, playbackLoop.ts), seeks (seek.ts), posts frames (framePoster.ts) and makes files
 * (runExporter.ts). Kept apart from the worker's global scope so that tests can drive it with a fake
 * clock.
 */
export class EngineHost extends MessageHost<ToWorker> {
  private engine: Engine | null = null;
  /** The commands the engine was created with: its own commandLog holds only those applied since. */
  private startCommands: TimedCommand[] = [];
  private preset: string | null = null;
  /** The trace the run plays, part of its input like the scenario: every replay is given it. */
  private trace: TraceInput | null = null;
  private readonly loop: PlaybackLoop;
  private readonly counts = new EventCounts();
  private readonly frames: FramePoster;
  private readonly exporter: RunExporter;
  /** Undrained events the engine keeps between frames. */
  private readonly eventBufferSize: number;

  constructor(
    private readonly deps: EngineHostDeps,
    options: EngineHostOptions = {},
  ) {
    super(deps.post);
    const maxEvents = options.maxEventsPerFrame ?? 1500;
    this.eventBufferSize = maxEvents * 8;
    this.loop = new PlaybackLoop(deps.wallMs, options.tickBudgetMs ?? 12);
    this.frames = new FramePoster(deps.post, this.counts, {
      maxEvents,
      snapshotEvery: options.snapshotEvery ?? 6,
      snapshotEntries: options.snapshotEntries ?? 50,
    });
    this.exporter = new RunExporter(deps);
  }

  protected dispatch(message: ToWorker): void {
    switch (message.type) {
      case 'load': {
        const scenario = this.deps.parseScenario(message.scenario);
        const trace = message.keepTrace ? this.trace : null;
        this.start(scenario, this.deps.parseCommands(message.commands ?? [], scenario), null, trace);
        return;
      }
      case 'load.trace': {
        if (!this.engine)
          throw new InputError(
            `${message.name}: a trace plays on a run's topology; open a preset or a run first`,
          );
        const trace = this.deps.readTrace(message.text, message.name);
        this.start(this.deps.traceScenario(this.engine.scenario, trace), [], null, trace);
        return;
      }
      case 'load.preset':
        this.start(this.deps.loadPreset(message.name), [], message.name);
        return;
      case 'import': {
        // Either an exported run { scenario, commands, atMs? } or a bare scenario, read as the CLI reads it.
        const run = this.deps.parseRunDocument(this.deps.parseJson(message.text, message.source ?? 'file'));
        this.start(run.scenario, run.commands, null, run.trace ?? null);
        // A share link opens at its moment, every command kept: those after it are the run's future.
        if (message.openAtMoment && run.atMs !== undefined && run.atMs > 0) {
          this.seek(run.scenario, { toMs: run.atMs }, 'keep');
        }
        return;
      }
      case 'reset':
        if (this.engine) this.start(this.engine.scenario, [], this.preset, this.trace);
        return;
      case 'frame.ack':
        this.frames.acked();
        return;
      case 'speed':
        this.loop.setSpeed(message.speed);
        return;
      case 'export': {
        const engine = this.engine;
        const run = engine && {
          scenario: engine.scenario,
          commands: this.commandLog(),
          atMs: engine.nowMs,
          trace: this.trace ?? undefined,
        };
        this.exporter.exportFile(message.requestId, message.file, run, message.window);
        return;
      }
      case 'events.estimate':
        if (this.engine) {
          const estimate = this.counts.estimate(this.engine.nowMs, this.engine.scenario.bucketMs);
          this.deps.post({ type: 'events.estimated', requestId: message.requestId, ...estimate });
        }
        return;
    }
    const engine = this.engine;
    if (!engine) return;
    switch (message.type) {
      case 'play':
        if (engine.finished) return;
        this.modeValue = 'playing';
        this.loop.start();
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
        this.seek(engine.scenario, { toMs: message.toMs }, message.later ?? 'drop', message.commandCount);
        return;
      case 'step.back': {
        // One event back is the count before the last; one request back, one completed request fewer.
        const done = message.unit === 'event' ? engine.eventsRun : engine.requestsDone;
        this.seek(engine.scenario, { unit: message.unit, count: Math.max(0, done - 1) }, 'keep');
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
        else this.frames.snapshotDue = true;
        return;
      }
    }
  }

  /** The one way the host makes an engine: a live run, its events kept for the frames. */
  private createLiveEngine(scenario: Scenario, commands: TimedCommand[], trace = this.trace): Engine {
    this.startCommands = commands;
    this.counts.reset();
    this.engine = this.deps.createEngine(scenario, {
      commands,
      recordEvents: true,
      eventBufferSize: this.eventBufferSize,
      ...(trace ? { trace } : {}),
    });
    return this.engine;
  }

  private start(
    scenario: Scenario,
    commands: TimedCommand[],
    preset: string | null = null,
    trace: TraceInput | null = null,
  ): void {
    this.createLiveEngine(scenario, commands, trace);
    this.trace = trace;
    this.preset = preset;
    this.modeValue = 'paused';
    this.frames.reset();
    this.seekState.dropHeld();
    this.exporter.forget();
    this.deps.post({
      type: 'loaded',
      scenario,
      commands,
      preset,
      ...(trace ? { trace: traceSummary(trace) } : {}),
    });
    this.postFrame(true);
  }

  /** Advances the run by one display frame's worth and posts a frame (none while seeking). */
  tick(): void {
    const engine = this.engine;
    if (!engine || !this.running) return;
    const startWall = this.deps.wallMs();
    if (this.modeValue === 'seeking') {
      this.seekTick(engine, startWall);
      return;
    }
    try {
      this.loop.tick(engine, this.modeValue === 'fastForward', startWall);
    } catch (error) {
      this.modeValue = 'paused';
      this.fail(error);
      return;
    }
    if (engine.finished) this.modeValue = 'paused';
    this.frames.ticked();
    this.postFrame(engine.finished);
  }

  /** Starts a rewind to a moment, keeping or dropping the later log; later ticks replay it (see seek.ts). */
  private seek(scenario: Scenario, to: SeekTarget, later: SeekLater, commandCount?: number): void {
    const kept = this.seekState.aim(this.commandLog(), to, later, scenario.durationMs, commandCount);
    this.createLiveEngine(scenario, kept);
    this.frames.resendSeries();
    this.modeValue = 'seeking';
  }

  private seekTick(engine: Engine, startWall: number): void {
    try {
      if (!this.seekState.advance(engine, this.loop, this.counts, startWall)) return;
    } catch (error) {
      this.modeValue = 'paused';
      this.fail(error);
      this.runHeld();
      return;
    }
    this.modeValue = 'paused';
    this.frames.snapshotDue = true;
    this.deps.post({ type: 'seeked', nowMs: engine.nowMs, commands: this.commandLog() });
    this.postFrame(true);
    this.runHeld();
  }

  private postFrame(force: boolean): void {
    if (!this.engine) return;
    const speedReached = this.modeValue === 'playing' ? this.loop.speedReached : null;
    this.frames.postFrame(this.engine, force, { running: this.running, speedReached });
  }

  private commandLog(): TimedCommand[] {
    return wholeCommandLog(this.startCommands, this.engine?.commandLog);
  }
}
