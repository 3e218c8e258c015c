import type { Engine } from '../engine/engine';
import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { EventCounts } from './eventCounts';
import type { PlaybackLoop } from './playbackLoop';
import type { ToWorker } from './protocol';

/**
 * A rewind: a new engine replays the scenario and the log up to the moment, headless, in the ticks'
 * bounded slices. Built on the replay contract (scenario + command log replays a run exactly), so the
 * state there is the state the run had then, not a snapshot's approximation. Messages that come
 * meanwhile wait and run once it is done, in order, as if the seek had been instant.
 */
export class Seek {
  /** Where the seek is going. */
  toMs = 0;
  private held: ToWorker[] = [];

  /**
   * Aims at toMs (within the run) and returns the commands to replay: those stamped at or before
   * it, only the first `commandCount` of them when given (to drop those applied at toMs itself).
   */
  aim(
    log: readonly TimedCommand[],
    toMs: number,
    durationMs: number,
    commandCount = Infinity,
  ): TimedCommand[] {
    this.toMs = Math.min(durationMs, Math.max(0, toMs));
    return log.filter((c) => c.atMs <= this.toMs).slice(0, Math.max(0, commandCount));
  }

  /** Whether a message sent during the seek waits for its end: a frame's ack and the speed do not. */
  static waits(message: ToWorker): boolean {
    return message.type !== 'frame.ack' && message.type !== 'speed';
  }

  hold(message: ToWorker): void {
    this.held.push(message);
  }

  /** The next message held during the seek, oldest first. */
  nextHeld(): ToWorker | undefined {
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
    loop.advance(engine, this.toMs, startWall, (run) => {
      // Drained as it goes, so that the engine's bounded buffer never drops (and counts) any.
      const { events, dropped } = run.drainEvents();
      counts.add(events, dropped, run.nowMs, run.scenario.bucketMs);
    });
    if (engine.nowMs < this.toMs) return false;
    engine.drainEvents();
    return true;
  }
}
