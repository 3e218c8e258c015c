import { describe, expect, it } from 'vitest';
import { MetricsCollector } from '../../../src/engine/metrics/collector';
import { CacheInstance, Lookup, type CacheWorld } from '../../../src/engine/model/cacheInstance';
import { KeyColumns } from '../../../src/engine/model/keyColumns';
import { KeyTable } from '../../../src/engine/model/keyTable';
import { GroundTruth } from '../../../src/engine/model/truth';
import type { TierConfig } from '../../../src/engine/scenario/parts';
import { scenarioOf } from './runScenario';

/** A distributed-cache node over a key space of 100,000 keys, TTL off, alone in a bare world. */
function nodeCache(
  capacity: number,
  eviction: string,
): { cache: CacheInstance; world: CacheWorld; config: TierConfig } {
  const scenario = scenarioOf({ workload: { keySpaces: [{ name: 'item', count: 100_000 }] } });
  const keys = new KeyTable(scenario.workload.keySpaces, scenario.workload.clients);
  const truth = new GroundTruth();
  truth.ensure(keys.size);
  const world: CacheWorld = {
    sink: { on: false, emit: () => {} },
    metrics: new MetricsCollector(1000),
    keys,
    truth,
    keyColumns: new KeyColumns(),
    clock: { nowMs: 0 },
    seed: 1,
    onDirtyEviction: () => {},
  };
  const config: TierConfig = {
    ...scenario.topology.distributed,
    capacity,
    eviction,
    ttl: { ...scenario.topology.distributed.ttl, seconds: null },
  };
  return {
    cache: new CacheInstance('cache:0', 'cache:0', 'Cache node 1', 'distributed', 3, config, world),
    world,
    config,
  };
}

const keysHeld = (cache: CacheInstance) => cache.view(0, 100).entries.map((e) => e.key);

// LRU is given the node's slot numbers instead of key ids (its arrays then span the capacity, not
// the key space), and slots are reused as keys come and go: what it evicts, and what the inspector
// shows, must still be the keys themselves.
describe('a cache tier over a large key space', () => {
  it('evicts the least recently used key, reusing slots, and names keys in eviction order', () => {
    const { cache } = nodeCache(3, 'lru');
    cache.fill(90_000, 90_000, 0, 1000, 0, 1);
    cache.fill(5, 5, 0, 1000, 1, 2);
    cache.fill(70_000, 70_000, 0, 1000, 2, 3);
    expect(cache.lookup(90_000, 3, 4)).toBe(Lookup.Hit);
    cache.fill(123, 123, 0, 1000, 4, 5); // takes the slot 5 leaves
    expect(cache.lookup(5, 5, 6)).toBe(Lookup.Miss);
    expect(cache.lastMissCause).toBe('capacity');
    expect(keysHeld(cache)).toEqual(['item:70000', 'item:90000', 'item:123']);
    cache.fill(5, 5, 0, 1000, 6, 7); // 70,000 leaves; 5 comes back in its slot
    expect(keysHeld(cache)).toEqual(['item:90000', 'item:123', 'item:5']);
    expect(cache.count).toBe(3);
  });

  it('keeps the order of what it holds when the policy changes to one that needs key ids', () => {
    const { cache, config } = nodeCache(3, 'lru');
    for (const [i, key] of [40_000, 7, 99_999].entries()) cache.fill(key, key, 0, 1000, i, i);
    cache.lookup(40_000, 3, 4);
    cache.configure({ ...config, eviction: 'arc' }, 4);
    expect(keysHeld(cache)).toEqual(['item:7', 'item:99999', 'item:40000']);
    cache.configure({ ...config, eviction: 'lru' }, 5);
    expect(keysHeld(cache)).toEqual(['item:7', 'item:99999', 'item:40000']);
    cache.fill(8, 8, 0, 1000, 6, 6);
    expect(keysHeld(cache)).toEqual(['item:99999', 'item:40000', 'item:8']);
  });

  it('counts an invalidated key as such, and its slot serves the next key', () => {
    const { cache } = nodeCache(2, 'lru');
    cache.fill(1, 1, 0, 1000, 0, 0);
    cache.fill(2, 2, 0, 1000, 1, 1);
    expect(cache.invalidate(1, 2, 'write')).toBe(true);
    cache.fill(3, 3, 0, 1000, 3, 3);
    expect(keysHeld(cache)).toEqual(['item:2', 'item:3']);
    expect(cache.lookup(1, 4, 4)).toBe(Lookup.Miss);
    expect(cache.lastMissCause).toBe('invalidated');
    expect(cache.lookup(2, 5, 5)).toBe(Lookup.Hit);
  });
});
