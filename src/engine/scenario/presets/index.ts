import { InputError } from '../../inputError';
import { suggest } from '../../input/suggest';
import { parseScenario } from '../parseScenario';
import type { Scenario, ScenarioInput } from '../schema';
import { basics } from './basics';
import { distributedFailure } from './distributedFailure';
import { evictionScan } from './evictionScan';
import { flashSale } from './flashSale';
import { layered } from './layered';
import { loginSessions } from './loginSessions';
import { personalisedFeed } from './personalisedFeed';
import { secrets } from './secrets';
import { staleRace } from './staleRace';
import { stampede } from './stampede';
import { ttlFreshness } from './ttlFreshness';
import { weatherApi } from './weatherApi';
import { writeBack } from './writeBack';
import { writePolicies } from './writePolicies';

/**
 * The scenarios the lessons and the app start from, by the name the CLI (`preset:NAME`), share links
 * and lessons use. Adding a preset is one file plus one line here.
 */
export const presetInputs = {
  basics,
  'weather-api': weatherApi,
  'flash-sale': flashSale,
  'personalised-feed': personalisedFeed,
  'login-sessions': loginSessions,
  'ttl-freshness': ttlFreshness,
  'write-policies': writePolicies,
  'eviction-scan': evictionScan,
  'distributed-failure': distributedFailure,
  layered,
  'stale-race': staleRace,
  stampede,
  'write-back': writeBack,
  secrets,
} satisfies Record<string, ScenarioInput>;

export type PresetName = keyof typeof presetInputs;

/** Preset names in the order a person meets them. */
export const presetNames = Object.keys(presetInputs) as PresetName[];

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(presetInputs, name);
}

/**
 * A preset, validated and with every default filled in. Each call returns a fresh object.
 *
 * @throws InputError naming the known presets when `name` is not one of them.
 */
export function loadPreset(name: string): Scenario {
  if (!isPresetName(name)) {
    throw new InputError(`There is no preset named ${JSON.stringify(name)}.`, [
      `expected one of: ${presetNames.join(', ')}${suggest(name, presetNames)}`,
    ]);
  }
  return parseScenario(presetInputs[name]);
}
