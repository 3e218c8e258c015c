import { formatCount, type InputProblem } from '../input/inputWords';
import { commandNameRules } from './commandRules';
import { expectedRequests, maxExpectedRequests } from './requestBudget';
import { keysOf, maxBuckets, maxPerUserKeys, maxTotalKeys } from './scenarioLimits';
import type { Scenario } from './schema';

/**
 * The checks of a scenario that span fields (a phase that ends before it starts, a fault on a node
 * that does not exist, a run too large for a browser tab). The scenario's schema runs them as its
 * refinement, once every field on its own is valid.
 */
export function scenarioRules(scenario: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: readonly PropertyKey[], message: string) => problems.push({ path, message });
  const { workload, topology } = scenario;

  workload.phases.forEach((phase, i) => {
    if (phase.endMs <= phase.startMs) {
      add(
        ['workload', 'phases', i, 'endMs'],
        `expected a time after startMs (${phase.startMs}), got ${phase.endMs}`,
      );
    }
  });

  const firstUse = new Map<string, number>();
  let perUserTooMany = false;
  workload.keySpaces.forEach((space, i) => {
    const path = ['workload', 'keySpaces', i];
    const earlier = firstUse.get(space.name);
    if (earlier === undefined) firstUse.set(space.name, i);
    else {
      add(
        [...path, 'name'],
        `"${space.name}" is used twice (also by workload.keySpaces[${earlier}]); ` +
          'expected every key space to have its own name',
      );
    }
    if (space.size.kind === 'uniform' && space.size.minBytes > space.size.maxBytes) {
      add(
        [...path, 'size', 'maxBytes'],
        `expected a size >= minBytes (${space.size.minBytes}), got ${space.size.maxBytes}`,
      );
    }
    if (space.kind === 'session' && !topology.distributed.enabled) {
      add(
        [...path, 'kind'],
        'a "session" key space lives only in the distributed cache, ' +
          'so expected topology.distributed.enabled to be true, got false',
      );
    }
    if (space.perUser && space.count * workload.clients > maxPerUserKeys) {
      perUserTooMany = true;
      add(
        [...path, 'count'],
        'a per-user key space holds count × workload.clients keys: ' +
          `${space.count} × ${workload.clients} = ${formatCount(space.count * workload.clients)}, ` +
          `expected at most ${formatCount(maxPerUserKeys)}; lower count or workload.clients`,
      );
    }
  });

  const totalKeys = workload.keySpaces.reduce(
    (sum, space) => sum + keysOf(space.count, space.perUser, workload.clients),
    0,
  );
  // One space over its own limit is already reported; the total would say the same again.
  if (!perUserTooMany && totalKeys > maxTotalKeys) {
    add(
      ['workload', 'keySpaces'],
      `the key spaces hold ${formatCount(totalKeys)} keys in all ` +
        `(count, times workload.clients for per-user ones), expected at most ${formatCount(maxTotalKeys)}; lower their counts`,
    );
  }

  const buckets = scenario.durationMs / scenario.bucketMs;
  if (buckets > maxBuckets) {
    add(
      ['bucketMs'],
      `durationMs / bucketMs makes ${formatCount(Math.ceil(buckets))} time buckets, each kept for the whole run; ` +
        `expected at most ${formatCount(maxBuckets)}; raise bucketMs to at least ${formatCount(Math.ceil(scenario.durationMs / maxBuckets))} ` +
        'or shorten durationMs',
    );
  }

  if (topology.distributed.replication > topology.distributed.nodes) {
    add(
      ['topology', 'distributed', 'replication'],
      'expected at most the number of nodes ' +
        `(topology.distributed.nodes is ${topology.distributed.nodes}), got ${topology.distributed.replication}`,
    );
  }

  problems.push(...commandNameRules(scenario.faults, scenario, 'faults'));

  const requests = expectedRequests(scenario);
  if (requests > maxExpectedRequests) {
    add(
      ['durationMs'],
      `this run would issue about ${formatCount(requests)} requests ` +
        '(workload.ratePerSecond × durationMs, with phases and traffic spikes), ' +
        `expected at most ${formatCount(maxExpectedRequests)}; lower durationMs, workload.ratePerSecond ` +
        "or the phases' rateMultiplier",
    );
  }
  return problems;
}
