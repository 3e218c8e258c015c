import { describe, expect, it } from 'vitest';
import { planSweep, runSweep } from '../../src/engine/experiments/planSweep';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import type { Scenario } from '../../src/engine/scenario/schema';
import { createSweepWorker, warmUpPlan } from '../../src/worker/sweepRunner';
import type { FromSweepWorker } from '../../src/worker/sweepProtocol';
import { warmUp, type WarmUpClock } from '../../src/worker/sweepWarmUp';

// 400 requests/s for 5 s: 2,000 requests, one slice a run.
const scenario = parseScenario({ version: 1, seed: 5, durationMs: 5_000, workload: { ratePerSecond: 400 } });

/** A clock that moves `stepMs` each time it is read, with the later turns held until `turn` runs them. */
function steppedClock(stepMs: number) {
  let nowMs = 0;
  const waiting: (() => void)[] = [];
  const rests: number[] = [];
  const clock: WarmUpClock = {
    now: () => (nowMs += stepMs),
    later: (run, afterMs) => {
      waiting.push(run);
      rests.push(afterMs);
    },
  };
  return {
    clock,
    waiting,
    rests,
    /** Runs the next later turn; false when none is waiting. */
    turn: () => {
      const run = waiting.shift();
      run?.();
      return run !== undefined;
    },
  };
}

describe('warmUp', () => {
  it('runs the scenario again and again, a slice a turn with a rest after each, until its budget is spent', () => {
    const { clock, turn, rests } = steppedClock(10);
    let done = 0;
    warmUp([scenario], () => done++, clock, 100);
    let turns = 0;
    while (turn()) turns++;
    // The clock moves 10 ms a read: once at the start, then at each slice's start and end. Five slices
    // of 10 ms and their gaps spend the 100 ms. Each slice is a whole run of this scenario, so four of
    // them start a new run when the last one has ended.
    expect(turns).toBe(5);
    expect(done).toBe(1);
    // The first slice at once, then a rest of half of each slice's 10 ms, leaving the page's thread room.
    expect(rests).toEqual([0, 5, 5, 5, 5]);
  });

  it('hands each run that reaches its end to `finished`, with the index of its scenario', () => {
    const { clock, turn } = steppedClock(10);
    const other = { ...scenario, seed: 6 };
    const seen: { index: number; seed: number; finished: boolean }[] = [];
    warmUp(
      [scenario, other],
      () => {},
      clock,
      100,
      (run, index) => seen.push({ index, seed: run.scenario.seed, finished: run.finished }),
    );
    while (turn());
    // One slice is a whole run here: five slices, five runs, the two scenarios in turn.
    expect(seen).toEqual([
      { index: 0, seed: 5, finished: true },
      { index: 1, seed: 6, finished: true },
      { index: 0, seed: 5, finished: true },
      { index: 1, seed: 6, finished: true },
      { index: 0, seed: 5, finished: true },
    ]);
  });

  it('stops at once when told, and runs nothing after', () => {
    const { clock, turn, waiting } = steppedClock(1);
    let done = 0;
    const stop = warmUp([scenario], () => done++, clock, 1_000);
    turn();
    turn();
    stop();
    expect(done).toBe(1);
    stop();
    expect(done).toBe(1);
    // The turn already waiting does nothing and asks for no other.
    expect(waiting).toHaveLength(1);
    turn();
    expect(waiting).toHaveLength(0);
  });

  it('ends, without throwing, on a scenario the engine cannot run', () => {
    const { clock, turn } = steppedClock(1);
    let done = 0;
    const broken = { ...scenario, workload: null } as unknown as Scenario;
    warmUp([broken], () => done++, clock, 1_000);
    expect(() => turn()).not.toThrow();
    // Its first slice ended it: nothing more waits.
    expect(done).toBe(1);
    expect(turn()).toBe(false);
  });
});

describe('a sweep worker warming up', () => {
  it('answers the warm-up before the plan that interrupts it, and measures the same points as a fresh run', () => {
    const { clock, turn } = steppedClock(1);
    const answers: FromSweepWorker[] = [];
    const handle = createSweepWorker((answer) => answers.push(answer), clock, 60_000);
    handle({ type: 'warm', scenario });
    for (let i = 0; i < 3; i++) turn();
    expect(answers).toEqual([]);
    const path = 'tiers.distributed.capacity';
    handle({ type: 'plan', scenario, path, values: ['10', '1000'] });
    handle({ type: 'run', index: 0 });
    handle({ type: 'run', index: 1 });
    expect(answers.map((a) => a.type)).toEqual(['warmed', 'planned', 'point', 'point']);
    const points = answers.flatMap((a) => (a.type === 'point' ? [a.point] : []));
    expect(points).toEqual(runSweep(planSweep(scenario, path, ['10', '1000'])));
    // The interrupted warm-up's waiting turn runs nothing more.
    turn();
    expect(answers).toHaveLength(4);
  });
});

describe('what a sweep worker warms up on', () => {
  it("is the typed sweep's variants, so a small cache's evictions are warm before the first variant", () => {
    const path = 'tiers.distributed.capacity';
    const plan = warmUpPlan(scenario, { path, values: ['10', '1000'] });
    expect(plan).toEqual(planSweep(scenario, path, ['10', '1000']));
    expect(plan?.variants.map((v) => v.topology.distributed.capacity)).toEqual([10, 1000]);
  });

  it('is no sweep (the worker warms up on the scenario alone) while the sweep as typed is not a valid one', () => {
    expect(warmUpPlan(scenario, undefined)).toBeNull();
    expect(warmUpPlan(scenario, { path: 'tiers.distributed.capacty', values: ['1', '2'] })).toBeNull();
    expect(warmUpPlan(scenario, { path: 'tiers.distributed.capacity', values: ['ten'] })).toBeNull();
  });
});
