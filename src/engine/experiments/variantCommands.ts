import type { Command, TimedCommand } from '../scenario/commandSchema';
import type { Scenario } from '../scenario/schema';

/**
 * Whether a command of a comparison's shared log reaches this variant: a cache node's fault or
 * recovery reaches only the variants that have that node (variants may differ in node count); every
 * other command reaches them all.
 */
export function reachesVariant(command: Command, scenario: Scenario): boolean {
  if (command.type !== 'node.fail' && command.type !== 'node.recover') return true;
  return command.node < scenario.topology.distributed.nodes;
}

/** The variant with the most cache nodes (the first of those): every node a fault can name is its. */
export function widestVariant<V extends { scenario: Scenario }>(variants: readonly V[]): V | undefined {
  return variants.reduce<V | undefined>(
    (a, b) => (!a || b.scenario.topology.distributed.nodes > a.scenario.topology.distributed.nodes ? b : a),
    undefined,
  );
}

/**
 * The part of a comparison's one command log that a variant runs: the log without the node faults
 * of nodes it does not have. Every replay of a variant (its engine, a link, the CSVs) runs this.
 */
export function commandsForVariant(log: readonly TimedCommand[], scenario: Scenario): TimedCommand[] {
  return log.filter((c) => reachesVariant(c.command, scenario));
}

/**
 * What a person is told when a command reached only some variants, naming those it did not reach
 * and why; null when it reached them all.
 *
 * @example
 * // 'Cache node 5 fails in “Five nodes” only: “This run” has 3 cache nodes.'
 */
export function unreachedNote(
  command: Command,
  variants: readonly { name: string; scenario: Scenario }[],
): string | null {
  if (command.type !== 'node.fail' && command.type !== 'node.recover') return null;
  const missed = variants.filter((v) => !reachesVariant(command, v.scenario));
  if (missed.length === 0) return null;
  const reached = variants.filter((v) => reachesVariant(command, v.scenario));
  const names = (list: typeof variants) => list.map((v) => `“${v.name}”`).join(', ');
  const why = missed
    .map((v) => {
      const nodes = v.scenario.topology.distributed.nodes;
      return `${names([v])} has ${nodes} cache node${nodes === 1 ? '' : 's'}`;
    })
    .join(', ');
  const verb = command.type === 'node.fail' ? 'fails' : 'recovers';
  return `Cache node ${command.node + 1} ${verb} in ${names(reached)} only: ${why}.`;
}
