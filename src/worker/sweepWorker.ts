/// <reference lib="webworker" />
import './reportCspViolations';
import { planSweep } from '../engine/experiments/planSweep';
import { measureVariant } from '../engine/experiments/sweepPoint';
import { predictedTier } from '../engine/experiments/sweepOverlay';
import { InputError } from '../engine/inputError';
import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol';

/** One of a sweep's workers: checks a sweep, or runs one variant of it from start to end. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromSweepWorker) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<ToSweepWorker>) => {
  const message = event.data;
  try {
    const plan = planSweep(message.scenario, message.path, message.values);
    if (message.type === 'plan') return post({ type: 'planned', count: plan.variants.length });
    post({
      type: 'point',
      index: message.index,
      point: measureVariant(
        plan.variants[message.index],
        plan.values[message.index],
        predictedTier(plan.path),
      ),
    });
  } catch (error) {
    post({
      type: 'failed',
      message: error instanceof InputError ? error.message : `the sweep failed: ${String(error)}`,
    });
  }
};
