import { InputError } from '../inputError';
import { settingRoot, type SettingValue } from '../lessons/goalSettings';
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
  const root = settingRoot(scenario, path);
  if ('problem' in root) throw new InputError(`${path}: ${root.problem}`);
  const { fields } = root;
  if (fields.length === 0) throw new InputError(`${path}: expected a setting after "${path}."`);
  let node = root.node as Record<string, unknown>;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!(field in node)) {
      const at = path
        .split('.')
        .slice(0, path.split('.').length - fields.length + i)
        .join('.');
      throw new InputError(
        `${path}: there is no setting "${field}" in ${at}${suggest(field, Object.keys(node))}; ` +
          `it has ${Object.keys(node).join(', ')}`,
      );
    }
    if (i === fields.length - 1) break;
    node = node[field] as Record<string, unknown>;
    if (node === null || typeof node !== 'object') {
      throw new InputError(`${path}: "${fields.slice(0, i + 1).join('.')}" is a single setting, not a group`);
    }
  }
  const field = fields[fields.length - 1];
  const value = node[field];
  if (value !== null && typeof value === 'object') {
    throw new InputError(
      `${path}: it is a group of settings; expected one of its fields (${Object.keys(value).join(', ')})`,
    );
  }
  return { parent: node, field };
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
