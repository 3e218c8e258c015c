import { describeValue, formatCount, type InputProblem } from '../input/inputWords';
import { suggest } from '../input/suggest';
import type { TimedCommand } from './commandSchema';
import { expectedRequests, maxExpectedRequests } from './requestBudget';
import { keysOf, maxPerUserKeys, maxTotalKeys } from './scenarioLimits';
import type { Scenario } from './schema';

/**
 * The checks of a command log that need the scenario it runs on: time order, times within the run,
 * the nodes, servers and key spaces commands name, and the requests the run would then issue.
 *
 * @param label the list's name, the first part of each problem's path (`commands`, `solution`).
 */
export function commandLogRules(
  commands: readonly TimedCommand[],
  scenario: Scenario,
  label: string,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (let i = 1; i < commands.length; i++) {
    const previous = commands[i - 1].atMs;
    if (commands[i].atMs < previous) {
      problems.push({
        path: [label, i, 'atMs'],
        message:
          `expected a time >= the previous command's (${previous}), got ${commands[i].atMs}; ` +
          'commands must be listed in time order',
      });
    }
  }
  // A scenario's own faults may fall after a shortened run's end (they just never happen); a command
  // log given with a run is what a person wants applied, so one past the end is a mistake.
  commands.forEach(({ atMs }, i) => {
    if (atMs > scenario.durationMs) {
      problems.push({
        path: [label, i, 'atMs'],
        message:
          `expected a time within the run (durationMs is ${formatCount(scenario.durationMs)}), ` +
          `got ${formatCount(atMs)}; a command after the end would never run`,
      });
    }
  });
  problems.push(...commandNameRules(commands, scenario, label));
  const requests = expectedRequests(scenario, commands);
  if (problems.length === 0 && requests > maxExpectedRequests) {
    problems.push({
      path: [label],
      message:
        `with these commands the run would issue about ${formatCount(requests)} requests ` +
        `(their rate changes and traffic spikes over the scenario's ${formatCount(scenario.durationMs)} ms), ` +
        `expected at most ${formatCount(maxExpectedRequests)}; lower the rates or the spikes' multipliers`,
    });
  }
  return problems;
}

/** Checks that commands name nodes, servers and key spaces the scenario has. */
export function commandNameRules(
  commands: readonly TimedCommand[],
  scenario: Scenario,
  label: string,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const nodes = scenario.topology.distributed.nodes;
  const servers = scenario.topology.appServers.count;
  const spaces = scenario.workload.keySpaces;
  const spaceNames = spaces.map((space) => space.name);
  const counts = new Map(spaces.map((space) => [space.name, space.count]));
  commands.forEach(({ command }, i) => {
    const add = (field: string[], message: string) =>
      problems.push({ path: [label, i, 'command', ...field], message });
    switch (command.type) {
      case 'node.fail':
      case 'node.recover':
        // Cache nodes are shown from 1, indices count from 0.
        if (command.node >= nodes) {
          add(
            ['node'],
            indexMessage(
              'a cache node',
              command.node,
              nodes,
              'topology.distributed.nodes',
              "; index 0 is the app's Cache node 1",
            ),
          );
        }
        break;
      case 'server.fail':
      case 'server.recover':
        if (command.server >= servers) {
          add(
            ['server'],
            indexMessage('an app server', command.server, servers, 'topology.appServers.count'),
          );
        }
        break;
      case 'tier.configure': {
        const replication = command.changes.replication;
        if (replication !== undefined && command.tier !== 'distributed') {
          add(
            ['changes', 'replication'],
            `replication applies to the distributed cache only, not to ${command.tier}`,
          );
        } else if (replication !== undefined && replication > nodes) {
          add(
            ['changes', 'replication'],
            'expected at most the number of nodes ' +
              `(topology.distributed.nodes is ${nodes}), got ${replication}`,
          );
        }
        break;
      }
      case 'keySpace.set': {
        const space = spaces.find((candidate) => candidate.name === command.name);
        const clients = scenario.workload.clients;
        if (!space) {
          add(
            ['name'],
            `expected the name of a key space (${spaceNames.map((name) => `"${name}"`).join(', ')}), ` +
              `got ${describeValue(command.name, 'json')}${suggest(command.name, spaceNames)}`,
          );
        } else if (
          space.perUser &&
          command.changes.count !== undefined &&
          command.changes.count * clients > maxPerUserKeys
        ) {
          add(
            ['changes', 'count'],
            'a per-user key space holds count × workload.clients keys: ' +
              `${command.changes.count} × ${clients}, expected at most ${formatCount(maxPerUserKeys)}`,
          );
        } else if (command.changes.count !== undefined) {
          counts.set(space.name, command.changes.count);
          const total = spaces.reduce((sum, s) => sum + keysOf(counts.get(s.name)!, s.perUser, clients), 0);
          if (total > maxTotalKeys) {
            add(
              ['changes', 'count'],
              `the key spaces would hold ${formatCount(total)} keys in all, ` +
                `expected at most ${formatCount(maxTotalKeys)}`,
            );
          }
        }
        break;
      }
      default:
        break;
    }
  });
  return problems;
}

/** `expected a cache node index from 0 to 2 (topology.distributed.nodes is 3), got 3` */
function indexMessage(what: string, index: number, count: number, countField: string, note = ''): string {
  return `expected ${what} index from 0 to ${count - 1} (${countField} is ${count}${note}), got ${index}`;
}
