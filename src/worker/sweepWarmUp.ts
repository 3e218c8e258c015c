import { Simulation } from '../engine/run/simulation';
import { expectedRequests } from '../engine/scenario/requestBudget';
import type { Scenario } from '../engine/scenario/schema';

/** What a warm-up needs of time: a clock in ms, and a way to run on a later turn of the event loop. */
export interface WarmUpClock {
  now(): number;
  later(run: () => void, afterMs: number): void;
}

export const realClock: WarmUpClock = {
  now: () => performance.now(),
  later: (run, afterMs) => setTimeout(run, afterMs),
};

/**
 * At most this long a worker warms up while the person picks what to sweep. One run of a scenario is
 * not enough: two fresh workers on two cores each compile the same hot code while competing with V8's
 * background compiler, and reach full speed after about two flash-sale runs each (bench:ui, bench:sweep).
 */
export const warmUpBudgetMs = 2_500;

/**
 * After each slice the worker rests this share of the slice's time: two workers warming flat out on
 * two cores left the page's own thread a third of a core while the person types (key-to-frame p95
 * 17 → 25 ms, and tasks of 51 ms), and V8 compiles the hot code on background threads that need the
 * idle time too.
 */
const restShare = 0.5;

/** The engine runs this many requests between looks at the clock and at waiting messages. */
const sliceRequests = 2_000;

/**
 * Runs the scenarios in turn, over and over, in slices, throwing each run away, so that the worker's
 * JIT has compiled the engine's hot paths before the sweep's first variant: the sweep's own variants
 * when they are known, since a small cache's evictions or another policy take paths that the
 * scenario alone may never reach. It yields between slices, so a message that arrives (the sweep's
 * plan) stops it after at most one slice: the sweep never waits for the warm-up. Each run that
 * reaches its end is handed to `finished` with its scenario's index, for what a variant does after
 * its requests. `done` is called once, when the budget is spent or when the returned stop is
 * called (then at once, before the caller answers anything else, so answers keep their order).
 * A scenario that cannot run ends the warm-up (so does an empty list); the sweep's plan names what is
 * wrong with it.
 */
export function warmUp(
  scenarios: readonly Scenario[],
  done: () => void,
  clock: WarmUpClock = realClock,
  budgetMs = warmUpBudgetMs,
  finished: (run: Simulation, index: number) => void = () => {},
): () => void {
  const endsAt = clock.now() + budgetMs;
  let sliceMs = 0;
  let run: Simulation | null = null;
  let index = 0;
  let runs = 0;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    done();
  };
  const slice = () => {
    if (ended) return;
    if (scenarios.length === 0) return end();
    const started = clock.now();
    try {
      if (!run || run.finished) {
        index = runs++ % scenarios.length;
        const scenario = scenarios[index];
        const share = Math.min(1, sliceRequests / Math.max(1, expectedRequests(scenario)));
        sliceMs = Math.max(1, scenario.durationMs * share);
        run = new Simulation(scenario, { recordEvents: false });
      }
      run.runUntil(run.nowMs + sliceMs);
      if (run.finished) finished(run, index);
    } catch {
      return end();
    }
    const now = clock.now();
    if (now >= endsAt) end();
    else clock.later(slice, (now - started) * restShare);
  };
  clock.later(slice, 0);
  return end;
}
