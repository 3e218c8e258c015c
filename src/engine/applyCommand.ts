import type { System } from './model/system';
import type { Command, PurgeMatch } from './scenario/commandSchema';
import { tierNames } from './tiers/tierNames';
import type { RequestGenerator } from './workload/requestGenerator';
import { InputError } from './inputError';
import { applySetting } from './commands/foldCommands';
import { tierConfig } from './tiers/tierRegistry';

function matcher(match: PurgeMatch): (name: string) => boolean {
  switch (match.kind) {
    case 'all':
      return () => true;
    case 'key':
      return (name) => name === match.key;
    case 'prefix':
      return (name) => name.startsWith(match.prefix);
  }
}

/** A command naming a node or server past the end (the schema cannot know how many there are). */
function requireIndex(type: string, index: number, count: number, [one, many]: [string, string]): void {
  if (index >= count)
    throw new InputError(`${type}: there is no ${one} ${index}; ${many} are numbered 0 to ${count - 1}`);
}

/**
 * Applies a person's command to the running system at nowMs. Commands are validated by the schema
 * before they get here; what the schema cannot know (a node index past the end, an unknown key
 * space) is an InputError.
 */
export function applyCommand(
  command: Command,
  system: System,
  workload: RequestGenerator,
  nowMs: number,
): void {
  try {
    applyTo(command, system, workload, nowMs);
  } finally {
    // Commands change the live configuration in place: the model's hot copies of it follow.
    system.settingsChanged();
  }
}

function applyTo(command: Command, system: System, workload: RequestGenerator, nowMs: number): void {
  const config = system.config;
  // What a setting becomes comes from the one fold the controls show too; the rest is telling the
  // model's parts. applySetting throws an InputError (changing nothing) for what the schema cannot know.
  const next = applySetting(config, command);
  switch (command.type) {
    case 'tier.configure':
      system.configureTier(command.tier, tierConfig(next, command.tier));
      return;
    case 'policies.set':
      Object.assign(config.policies, next.policies);
      return;
    case 'workload.set':
      // The workload first: a trace's refuses the change, and then nothing has changed.
      if (command.changes.ratePerSecond !== undefined) {
        workload.setRate(next.workload.ratePerSecond, nowMs);
        config.workload.ratePerSecond = next.workload.ratePerSecond;
      }
      if (command.changes.writeRatio !== undefined) {
        workload.setWriteRatio(next.workload.writeRatio);
        config.workload.writeRatio = next.workload.writeRatio;
      }
      return;
    case 'keySpace.set': {
      const index = config.workload.keySpaces.findIndex((s) => s.name === command.name);
      workload.setKeySpace(command.name, command.changes);
      system.updateKeySpace(index, next.workload.keySpaces[index]);
      return;
    }
    case 'latency.set':
      Object.assign(config.latency, next.latency);
      return;
    case 'bus.configure':
      Object.assign(config.topology.bus, next.topology.bus);
      return;
    case 'purge': {
      const tiers = command.tier === 'all' ? tierNames : [command.tier];
      const test = matcher(command.match);
      for (const tier of tiers) system.purge(tier, test);
      return;
    }
    case 'node.fail':
    case 'node.recover':
      requireIndex(command.type, command.node, system.nodes.length, ['cache node', 'nodes']);
      if (command.type === 'node.fail') system.failNode(command.node);
      else system.recoverNode(command.node);
      return;
    case 'server.fail':
    case 'server.recover':
      requireIndex(command.type, command.server, system.servers.length, ['app server', 'servers']);
      if (command.type === 'server.fail') system.failServer(command.server);
      else system.recoverServer(command.server);
      return;
    case 'database.slow':
      system.slowDatabase(command.factor);
      return;
    case 'database.fail':
      system.failDatabase();
      return;
    case 'database.recover':
      system.recoverDatabase();
      return;
    case 'traffic.spike':
      workload.spike(nowMs, command.multiplier, command.durationMs);
      return;
  }
}

/** A one-line description of a command, for the event log. */
export function describeCommand(command: Command): string {
  switch (command.type) {
    case 'tier.configure':
      return `${command.tier}: ${JSON.stringify(command.changes)}`;
    case 'policies.set':
      return `policies: ${JSON.stringify(command.changes)}`;
    case 'workload.set':
      return `workload: ${JSON.stringify(command.changes)}`;
    case 'keySpace.set':
      return `key space ${command.name}: ${JSON.stringify(command.changes)}`;
    case 'latency.set':
      return `latency: ${JSON.stringify(command.changes)}`;
    case 'bus.configure':
      return `bus: ${JSON.stringify(command.changes)}`;
    case 'purge':
      return `purge ${command.tier}: ${command.match.kind === 'all' ? 'everything' : command.match.kind === 'key' ? command.match.key : command.match.prefix + '*'}`;
    case 'node.fail':
    case 'node.recover':
      return `${command.type} cache:${command.node}`;
    case 'server.fail':
    case 'server.recover':
      return `${command.type} app:${command.server}`;
    case 'traffic.spike':
      return `traffic x${command.multiplier} for ${command.durationMs} ms`;
    default:
      return command.type;
  }
}
