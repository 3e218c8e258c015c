import { InputError } from '../inputError';
import type { Command, TimedCommand } from '../scenario/commandSchema';
import type { TierConfig } from '../scenario/parts';
import type { Scenario } from '../scenario/schema';
import { tierKinds } from '../tiers/tierRegistry';

/** `base` with the fields of `changes` that are given; undefined means "not changed". */
function merge<T extends object>(base: T, changes: Partial<T>): T {
  const next = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

/**
 * One command's effect on the settings: a new scenario that shares every part the command leaves
 * alone, the input untouched. Faults and purges change no setting and return the input itself.
 * What the schema cannot know (replication past the number of nodes, an unknown key space) is an
 * InputError, the same for the engine and for what the controls show.
 */
export function applySetting(settings: Scenario, command: Command): Scenario {
  switch (command.type) {
    case 'tier.configure': {
      const { ttl, ...rest } = command.changes;
      const replication = rest.replication;
      const kind = tierKinds[command.tier];
      if (replication !== undefined && !kind.replicates)
        throw new InputError(
          `tier.configure: replication applies to the distributed cache only, not to ${command.tier}`,
        );
      const nodes = settings.topology.distributed.nodes;
      if (replication !== undefined && replication > nodes)
        throw new InputError(
          `tier.configure: replication ${replication} needs as many cache nodes; there are ${nodes}`,
        );
      const current = kind.configIn(settings);
      const next = merge(current, rest as Partial<TierConfig>);
      next.ttl = merge(current.ttl, ttl ?? {});
      return kind.withConfig(settings, next);
    }
    case 'policies.set':
      return { ...settings, policies: merge(settings.policies, command.changes) };
    case 'workload.set':
      return { ...settings, workload: merge(settings.workload, command.changes) };
    case 'keySpace.set': {
      const spaces = settings.workload.keySpaces;
      const index = spaces.findIndex((space) => space.name === command.name);
      if (index < 0) {
        const names = spaces.map((space) => `"${space.name}"`).join(', ');
        throw new InputError(
          `keySpace.set: there is no key space named "${command.name}"; expected one of ${names}`,
        );
      }
      const keySpaces = [...spaces];
      keySpaces[index] = merge(spaces[index], command.changes);
      return { ...settings, workload: { ...settings.workload, keySpaces } };
    }
    case 'latency.set':
      return { ...settings, latency: merge(settings.latency, command.changes) };
    case 'bus.configure':
      return {
        ...settings,
        topology: { ...settings.topology, bus: merge(settings.topology.bus, command.changes) },
      };
    default:
      return settings;
  }
}

/**
 * Everything a run applies at set times, in the order the engine runs it: the scenario's own faults
 * and the command log, by time, the faults first at equal times.
 */
export function commandSchedule(scenario: Scenario, commands: readonly TimedCommand[]): TimedCommand[] {
  return [...scenario.faults, ...commands]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.atMs - b.c.atMs || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * The settings in effect at atMs: the scenario with every scheduled setting change at or before atMs
 * folded in (the engine runs a command once every event of its moment has run, so at atMs itself it
 * has applied). The engine applies each command through the same applySetting.
 *
 * @example
 * // A share link whose TTL changes to 5 s at 35.9 s shows 60 s until then.
 * foldCommands(scenario, [{ atMs: 35_900, command: setTtl5 }], 0).topology.distributed.ttl.seconds; // 60
 */
export function foldCommands(scenario: Scenario, commands: readonly TimedCommand[], atMs: number): Scenario {
  let settings = scenario;
  for (const { atMs: when, command } of commandSchedule(scenario, commands)) {
    if (when > atMs) break;
    try {
      settings = applySetting(settings, command);
    } catch (error) {
      // The engine refused it too (and said so): it changed nothing.
      if (!(error instanceof InputError)) throw error;
    }
  }
  return settings;
}
