import { parentPort } from 'node:worker_threads';
import { measureVariant } from '../engine/experiments/sweepPoint';
import type { PredictedTier } from '../engine/experiments/sweepOverlay';
import type { SettingValue } from '../engine/lessons/goalSettings';
import type { Scenario } from '../engine/scenario/schema';

/** A worker thread of `npm run sim -- --sweep`: runs the variants it is sent, one at a time. */
parentPort!.on('message', (task: { scenario: Scenario; value: SettingValue; tier: PredictedTier }) => {
  try {
    parentPort!.postMessage({ ok: true, result: measureVariant(task.scenario, task.value, task.tier) });
  } catch (error) {
    parentPort!.postMessage({
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
