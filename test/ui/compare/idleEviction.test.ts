import { describe, expect, it } from 'vitest';
import { planComparison } from '../../../src/engine/experiments/planComparison';
import { runToEnd } from '../../../src/engine/run/runToEnd';
import { loadPreset } from '../../../src/engine/scenario/presets';
import {
  cacheRoom,
  contestedCapacity,
  idlePolicyVariants,
  withCapacity,
  type DraftChange,
} from '../../../src/ui/compare/idleEviction';

const flashSale = loadPreset('flash-sale');
const s3fifo: DraftChange = { path: 'tiers.distributed.eviction', value: 's3fifo' };
/** The compare dialog's default drafts: the run, and the run with another policy. */
const defaults: DraftChange[][] = [[], [s3fifo]];

/** Each variant's end-to-end figures over the first 30 s, as the comparison's table reads them. */
function played(variants: DraftChange[][]) {
  const scenario = { ...flashSale, durationMs: 30_000 };
  return planComparison(
    scenario,
    variants.map((changes, i) => ({ name: `v${i + 1}`, changes })),
  ).map((variant) => runToEnd(variant.scenario, []).metrics().endToEnd);
}

describe('whether an eviction policy can act in a comparison', () => {
  it('reads the flash sale: 3 nodes of 2,000 entries hold all 5,000 products', () => {
    expect(cacheRoom(flashSale, [])).toEqual({
      keys: 5_000,
      entries: 6_000,
      nodes: 3,
      perNode: 2_000,
      replication: 1,
    });
  });

  it('counts a variant’s own nodes, capacity and replication; the last change of a path wins', () => {
    const room = cacheRoom(flashSale, [
      { path: 'tiers.distributed.capacity', value: '500' },
      { path: 'tiers.distributed.nodes', value: '4' },
      { path: 'tiers.distributed.replication', value: '2' },
      { path: 'tiers.distributed.capacity', value: '1000' },
    ]);
    expect(room).toMatchObject({ nodes: 4, perNode: 1_000, replication: 2, entries: 2_000 });
  });

  it('names the variants whose policy never runs, and only those that change the policy', () => {
    expect(idlePolicyVariants(flashSale, defaults)).toEqual([1]);
    expect(
      idlePolicyVariants(flashSale, [[], [{ path: 'tiers.distributed.ttlSeconds', value: '5' }]]),
    ).toEqual([]);
    // A variant whose cache is too small for the products has a policy at work.
    const small = [{ path: 'tiers.distributed.capacity', value: '1000' }, s3fifo];
    expect(idlePolicyVariants(flashSale, [[], small, [s3fifo]])).toEqual([2]);
  });

  it('counts a per-user key space once for each user', () => {
    const [products] = flashSale.workload.keySpaces;
    const carts = { ...products, name: 'cart', count: 2, perUser: true };
    const workload = { ...flashSale.workload, clients: 1_000, keySpaces: [products, carts] };
    expect(cacheRoom({ ...flashSale, workload }, [])?.keys).toBe(5_000 + 2 * 1_000);
    // 7,000 keys no longer fit in 6,000 entries: the policy chooses what goes.
    expect(idlePolicyVariants({ ...flashSale, workload }, defaults)).toEqual([]);
  });

  it('is silent where the distributed tier is off', () => {
    const off = {
      ...flashSale,
      topology: { ...flashSale.topology, distributed: { ...flashSale.topology.distributed, enabled: false } },
    };
    expect(cacheRoom(off, [])).toBeNull();
    expect(idlePolicyVariants(off, defaults)).toEqual([]);
  });

  it('suggests 30 entries a node for the flash sale, and every variant gets it', () => {
    const perNode = contestedCapacity(cacheRoom(flashSale, [])!);
    expect(perNode).toBe(30);
    const contested = withCapacity(defaults, perNode);
    expect(contested).toEqual([
      [{ path: 'tiers.distributed.capacity', value: '30' }],
      [s3fifo, { path: 'tiers.distributed.capacity', value: '30' }],
    ]);
    expect(idlePolicyVariants(flashSale, contested)).toEqual([]);
  });

  it('says what the runs show: alike with room for every key, apart at the suggested capacity', () => {
    const [lru, other] = played(defaults);
    expect(other).toEqual(lru);
    const [smallLru, smallS3fifo] = played(withCapacity(defaults, 30));
    // S3-FIFO keeps the flash sale's hot products through the churn of one-off reads better than LRU.
    expect(smallS3fifo.cacheHitRatio - smallLru.cacheHitRatio).toBeGreaterThan(0.01);
    expect(smallS3fifo.databaseReads).toBeLessThan(smallLru.databaseReads);
  });
});
