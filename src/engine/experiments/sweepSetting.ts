import { InputError } from '../inputError';
import { placeSetting, type SettingValue } from '../lessons/goalSettings';
import { suggest } from '../input/suggest';
import { parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/schema';

/**
 * Setting paths a sweep varies, as lessons name them (docs/scenario.md): `tiers.distributed.capacity`,
 * `tiers.distributed.ttl.seconds`, `tiers.distributed.replication`, `tiers.distributed.eviction`,
 * `policies.write`, `policies.stampede`, `workload.ratePerSecond`, `keySpaces.item.count`...
 */

/** The object holding the setting a path names and the setting's field, or an InputError naming the mistake. */
function place(scenario: Scenario, path: string): { parent: Record<string, unknown>; field: string } {
  const found = placeSetting(scenario, path);
  if ('problem' in found) throw new InputError(`${path}: ${found.problem}`);
  if ('noField' in found) throw new InputError(`${path}: expected a setting after "${path}."`);
  if ('missing' in found) {
    const { missing, at, options } = found;
    const parts = path.split('.');
    const within = parts.slice(0, parts.length - found.fields.length + at).join('.');
    throw new InputError(
      `${path}: there is no setting "${missing}" in ${within}${suggest(missing, options)}; ` +
        `it has ${options.join(', ')}`,
    );
  }
  if ('notGroup' in found) {
    throw new InputError(
      `${path}: "${found.fields.slice(0, found.at).join('.')}" is a single setting, not a group`,
    );
  }
  const value = found.parent[found.field];
  if (value !== null && typeof value === 'object') {
    throw new InputError(
      `${path}: it is a group of settings; expected one of its fields (${Object.keys(value).join(', ')})`,
    );
  }
  return found;
}

/**
 * The values of a sweep, typed like the setting they replace: numbers for a number (or a setting that
 * may be empty), true/false for a switch, text for a choice. Whether each is allowed is the scenario's
 * schema's to say, in `variantWith`.
 */
export function readSweepValues(scenario: Scenario, path: string, texts: readonly string[]): SettingValue[] {
  const { parent, field } = place(scenario, path);
  const current = parent[field];
  return texts.map((text) => {
    if (typeof current === 'boolean') {
      if (text === 'true' || text === 'false') return text === 'true';
      throw new InputError(`${path}: expected true or false, got ${JSON.stringify(text)}`);
    }
    if (typeof current === 'number' || current === null) {
      if (current === null && text === 'null') return null;
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) {
        throw new InputError(
          `${path}: expected numbers like ${JSON.stringify(current ?? 1)}, got ${JSON.stringify(text)}`,
        );
      }
      return value;
    }
    return text;
  });
}

/**
 * The scenario with one setting changed, validated again as a whole: a value out of range or not
 * among the choices is an InputError naming the path and the value.
 */
export function variantWith(scenario: Scenario, path: string, value: SettingValue): Scenario {
  const copy = structuredClone(scenario);
  const { parent, field } = place(copy, path);
  parent[field] = value;
  try {
    return parseScenario(copy);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const detail = error.problems.length > 0 ? error.problems.join('; ') : error.message;
    throw new InputError(`${path}=${String(value)}: ${detail}`);
  }
}
