import type { Engine } from '../engine/engine';
import { clampSpeed } from '../machines/playback';

/** Wall time that counts for one frame at most, so a tab coming back from the background does not jump. */
const maxWallStepMs = 100;
/** The speed reached is measured over this much wall time of playing (and then measured afresh). */
const speedWindowMs = 500;

/**
 * Drives an engine from wall time: each tick runs it to where wall time × speed has got (or toward
 * the end, fast-forwarding) in slices bounded by a wall-time budget, so a pause or a command is never
 * kept waiting, and it measures the speed the engine reached. The speed limits are playback's own
 * (machines/playback.ts), so the page and the worker agree on them.
 */
export class PlaybackLoop {
  private speed = 1;
  private lastTickWallMs: number | null = null;
  /** Simulated and wall ms played at speed since the speed reached was last measured. */
  private measuredSimMs = 0;
  private measuredWallMs = 0;
  /** Simulated ms per wall ms over the last window of playing, or null before one has passed. */
  speedReached: number | null = null;
  /** Simulated ms run per slice; adapts so that one slice takes about a millisecond of wall time. */
  private sliceSimMs = 10;

  constructor(
    private readonly wallMs: () => number,
    private readonly tickBudgetMs: number,
  ) {}

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    this.restartSpeedMeasure();
  }

  /** Playing starts now: the first tick runs the wall time from here. */
  start(): void {
    this.lastTickWallMs = this.wallMs();
    this.restartSpeedMeasure();
  }

  /**
   * One display frame's worth, from startWall. Fast-forwarding, the whole budget goes to simulation;
   * playing, simulated time follows wall time × speed, and when the budget runs out first the run
   * simply falls behind rather than freezing.
   */
  tick(engine: Engine, fastForward: boolean, startWall: number): void {
    const durationMs = engine.scenario.durationMs;
    let targetMs = durationMs;
    let wallStep = 0;
    if (!fastForward) {
      wallStep = Math.min(maxWallStepMs, Math.max(0, startWall - (this.lastTickWallMs ?? startWall)));
      targetMs = Math.min(durationMs, engine.nowMs + wallStep * this.speed);
    }
    this.lastTickWallMs = startWall;
    const startMs = engine.nowMs;
    this.advance(engine, targetMs, startWall);
    // The end of the run cuts the last step short: that is not the engine falling behind.
    if (!fastForward && targetMs < durationMs) this.measureSpeed(engine.nowMs - startMs, wallStep);
  }

  /** Whether the tick that began at startWall has wall time left. */
  hasBudget(startWall: number): boolean {
    return this.wallMs() - startWall < this.tickBudgetMs;
  }

  /**
   * Runs the engine toward targetMs in slices until the wall-time budget from startWall is spent;
   * `afterSlice` sees the engine after each one (a seek drains its events there).
   */
  advance(engine: Engine, targetMs: number, startWall: number, afterSlice?: (engine: Engine) => void): void {
    while (engine.nowMs < targetMs) {
      const sliceStart = this.wallMs();
      if (sliceStart - startWall >= this.tickBudgetMs) return;
      const full = engine.nowMs + this.sliceSimMs <= targetMs;
      engine.runUntil(full ? engine.nowMs + this.sliceSimMs : targetMs);
      afterSlice?.(engine);
      const took = this.wallMs() - sliceStart;
      // Aim at slices of about a millisecond so the budget check stays fine-grained. Only a whole
      // slice says it was quick: one cut short by the target (playing at 1x) would let the slice grow
      // without bound, and the next fast-forward or seek would run in one blocking piece.
      if (took < 0.5 && full) this.sliceSimMs = Math.min(this.sliceSimMs * 2, 1e9);
      else if (took > 2) this.sliceSimMs = Math.max(this.sliceSimMs / 2, 0.001);
    }
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
}
