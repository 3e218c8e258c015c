import type { Command, TierName } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';

/**
 * The settings the controls show: the scenario with the live setting changes of the command log
 * folded in (faults and purges change no setting). Also what a restart starts from, so that
 * changing a load-time option such as the number of clients keeps the person's other changes.
 */
export function settingsAfter(scenario: Scenario, commands: readonly { command: Command }[]): Scenario {
  let settings = scenario;
  for (const { command } of commands) settings = applySetting(settings, command);
  return settings;
}

/** One command's effect on the settings; a new object, the input untouched. */
export function applySetting(scenario: Scenario, command: Command): Scenario {
  const next = structuredClone(scenario);
  switch (command.type) {
    case 'tier.configure': {
      const { ttl, ...rest } = command.changes;
      const tier = tierConfig(next, command.tier);
      Object.assign(tier, rest);
      if (ttl) Object.assign(tier.ttl, ttl);
      return next;
    }
    case 'policies.set':
      Object.assign(next.policies, command.changes);
      return next;
    case 'workload.set':
      Object.assign(next.workload, command.changes);
      return next;
    case 'keySpace.set': {
      const space = next.workload.keySpaces.find((k) => k.name === command.name);
      if (space) Object.assign(space, command.changes);
      return next;
    }
    case 'latency.set':
      Object.assign(next.latency, command.changes);
      return next;
    case 'bus.configure':
      Object.assign(next.topology.bus, command.changes);
      return next;
    default:
      return scenario;
  }
}

/** A tier's settings in the scenario, by tier name. */
export function tierConfig(scenario: Scenario, tier: TierName) {
  const { topology } = scenario;
  switch (tier) {
    case 'browser':
      return topology.browser;
    case 'cdn':
      return topology.cdn;
    case 'local':
      return topology.appServers.local;
    case 'distributed':
      return topology.distributed;
    case 'bufferPool':
      return topology.database.bufferPool;
  }
}
