import { createEngine } from '../../../src/engine/createEngine';
import type { Engine, EngineOptions } from '../../../src/engine/engine';
import type { SimEvent } from '../../../src/engine/events';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import { presetInputs, type PresetName } from '../../../src/engine/scenario/presets/index';
import type { Scenario, ScenarioInput } from '../../../src/engine/scenario/schema';

type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges changes into a scenario input, objects deeply and arrays whole. */
export function merge<T>(base: T, changes: DeepPartial<T>): T {
  if (!isPlainObject(base) || !isPlainObject(changes)) return changes as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes))
    out[key] = key in out ? merge(out[key], value as never) : value;
  return out as T;
}

/** A validated scenario: a preset (or the defaults) with changes. */
export function scenarioOf(changes: DeepPartial<ScenarioInput> = {}, preset?: PresetName): Scenario {
  const base: ScenarioInput = preset ? structuredClone(presetInputs[preset]) : { version: 1 };
  return parseScenario(merge(base, changes));
}

/** Runs a scenario to its end (or untilMs) and returns the engine and every event. */
export function run(
  scenario: Scenario,
  options: { commands?: TimedCommand[]; untilMs?: number; events?: boolean } & EngineOptions = {},
): { engine: Engine; events: SimEvent[] } {
  const events: SimEvent[] = [];
  const engine = createEngine(scenario, {
    recordEvents: false,
    commands: options.commands,
    onEvent: options.events ? (e) => events.push(e) : undefined,
    onStageMove: options.onStageMove,
  });
  engine.runUntil(options.untilMs ?? scenario.durationMs);
  return { engine, events };
}

/** A scenario with no latency jitter and instant hops, for checks against formulas. */
export const noLatency = {
  latency: { clientToCdnMs: 0, cdnToAppMs: 0, appToCacheMs: 0, appToDatabaseMs: 0, jitter: 0 },
  topology: {
    appServers: { serviceTimeMs: 0 },
    database: { readMs: 0, writeMs: 0, diskReadMs: 0 },
  },
} as const;
