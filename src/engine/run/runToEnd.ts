import type { Engine, EngineOptions } from '../engine';
import type { TimedCommand } from '../scenario/commandSchema';
import type { Scenario } from '../scenario/schema';
import { Simulation } from './simulation';

export interface RunToEndOptions extends Pick<EngineOptions, 'onEvent' | 'onStageMove' | 'trace'> {
  /** Where the run stops: a moment of the run (capped at its end). Default: its end. */
  untilMs?: number;
}

/**
 * Replays a scenario and its command log from the start in a fresh headless engine (no events kept
 * for drainEvents), up to the end of the run or `untilMs`, and returns the engine there. Exports, the
 * CLI, lessons and tests all reach a moment this way, so they agree on it byte for byte.
 *
 * @example
 * runToEnd(loadPreset('basics'), [], { untilMs: 30_000 }).metrics().endToEnd.requests;
 */
export function runToEnd(
  scenario: Scenario,
  commands: readonly TimedCommand[],
  options: RunToEndOptions = {},
): Engine {
  const engine = new Simulation(scenario, {
    commands,
    recordEvents: false,
    onEvent: options.onEvent,
    onStageMove: options.onStageMove,
    trace: options.trace,
  });
  engine.runUntil(options.untilMs ?? scenario.durationMs);
  return engine;
}
