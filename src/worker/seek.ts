import type { Engine } from '../engine/engine';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { EventCounts } from './eventCounts';
import type { PlaybackLoop } from './playbackLoop';
import type { SeekLater, StepUnit, ToWorker } from './protocol';

/** Where a seek is going: a simulated time, or a count of events run or requests done (step back). */
export type SeekTarget = { toMs: number } | { unit: StepUnit; count: number };

/** Steps a seek by count takes between looks at the wall clock. */
const stepsPerClockCheck = 512;

/**
 * A rewind: a new engine replays the scenario and the log up to the moment, headless, in the ticks'
 * bounded slices. Built on the replay contract (scenario + command log replays a run exactly), so the
 * state there is the state the run had then, not a snapshot's approximation. Messages that come
 * meanwhile wait and run once it is done, in order, as if the seek had been instant (the single
 * run's messages, or a comparison's: `Held`).
 */
export class Seek<Held extends { type: string } = ToWorker> {
  /** Where the seek is going. */
  target: SeekTarget = { toMs: 0 };
  private held: Held[] = [];

  /**
   * Aims at a moment (within the run) and returns the commands to replay. Dropping the later ones
   * (lessons' Reset step), those stamped at or before it, only the first `commandCount` of them when
   * given (to drop those applied at the moment itself); kept (the timeline, step back), the whole log:
   * the later commands are the run's future, which the replay applies at their times.
   */
  aim(
    log: readonly TimedCommand[],
    to: SeekTarget,
    later: SeekLater,
    durationMs: number,
    commandCount = Infinity,
  ): TimedCommand[] {
    this.target = 'toMs' in to ? { toMs: Math.min(durationMs, Math.max(0, to.toMs)) } : to;
    const target = this.target;
    if (later === 'keep' || !('toMs' in target)) return [...log];
    return log.filter((c) => c.atMs <= target.toMs).slice(0, Math.max(0, commandCount));
  }

  /** Whether a message sent during the seek waits for its end: a frame's ack and the speed do not. */
  static waits(message: { type: string }): boolean {
    return message.type !== 'frame.ack' && message.type !== 'speed';
  }

  hold(message: Held): void {
    this.held.push(message);
  }

  /** The next message held during the seek, oldest first. */
  nextHeld(): Held | undefined {
    return this.held.shift();
  }

  dropHeld(): void {
    this.held = [];
  }

  /**
   * One tick of the replay. Its events are history the person already saw: they are counted (for the
   * event log's size) but never shown. True once the engine has reached the moment.
   */
  advance(engine: Engine, loop: PlaybackLoop, counts: EventCounts, startWall: number): boolean {
    const count = (run: Engine) => {
      // Drained as it goes, so that the engine's bounded buffer never drops (and counts) any.
      const { events, dropped } = run.drainEvents();
      counts.add(events, dropped, run.nowMs, run.scenario.bucketMs);
    };
    const target = this.target;
    if ('toMs' in target) {
      loop.advance(engine, target.toMs, startWall, count);
      if (engine.nowMs < target.toMs) return false;
    } else if (!this.stepTo(engine, target, loop, startWall, count)) {
      return false;
    }
    engine.drainEvents();
    return true;
  }

  /**
   * Steps the engine until `count` events have run (or requests completed), within the tick's
   * wall-time budget. True once there, or when the run ends first.
   */
  private stepTo(
    engine: Engine,
    target: { unit: StepUnit; count: number },
    loop: PlaybackLoop,
    startWall: number,
    count: (run: Engine) => void,
  ): boolean {
    const done = () => (target.unit === 'event' ? engine.eventsRun : engine.requestsDone);
    while (done() < target.count) {
      if (!loop.hasBudget(startWall)) return false;
      for (let i = 0; i < stepsPerClockCheck && done() < target.count; i++) {
        if (!engine.step()) return true;
      }
      count(engine);
    }
    return true;
  }
}
