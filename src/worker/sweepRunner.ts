import { planSweep, type SweepPlan } from '../engine/experiments/planSweep';
import { measureVariant, pointOfRun } from '../engine/experiments/sweepPoint';
import { predictedTier } from '../engine/experiments/sweepOverlay';
import { InputError } from '../engine/inputError';
import type { Scenario } from '../engine/scenario/schema';
import type { FromSweepWorker, ToSweepWorker, TypedSweep } from './sweepProtocol';
import { realClock, warmUp, warmUpBudgetMs, type WarmUpClock } from './sweepWarmUp';

/**
 * What a sweep worker does with each message (sweepWorker.ts only hands them over), answering each
 * through `post` in the order they came. A warm-up goes on between messages until its budget is spent,
 * and any later message ends it first, so `warmed` is answered before the plan that interrupted it.
 */
export function createSweepWorker(
  post: (answer: FromSweepWorker) => void,
  clock: WarmUpClock = realClock,
  budgetMs = warmUpBudgetMs,
): (message: ToSweepWorker) => void {
  const answer = createSweepRunner();
  let endWarmUp: (() => void) | null = null;
  return (message) => {
    endWarmUp?.();
    if (message.type !== 'warm') return post(answer(message));
    // The sweep as typed, its runs measured as the sweep measures a variant and thrown away; or,
    // while the sweep is not a valid one, the scenario alone.
    const plan = warmUpPlan(message.scenario, message.sweep);
    const end = warmUp(
      plan?.variants ?? [message.scenario],
      () => {
        if (endWarmUp === end) endWarmUp = null;
        post({ type: 'warmed' });
      },
      clock,
      budgetMs,
      plan ? (run, i) => void pointOfRun(run, plan.values[i], predictedTier(plan.path)) : undefined,
    );
    endWarmUp = end;
  };
}

/** The typed sweep, planned, or null while there is none or it is not a valid one. */
export function warmUpPlan(scenario: Scenario, sweep: TypedSweep | undefined): SweepPlan | null {
  if (!sweep) return null;
  try {
    return planSweep(scenario, sweep.path, sweep.values);
  } catch {
    return null;
  }
}

/**
 * A sweep worker's answer to a plan or a variant's run: it keeps the sweep it last planned, so a
 * variant's run is sent its index, not the scenario again.
 */
function createSweepRunner(): (message: Exclude<ToSweepWorker, { type: 'warm' }>) => FromSweepWorker {
  let plan: SweepPlan | null = null;
  return (message) => {
    try {
      if (message.type === 'plan') {
        plan = planSweep(message.scenario, message.path, message.values);
        return { type: 'planned', count: plan.variants.length };
      }
      if (!plan || message.index >= plan.variants.length)
        return { type: 'failed', message: `the sweep failed: no variant ${message.index} was planned` };
      const { index } = message;
      return {
        type: 'point',
        index,
        point: measureVariant(plan.variants[index], plan.values[index], predictedTier(plan.path)),
      };
    } catch (error) {
      return {
        type: 'failed',
        message: error instanceof InputError ? error.message : `the sweep failed: ${String(error)}`,
      };
    }
  };
}
