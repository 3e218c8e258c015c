import { planSweep, type SweepPlan } from '../engine/experiments/planSweep';
import { measureVariant } from '../engine/experiments/sweepPoint';
import { predictedTier } from '../engine/experiments/sweepOverlay';
import { InputError } from '../engine/inputError';
import { runToEnd } from '../engine/run/runToEnd';
import { expectedRequests } from '../engine/scenario/requestBudget';
import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol';

/** About this many requests warm the engine's hot paths up, as a second or third variant would be. */
const warmUpRequests = 20_000;

/**
 * What a sweep worker does with each message (sweepWorker.ts only posts the answers): it keeps the
 * sweep it last planned, so a variant's run is sent its index, not the scenario again.
 */
export function createSweepRunner(): (message: ToSweepWorker) => FromSweepWorker {
  let plan: SweepPlan | null = null;
  return (message) => {
    try {
      if (message.type === 'warm') {
        const { scenario } = message;
        const share = Math.min(1, warmUpRequests / Math.max(1, expectedRequests(scenario)));
        runToEnd(scenario, [], { untilMs: scenario.durationMs * share });
        return { type: 'warmed' };
      }
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
