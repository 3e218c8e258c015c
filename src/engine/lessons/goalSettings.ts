import { tierConfig } from '../tiers/tierRegistry';
import { tierNames, type TierName } from '../tiers/tierNames';
import type { Scenario } from '../scenario/schema';

/**
 * Settings a goal may require, read from the settings in effect (the scenario with the commands
 * applied so far folded in). A path names a place in the scenario the controls change:
 *
 * - `tiers.<tier>.<field>`, such as `tiers.distributed.eviction` or `tiers.local.ttl.seconds`;
 * - `policies.<field>`, `bus.<field>`, `workload.<field>`, `latency.<field>`;
 * - `keySpaces.<name>.<field>`, such as `keySpaces.forecast.http`.
 */
export type SettingValue = string | number | boolean | null;

/**
 * The group of settings a path starts in (a tier's config, a key space, the policies...) and the fields
 * below it, or a message saying what is wrong with the path's start. Sweeps write through it too.
 */
export function settingRoot(
  settings: Scenario,
  path: string,
): { node: unknown; fields: string[] } | { problem: string } {
  const [head, ...rest] = path.split('.');
  let node: unknown;
  let fields = rest;
  switch (head) {
    case 'tiers': {
      const tier = rest[0] as TierName;
      if (!tierNames.includes(tier))
        return {
          problem: `expected a tier after "tiers." (${tierNames.join(', ')}), got "${rest[0] ?? ''}"`,
        };
      node = tierConfig(settings, tier);
      fields = rest.slice(1);
      break;
    }
    case 'keySpaces': {
      const space = settings.workload.keySpaces.find((s) => s.name === rest[0]);
      if (!space) {
        const names = settings.workload.keySpaces.map((s) => s.name).join(', ');
        return { problem: `expected a key space after "keySpaces." (${names}), got "${rest[0] ?? ''}"` };
      }
      node = space;
      fields = rest.slice(1);
      break;
    }
    case 'policies':
      node = settings.policies;
      break;
    case 'bus':
      node = settings.topology.bus;
      break;
    case 'workload':
      node = settings.workload;
      break;
    case 'latency':
      node = settings.latency;
      break;
    default:
      return {
        problem: `expected a path starting with tiers., policies., bus., workload., latency. or keySpaces., got "${path}"`,
      };
  }
  return { node, fields };
}

/**
 * Where a setting path leads, walking the fields below its root: the group holding its last field
 * and that field's name; or where the walk stopped, for the caller to say in its own words (a
 * lesson's check and a sweep word their messages differ): the path's start is wrong (`problem`),
 * no field follows the root (`noField`), field `fields[at]` is not there (`missing`, with the fields
 * that are), or `fields[at - 1]` is a single setting with nothing below it (`notGroup`).
 */
export type SettingPlace =
  | { parent: Record<string, unknown>; field: string }
  | { problem: string }
  | { noField: true }
  | { missing: string; at: number; fields: string[]; options: string[] }
  | { notGroup: true; at: number; fields: string[] };

export function placeSetting(settings: Scenario, path: string): SettingPlace {
  const root = settingRoot(settings, path);
  if ('problem' in root) return root;
  const { fields } = root;
  if (fields.length === 0) return { noField: true };
  let node = root.node as Record<string, unknown>;
  for (let at = 0; ; at++) {
    const field = fields[at];
    if (!(field in node)) return { missing: field, at, fields, options: Object.keys(node) };
    if (at === fields.length - 1) return { parent: node, field };
    const next = node[field];
    if (next === null || typeof next !== 'object') return { notGroup: true, at: at + 1, fields };
    node = next as Record<string, unknown>;
  }
}

/** Where in the scenario a setting path points, or a message saying what is wrong with it. */
function locate(settings: Scenario, path: string): { value: unknown } | { problem: string } {
  const place = placeSetting(settings, path);
  if ('parent' in place) return { value: place.parent[place.field] };
  if ('problem' in place) return place;
  if ('noField' in place) return { problem: `expected a field after "${path}."` };
  const field = 'missing' in place ? place.missing : place.fields[place.at];
  return { problem: `"${path}" names no setting: there is no "${field}" there` };
}

/** The value of a setting path in the settings in effect (undefined if the path names nothing). */
export function readSetting(settings: Scenario, path: string): unknown {
  const found = locate(settings, path);
  return 'value' in found ? found.value : undefined;
}

/**
 * What is wrong with a setting check against a lesson's scenario, or null: the path must name a
 * single value (not a group), and `is` must be of the same type.
 */
export function settingProblem(settings: Scenario, path: string, is: SettingValue): string | null {
  const found = locate(settings, path);
  if ('problem' in found) return found.problem;
  const value = found.value;
  if (value !== null && typeof value === 'object')
    return `"${path}" is a group of settings; expected one of its fields (${Object.keys(value).join(', ')})`;
  if (is !== null && value !== null && typeof is !== typeof value)
    return `expected "is" to be a ${typeof value} like the setting (now ${JSON.stringify(value)}), got ${JSON.stringify(is)}`;
  return null;
}
