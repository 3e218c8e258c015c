import type { Engine, EngineOptions } from '../engine/engine';
import {
  parseComparisonDocument,
  parseVariantCommands,
  type ComparisonDocument,
} from '../engine/experiments/comparisonDocument';
import type { ComparisonVariant } from '../engine/experiments/planComparison';
import { commandsForVariant, reachesVariant, unreachedNote } from '../engine/experiments/variantCommands';
import { exportComparison } from '../engine/export/comparisonCsv';
import { parseJson } from '../engine/input/jsonText';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import type { FromComparison, ToComparison } from './comparisonProtocol';
import { wholeCommandLog } from './hostMode';
import { MessageHost } from './messageHost';
import { EventCounts } from './eventCounts';
import { FramePoster } from './framePoster';
import { PlaybackLoop } from './playbackLoop';
import type { FrameMessage } from './protocol';

/** What the comparison host needs from outside: the engine's maker, the clock and the message port. */
export interface ComparisonHostDeps {
  createEngine(scenario: Scenario, options: EngineOptions): Engine;
  post(message: FromComparison): void;
  wallMs(): number;
}

/** One variant as it plays: its engine and the frames it makes. */
interface LiveVariant {
  variant: ComparisonVariant;
  engine: Engine;
  counts: EventCounts;
  frames: FramePoster;
}

/** Wall milliseconds of simulation per tick for all the variants together, as the single run's host. */
const tickBudgetMs = 12;
const maxEventsPerFrame = 600;

/**
 * Hosts every variant of a comparison and keeps them at one simulated time: each tick the first
 * variant plays as the single run does (playbackLoop.ts, its share of the wall budget) and the
 * others run to exactly its moment. A command applies to all of them at that moment, so they share
 * one command log, and a replay of any variant with that log is the run it had here.
 */
export class ComparisonHost extends MessageHost<ToComparison> {
  private live: LiveVariant[] = [];
  private scenario: Scenario | null = null;
  /** The commands the engines were created with (a link's). */
  private startCommands: TimedCommand[] = [];
  /**
   * Those applied since, to every variant they reach: no one engine's log holds them all, since a
   * node fault skips the variants without that node.
   */
  private applied: TimedCommand[] = [];
  private loop: PlaybackLoop;
  /** Kept across loads: a new comparison plays at the speed chosen. */
  private speed = 1;
  /** The frames of the variants posted this turn, sent as one message. */
  private outbox: FrameMessage[] = [];

  constructor(private readonly deps: ComparisonHostDeps) {
    super(deps.post);
    this.loop = new PlaybackLoop(deps.wallMs, tickBudgetMs);
  }

  protected dispatch(message: ToComparison): void {
    if (message.type === 'compare.open') {
      const input = 'text' in message ? parseJson(message.text, 'share link') : message.document;
      this.open(parseComparisonDocument(input));
      return;
    }
    if (message.type === 'frame.ack') {
      for (const v of this.live) v.frames.acked();
      return;
    }
    if (message.type === 'speed') {
      this.speed = message.speed;
      this.loop.setSpeed(message.speed);
      return;
    }
    const lead = this.live[0]?.engine;
    if (!lead || !this.scenario) return;
    switch (message.type) {
      case 'play':
        if (lead.finished) return;
        this.modeValue = 'playing';
        this.loop.start();
        return;
      case 'pause':
        if (!this.running) return;
        this.modeValue = 'paused';
        this.postFrames(true);
        return;
      case 'run.end':
        if (!lead.finished) this.modeValue = 'fastForward';
        return;
      case 'reset':
        this.open({ scenario: this.scenario, variants: this.variants(), commands: [] });
        return;
      case 'command': {
        const timed = [{ atMs: lead.nowMs, command: message.command }];
        // Checked against every variant before any applies it, so their logs stay one log.
        const [checked] = parseVariantCommands(timed, this.variants(), 'change');
        for (const v of this.live) {
          if (reachesVariant(checked.command, v.variant.scenario)) v.engine.apply(checked.command);
        }
        this.applied.push(checked);
        this.deps.post({ type: 'commands', commands: this.commandLog() });
        const note = unreachedNote(checked.command, this.variants());
        if (note) this.deps.post({ type: 'notice', message: note });
        if (!this.running) this.postFrames(true);
        else for (const v of this.live) v.frames.snapshotDue = true;
        return;
      }
      case 'export': {
        const files = exportComparison(this.variants(), this.commandLog(), lead.nowMs);
        this.deps.post({
          type: 'compare.exported',
          requestId: message.requestId,
          atMs: lead.nowMs,
          ...files,
        });
        return;
      }
    }
  }

