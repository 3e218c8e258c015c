import { describe, expect, it } from 'vitest';
import { createRateSchedule } from '../../../src/engine/workload/rateSchedule';
import { createStream } from '../../../src/engine/random';
import { InputError } from '../../../src/engine/inputError';
import type { Phase } from '../../../src/engine/scenario/parts';

const phase = (startMs: number, endMs: number, rateMultiplier: number): Phase => ({
  name: 'phase',
  startMs,
  endMs,
  rateMultiplier,
});

/** Arrivals in [fromMs, toMs) of a Poisson process under the schedule. */
function countArrivals(schedule: ReturnType<typeof createRateSchedule>, toMs: number, seed = 1): number[] {
  const random = createStream(seed, 'arrivals');
  const times: number[] = [];
  for (let t = schedule.nextArrivalMs(0, random); t < toMs; t = schedule.nextArrivalMs(t, random))
    times.push(t);
  return times;
}

function inWindow(times: number[], fromMs: number, toMs: number): number {
  return times.filter((t) => t >= fromMs && t < toMs).length;
}

/** |observed - expected| within four standard deviations of a Poisson count. */
function expectPoisson(observed: number, expected: number): void {
  expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt(expected));
}

describe('createRateSchedule', () => {
  it('multiplies the base rate by the phases in force, overlapping ones multiplying', () => {
    const schedule = createRateSchedule(100, [phase(1000, 3000, 2), phase(2000, 4000, 3)]);
    expect(schedule.rateAt(0)).toBe(100);
    expect(schedule.rateAt(1000)).toBe(200);
    expect(schedule.rateAt(2500)).toBe(600);
    expect(schedule.rateAt(3000)).toBe(300);
    expect(schedule.rateAt(4000)).toBe(100);
    // Looking back after looking ahead still answers right.
    expect(schedule.rateAt(1500)).toBe(200);
  });

  it('names the next change of rate, and Infinity after the last', () => {
    const schedule = createRateSchedule(100, [phase(1000, 3000, 2), phase(2000, 4000, 3)]);
    expect(schedule.nextChangeMs(0)).toBe(1000);
    expect(schedule.nextChangeMs(1000)).toBe(2000);
    expect(schedule.nextChangeMs(2999)).toBe(3000);
    expect(schedule.nextChangeMs(4000)).toBe(Infinity);
  });

  it('adds runtime spikes on top of phases and changes the base rate', () => {
    const schedule = createRateSchedule(100, [phase(0, 10_000, 2)]);
    schedule.addSpike(5000, 1000, 10);
    expect(schedule.rateAt(5500)).toBe(2000);
    expect(schedule.rateAt(6000)).toBe(200);
    schedule.setBaseRate(50);
    expect(schedule.rateAt(5500)).toBe(1000);
    expect(schedule.rateAt(20_000)).toBe(50);
  });

  it('draws arrivals at the rate of each period (phase, overlap, spike, quiet)', () => {
    const schedule = createRateSchedule(1000, [phase(10_000, 20_000, 3), phase(15_000, 20_000, 0.5)]);
    schedule.addSpike(30_000, 5000, 4);
    const times = countArrivals(schedule, 40_000);
    expectPoisson(inWindow(times, 0, 10_000), 10_000);
    expectPoisson(inWindow(times, 10_000, 15_000), 15_000);
    expectPoisson(inWindow(times, 15_000, 20_000), 7500);
    expectPoisson(inWindow(times, 20_000, 30_000), 10_000);
    expectPoisson(inWindow(times, 30_000, 35_000), 20_000);
    expectPoisson(inWindow(times, 35_000, 40_000), 5000);
  });

  it('draws exponential gaps: the share of gaps longer than the mean is 1/e', () => {
    const times = countArrivals(createRateSchedule(500), 200_000);
    let long = 0;
    for (let i = 1; i < times.length; i++) if (times[i] - times[i - 1] > 2) long++;
    const share = long / (times.length - 1);
    expect(Math.abs(share - Math.exp(-1))).toBeLessThan(0.01);
  });

  it('sends nothing while the rate is zero and resumes when it changes', () => {
    const schedule = createRateSchedule(100, [phase(1000, 5000, 0)]);
    const times = countArrivals(schedule, 10_000);
    expect(inWindow(times, 1000, 5000)).toBe(0);
    expectPoisson(inWindow(times, 5000, 10_000), 500);
  });

  it('returns Infinity when the rate stays zero forever', () => {
    const schedule = createRateSchedule(100);
    schedule.setBaseRate(0);
    expect(schedule.nextArrivalMs(0, createStream(1, 'arrivals'))).toBe(Infinity);
  });

  it('rejects a phase that ends before it starts, naming it', () => {
    expect(() => createRateSchedule(100, [phase(0, 10, 1), phase(500, 100, 2)])).toThrow(InputError);
    expect(() => createRateSchedule(100, [phase(500, 100, 2)])).toThrow(/workload\.phases\[0\]\.endMs/);
  });
});
