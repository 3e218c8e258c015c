import { InputError } from '../inputError';
import type { RandomStream } from '../random';
import type { Phase } from '../scenario/parts';

/** A period in which the rate is multiplied: a scenario phase or a runtime spike. */
interface Window {
  startMs: number;
  endMs: number;
  multiplier: number;
}

/**
 * The request rate over simulated time: a base rate times the multipliers of every phase and spike
 * in force (overlapping ones multiply). The rate is piecewise constant, which makes Poisson arrivals
 * under it exact to draw (see nextArrivalMs).
 */
export interface RateSchedule {
  /** Requests per second before phases and spikes. */
  readonly baseRatePerSecond: number;
  /** Changes the base rate (from now on: the schedule keeps no history of the base rate). */
  setBaseRate(ratePerSecond: number): void;
  /** Multiplies the rate by `multiplier` over [startMs, startMs + durationMs). */
  addSpike(startMs: number, durationMs: number, multiplier: number): void;
  /** Requests per second at tMs. */
  rateAt(tMs: number): number;
  /** The first time after tMs at which the rate may change; Infinity when it never does. */
  nextChangeMs(tMs: number): number;
  /**
   * The next arrival of a Poisson process under this schedule, after fromMs; Infinity when the rate
   * is zero from some point on forever.
   */
  nextArrivalMs(fromMs: number, random: RandomStream): number;
}

/** Checks scenario phases; a phase that ends before it starts is a person's mistake. */
function checkPhases(phases: readonly Phase[]): void {
  const problems: string[] = [];
  phases.forEach((phase, i) => {
    if (phase.endMs < phase.startMs) {
      problems.push(
        `workload.phases[${i}].endMs: expected a time at or after startMs (${phase.startMs}), got ${phase.endMs}`,
      );
    }
  });
  if (problems.length > 0)
    throw new InputError('The workload has phases that end before they start.', problems);
}

class PiecewiseRateSchedule implements RateSchedule {
  baseRatePerSecond: number;
  private readonly windows: Window[];
  // The segment [segmentStartMs, segmentEndMs) of constant rate that was last looked up: arrivals
  // move forward in time, so nearly every lookup hits it.
  private segmentStartMs = 0;
  private segmentEndMs = -Infinity;
  private segmentRate = 0;

  constructor(baseRatePerSecond: number, phases: readonly Phase[]) {
    checkPhases(phases);
    this.baseRatePerSecond = baseRatePerSecond;
    this.windows = phases
      .filter((phase) => phase.endMs > phase.startMs)
      .map((phase) => ({ startMs: phase.startMs, endMs: phase.endMs, multiplier: phase.rateMultiplier }));
  }

  setBaseRate(ratePerSecond: number): void {
    if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond)) {
      throw new RangeError(`setBaseRate: expected a finite rate >= 0, got ${ratePerSecond}`);
    }
    this.baseRatePerSecond = ratePerSecond;
    this.segmentEndMs = -Infinity;
  }

  addSpike(startMs: number, durationMs: number, multiplier: number): void {
    if (!(durationMs > 0)) return;
    if (!(multiplier >= 0) || !Number.isFinite(multiplier)) {
      throw new RangeError(`addSpike: expected a finite multiplier >= 0, got ${multiplier}`);
    }
    this.windows.push({ startMs, endMs: startMs + durationMs, multiplier });
    this.segmentEndMs = -Infinity;
  }

  /** Finds the segment of constant rate that holds tMs. */
  private locate(tMs: number): void {
    if (tMs >= this.segmentStartMs && tMs < this.segmentEndMs) return;
    let rate = this.baseRatePerSecond;
    let startMs = -Infinity;
    let endMs = Infinity;
    for (const w of this.windows) {
      if (w.startMs <= tMs) {
        if (tMs < w.endMs) {
          rate *= w.multiplier;
          if (w.startMs > startMs) startMs = w.startMs;
          if (w.endMs < endMs) endMs = w.endMs;
        } else if (w.endMs > startMs) {
          startMs = w.endMs;
        }
      } else if (w.startMs < endMs) {
        endMs = w.startMs;
      }
    }
    this.segmentStartMs = startMs;
    this.segmentEndMs = endMs;
    this.segmentRate = rate;
  }

  rateAt(tMs: number): number {
    this.locate(tMs);
    return this.segmentRate;
  }

  nextChangeMs(tMs: number): number {
    this.locate(tMs);
    return this.segmentEndMs;
  }

  nextArrivalMs(fromMs: number, random: RandomStream): number {
    // Draw an exponential gap at the current rate; if it crosses the next change, restart from the
    // change. Poisson arrivals are memoryless, so the restart is exact, not an approximation.
    let tMs = fromMs;
    for (;;) {
      this.locate(tMs);
      const endMs = this.segmentEndMs;
      if (this.segmentRate > 0) {
        const arrivalMs = tMs + random.exponential(1000 / this.segmentRate);
        if (arrivalMs < endMs) return arrivalMs;
      }
      if (endMs === Infinity) return Infinity;
      tMs = endMs;
    }
  }
}

/**
 * Creates the open-loop arrival schedule of a workload: a base rate in requests per second and the
 * scenario's phases ([startMs, endMs) rate multipliers). Runtime spikes are added with addSpike.
 *
 * @example
 * const schedule = createRateSchedule(200, [{ name: 'sale', startMs: 10_000, endMs: 20_000, rateMultiplier: 5 }]);
 * schedule.rateAt(15_000); // 1000
 */
export function createRateSchedule(baseRatePerSecond: number, phases: readonly Phase[] = []): RateSchedule {
  return new PiecewiseRateSchedule(baseRatePerSecond, phases);
}
