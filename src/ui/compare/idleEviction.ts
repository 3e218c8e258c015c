import type { Scenario } from '../../engine/scenario/schema';

/*
 * Whether a variant's eviction policy can act at all. A distributed cache with room for every key of the
 * workload evicts little or nothing (nothing, unless hashing crowds one node), so variants that differ
 * only in policy play alike or nearly (the flash sale's 3 nodes of 2,000 entries hold its 5,000
 * products): the compare dialog says so before a person reads a table of ±0.
 */

/** A variant's changes as the dialog holds them: a setting path and the text typed for it. */
export interface DraftChange {
  path: string;
  value: string;
}

/** What a variant's distributed cache holds against the keys the workload asks for. */
export interface CacheRoom {
  keys: number;
  /** Entries on all nodes together, each key counted once (replicas take room of their own). */
  entries: number;
  nodes: number;
  perNode: number;
  /** Nodes that hold each key. */
  replication: number;
}

const EVICTION = 'tiers.distributed.eviction';
const CAPACITY = 'tiers.distributed.capacity';

/** The number a change sets at `path` (the last one wins, as in the worker), else the run's own. */
function numberAt(changes: readonly DraftChange[], path: string, own: number): number {
  const typed = changes
    .filter((c) => c.path === path)
    .at(-1)
    ?.value.trim();
  const value = typed ? Number(typed) : NaN;
  return Number.isFinite(value) && value > 0 ? value : own;
}

/** The room a variant's distributed cache has, or null where it is off or counts bytes. */
export function cacheRoom(scenario: Scenario, changes: readonly DraftChange[]): CacheRoom | null {
  const tier = scenario.topology.distributed;
  if (!tier.enabled || tier.capacityUnit !== 'entries') return null;
  const nodes = numberAt(changes, 'tiers.distributed.nodes', tier.nodes);
  const perNode = numberAt(changes, CAPACITY, tier.capacity);
  const replication = Math.min(nodes, numberAt(changes, 'tiers.distributed.replication', tier.replication));
  // A per-user key space has its count of keys for each user.
  const { keySpaces, clients } = scenario.workload;
  const keys = keySpaces.reduce((sum, space) => sum + space.count * (space.perUser ? clients : 1), 0);
  return { keys, entries: Math.floor((nodes * perNode) / replication), nodes, perNode, replication };
}

/**
 * The variants that change the eviction policy while their cache has room for every key: their policy
 * never runs. Indexes into `variants`.
 */
export function idlePolicyVariants(
  scenario: Scenario,
  variants: readonly (readonly DraftChange[])[],
): number[] {
  return variants.flatMap((changes, i) => {
    if (!changes.some((c) => c.path === EVICTION)) return [];
    const room = cacheRoom(scenario, changes);
    return room && room.entries >= room.keys ? [i] : [];
  });
}

/**
 * A per-node capacity at which policies part: room for about 2% of the keys, rounded to one significant
 * figure (the flash sale: 30 entries a node, 90 for 5,000 products, under its 50 hot ones and their churn).
 */
export function contestedCapacity(room: CacheRoom): number {
  const target = Math.max(1, (room.keys * 0.02) / room.nodes);
  const scale = 10 ** Math.floor(Math.log10(target));
  return Math.max(1, Math.round(target / scale) * scale);
}

/** Each variant's changes with its capacity set to `perNode` (replacing any capacity it had). */
export function withCapacity(
  variants: readonly (readonly DraftChange[])[],
  perNode: number,
): DraftChange[][] {
  return variants.map((changes) => [
    ...changes.filter((c) => c.path !== CAPACITY),
    { path: CAPACITY, value: String(perNode) },
  ]);
}
