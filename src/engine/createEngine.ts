import type { Engine, EngineOptions } from './engine';
import { Simulation } from './run/simulation';
import type { Scenario } from './scenario/schema';

/**
 * Creates a simulation of a (validated) scenario (see run/simulation.ts; runToEnd in run/runToEnd.ts
 * plays one to a moment in one call).
 *
 * @example
 * const engine = createEngine(loadPreset('basics'), { recordEvents: false });
 * engine.runUntil(engine.scenario.durationMs);
 * engine.metrics().tiers.find((t) => t.tier === 'distributed')?.hitRatio;
 */
export function createEngine(scenario: Scenario, options: EngineOptions = {}): Engine {
  return new Simulation(scenario, options);
}