  /** Starts every variant at 0 with the document's commands, then goes to its moment (a link's). */
  private open(document: ComparisonDocument): void {
    const { scenario, variants, commands } = document;
    this.scenario = scenario;
    this.startCommands = commands;
    this.applied = [];
    this.seekState.dropHeld();
    this.live = variants.map((variant) => {
      const counts = new EventCounts();
      return {
        variant,
        counts,
        engine: this.deps.createEngine(variant.scenario, {
          commands: commandsForVariant(commands, variant.scenario),
          recordEvents: true,
          eventBufferSize: maxEventsPerFrame * 8,
        }),
        frames: new FramePoster((frame) => this.outbox.push(frame as FrameMessage), counts, {
          maxEvents: maxEventsPerFrame,
          snapshotEvery: 6,
          snapshotEntries: 20,
        }),
      };
    });
    // Each variant has its share of the tick: the first plays within it, the others cost about as much.
    this.loop = new PlaybackLoop(this.deps.wallMs, tickBudgetMs / variants.length);
    this.loop.setSpeed(this.speed);
    const atMs = Math.min(scenario.durationMs, document.atMs ?? 0);
    this.deps.post({ type: 'compare.loaded', scenario, variants, commands, atMs });
    if (atMs > 0) {
      this.seekState.aim(commands, { toMs: atMs }, 'keep', scenario.durationMs);
      this.modeValue = 'seeking';
      return;
    }
    this.modeValue = 'paused';
    this.postFrames(true);
  }

  /** Moves every variant on by one display frame, to one moment, and posts their frames together. */
  tick(): void {
    if (!this.running || this.live.length === 0) return;
    const startWall = this.deps.wallMs();
    try {
      if (this.modeValue === 'seeking') {
        // Every variant replays to the link's moment before anything is shown.
        const there = this.live.map((v) => this.seekState.advance(v.engine, this.loop, v.counts, startWall));
        if (!there.every(Boolean)) return;
        this.modeValue = 'paused';
        this.postFrames(true);
        this.runHeld();
        return;
      }
      const [lead, ...others] = this.live;
      this.loop.tick(lead.engine, this.modeValue === 'fastForward', startWall);
      for (const v of others) v.engine.runUntil(lead.engine.nowMs);
    } catch (error) {
      this.modeValue = 'paused';
      this.fail(error);
      this.runHeld();
      return;
    }
    const finished = this.live[0].engine.finished;
    if (finished) this.modeValue = 'paused';
    for (const v of this.live) v.frames.ticked();
    this.postFrames(finished);
  }

  /** One frame per variant, or none while the page has not read the last two. */
  private postFrames(force: boolean): void {
    const speedReached = this.modeValue === 'playing' ? this.loop.speedReached : null;
    this.outbox = [];
    for (const v of this.live) v.frames.postFrame(v.engine, force, { running: this.running, speedReached });
    // The posters are asked and acknowledged together, so they post all or none.
    if (this.outbox.length === this.live.length)
      this.deps.post({ type: 'compare.frame', frames: this.outbox });
    this.outbox = [];
  }

  private variants(): ComparisonVariant[] {
    return this.live.map((v) => v.variant);
  }

  /** The log every variant shares (each runs the part that reaches it): opened with, and applied since. */
  private commandLog(): TimedCommand[] {
    return wholeCommandLog(this.startCommands, this.applied);
  }
}
