import type { SettingValue } from '../lessons/goalSettings';
import type { Scenario } from '../scenario/schema';
import { measureVariant, type SweepPoint } from './sweepPoint';
import { predictedTier } from './sweepOverlay';
import { readSweepValues, variantWith } from './sweepSetting';

/** A sweep ready to run: every variant already built and validated, so a bad value fails before any runs. */
export interface SweepPlan {
  path: string;
  values: SettingValue[];
  variants: Scenario[];
}

/** The most variants one sweep runs. */
export const maxSweepValues = 100;

/**
 * One setting of a scenario across values given as text (`tiers.distributed.capacity` over
 * `100,200,400`): each variant is the scenario with that setting changed, the same seed and so the
 * same requests, validated as a whole.
 *
 * @throws InputError naming the path, or the value and what the scenario allows there
 */
export function planSweep(scenario: Scenario, path: string, texts: readonly string[]): SweepPlan {
  const values = readSweepValues(scenario, path, texts);
  return { path, values, variants: values.map((value) => variantWith(scenario, path, value)) };
}

/** Runs every variant one after another. The CLI and the app run them in parallel, with the same points. */
export function runSweep(plan: SweepPlan): SweepPoint[] {
  const tier = predictedTier(plan.path);
  return plan.variants.map((variant, i) => measureVariant(variant, plan.values[i], tier));
}
