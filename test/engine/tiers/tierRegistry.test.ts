import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/createEngine';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import { tierNames } from '../../../src/engine/tiers/tierNames';
import { tierConfig, tierKinds, tierKindList, tierOfNode } from '../../../src/engine/tiers/tierRegistry';

// Each tier at its place in the schema, with a capacity no other tier has.
const scenario = parseScenario({
  version: 1,
  topology: {
    browser: { enabled: true, capacity: 11 },
    cdn: { enabled: true, capacity: 12 },
    appServers: { local: { enabled: true, capacity: 13 } },
    distributed: { capacity: 14, nodes: 2 },
    database: { bufferPool: { capacity: 15 } },
  },
  workload: { clients: 3, keySpaces: [{ name: 'item', count: 50 }] },
});

describe('the tier registry', () => {
  it('lists every tier once, in the order a request meets them', () => {
    expect(tierKindList.map((kind) => kind.name)).toEqual([...tierNames]);
    expect(new Set(tierKindList.map((kind) => kind.label)).size).toBe(tierNames.length);
  });

  it("reads each tier's settings from the place the scenario schema gives them", () => {
    expect(tierNames.map((tier) => tierConfig(scenario, tier).capacity)).toEqual([11, 12, 13, 14, 15]);
  });

  it("replaces one tier's settings and shares every other part with the input, untouched", () => {
    for (const tier of tierNames) {
      const before = structuredClone(scenario);
      const config = { ...tierConfig(scenario, tier), capacity: 99 };
      const next = tierKinds[tier].withConfig(scenario, config);
      expect(tierConfig(next, tier).capacity).toBe(99);
      for (const other of tierNames.filter((name) => name !== tier))
        expect(tierConfig(next, other), `${tier} left ${other} alone`).toBe(tierConfig(scenario, other));
      expect(next.workload).toBe(scenario.workload);
      expect(scenario).toEqual(before);
    }
  });

  it("keeps the distributed cache's ring settings when its cache settings change", () => {
    const { nodes, virtualNodes, replication, warmupMs, ...cache } = scenario.topology.distributed;
    const next = tierKinds.distributed.withConfig(scenario, { ...cache, capacity: 7 });
    expect(next.topology.distributed).toMatchObject({
      capacity: 7,
      nodes,
      virtualNodes,
      replication,
      warmupMs,
    });
  });

  it('names the tier of every node that holds a cache in a snapshot', () => {
    const engine = createEngine(scenario, { recordEvents: false });
    engine.runUntil(2000);
    const snapshot = engine.snapshot();
    const tierOfCache = new Map(snapshot.caches.map((cache) => [cache.id, cache.tier]));
    const holders = snapshot.nodes.filter((node) => node.cache !== null && tierOfCache.has(node.cache));
    expect(new Set(holders.map((node) => tierOfCache.get(node.cache!)))).toEqual(new Set(tierNames));
    for (const node of holders) {
      expect(tierOfNode(node.id), node.id).toBe(tierOfCache.get(node.cache!));
      expect(tierKinds[tierOfNode(node.id)!].node.kind, node.id).toBe(node.kind);
    }
    for (const other of ['lb', 'bus', 'replica:0']) expect(tierOfNode(other)).toBeNull();
  });
});
