import { describe, expect, it } from 'vitest';
import { RedisDict } from '../../../src/engine/policies/redisDict';
import { createPolicy } from '../../../src/engine/policies/index';
import { createStream } from '../../../src/engine/random';

function filled(keys: number, seed = 3): RedisDict {
  const dict = new RedisDict(createStream(seed, 'dict'));
  for (let key = 0; key < keys; key++) dict.add(key);
  // Finish any rehash in progress, as the server's cron does.
  dict.tick(100);
  return dict;
}

/** Which bucket of table 0 holds each key. */
function bucketsOf(dict: RedisDict): Map<number, number> {
  const [size] = dict.tableSizes();
  const where = new Map<number, number>();
  for (let bucket = 0; bucket < size; bucket++)
    for (const key of dict.chain(0, bucket)) where.set(key, bucket);
  return where;
}

describe('RedisDict, the key table that Redis samples eviction candidates from', () => {
  it('doubles to the next power of two once it holds as many keys as buckets, as dict.c does', () => {
    const sizes = [1, 4, 5, 8, 9, 1024, 1025, 1848].map((keys) => filled(keys).tableSizes()[0]);
    expect(sizes).toEqual([4, 4, 8, 8, 16, 1024, 2048, 2048]);
  });

  it('moves keys to the grown table incrementally: one bucket per lookup, the rest at the next cron', () => {
    const dict = new RedisDict(createStream(3, 'dict'));
    for (let key = 0; key < 64; key++) dict.add(key);
    dict.tick(100);
    dict.add(64);
    expect(dict.isRehashing).toBe(true);
    expect(dict.tableSizes()).toEqual([64, 128]);
    const before = countIn(dict, 1);
    dict.lookup();
    dict.lookup();
    expect(countIn(dict, 1)).toBeGreaterThan(before);
    expect(dict.size).toBe(65);
    dict.tick(199);
    expect(dict.isRehashing).toBe(true);
    dict.tick(200);
    expect(dict.isRehashing).toBe(false);
    expect(dict.tableSizes()).toEqual([128, 0]);
    expect(dict.keys().sort((a, b) => a - b)).toEqual(Array.from({ length: 65 }, (_, key) => key));
  });

  it('puts a new key at the head of its chain', () => {
    const dict = filled(40);
    const where = bucketsOf(dict);
    const [size] = dict.tableSizes();
    const newKey = Array.from({ length: 1000 }, (_, i) => 100 + i).find(
      (key) => dict.chain(0, dict.hash(key) & (size - 1)).length > 0,
    )!;
    const bucket = dict.hash(newKey) & (size - 1);
    const chainBefore = dict.chain(0, bucket);
    dict.add(newKey);
    expect(dict.chain(0, bucket)).toEqual([newKey, ...chainBefore]);
    expect(chainBefore.every((key) => where.get(key) === bucket)).toBe(true);
  });

  it('shrinks in the cron when under 10% full, and a deleted key leaves its chain', () => {
    const dict = filled(1000);
    for (let key = 0; key < 950; key++) dict.delete(key);
    expect(dict.has(10)).toBe(false);
    expect(dict.has(990)).toBe(true);
    dict.tick(300);
    expect(dict.tableSizes()).toEqual([64, 0]);
    expect(dict.keys().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => 950 + i));
  });

  it('samples whole chains of neighbouring buckets from a random start', () => {
    const dict = filled(1848);
    const where = bucketsOf(dict);
    const [size] = dict.tableSizes();
    const out = new Int32Array(5);
    let short = 0;
    for (let draw = 0; draw < 200; draw++) {
      expect(dict.sample(5, out)).toBe(5);
      // The buckets lie within a short stretch of the table (mod its size) unless the walk met more
      // than five empty buckets in a row and jumped: the largest gap between them, going round,
      // leaves less than 10 × 5 buckets for the rest.
      const buckets = Array.from(out, (key) => where.get(key)!).sort((a, b) => a - b);
      const gaps = buckets.map((bucket, j) =>
        j === 0 ? bucket + size - buckets.at(-1)! : bucket - buckets[j - 1],
      );
      if (size - Math.max(...gaps) < 5 * 10) short++;
      expect(new Set(out).size).toBe(5);
    }
    expect(short).toBeGreaterThan(190);
  });

  it('samples a key behind empty buckets more often than one behind a full bucket: not uniformly', () => {
    const dict = filled(65);
    const where = bucketsOf(dict);
    const [size] = dict.tableSizes();
    const out = new Int32Array(1);
    const picks = new Map<number, number>();
    const draws = 40_000;
    for (let draw = 0; draw < draws; draw++) {
      dict.sample(1, out);
      picks.set(out[0], (picks.get(out[0]) ?? 0) + 1);
    }
    const share = (behindEmpty: boolean) => {
      const keys = [...where].filter(([, bucket]) => {
        const previous = dict.chain(0, (bucket - 1 + size) % size);
        return (previous.length === 0) === behindEmpty && dict.chain(0, bucket).length === 1;
      });
      return keys.reduce((sum, [key]) => sum + (picks.get(key) ?? 0), 0) / keys.length / draws;
    };
    expect(share(true)).toBeGreaterThan(2 * share(false));
  });

  it('lays keys out by a seeded hash: the same seed gives the same table, another seed another', () => {
    const layout = (seed: number) => [...bucketsOf(filled(200, seed))].sort((a, b) => a[0] - b[0]);
    expect(layout(5)).toEqual(layout(5));
    expect(layout(5)).not.toEqual(layout(6));
  });
});

function countIn(dict: RedisDict, table: 0 | 1): number {
  const size = dict.tableSizes()[table];
  let count = 0;
  for (let bucket = 0; bucket < size; bucket++) count += dict.chain(table, bucket).length;
  return count;
}

describe('Redis sampled eviction', () => {
  it('applies a change of maxmemory-samples to a running policy', () => {
    const run = (startSamples: number) => {
      const context = {
        capacity: 50,
        unit: 'entries' as const,
        random: createStream(9, 'policies'),
        clock: { nowMs: 0 },
        future: { nextUse: Infinity },
        samples: startSamples,
      };
      const policy = createPolicy('redis-lru', context);
      const keys = createStream(4, 'keys');
      const evicted: number[] = [];
      context.samples = 16;
      for (let i = 0; i < 3000; i++) {
        context.clock.nowMs = i * 300;
        const key = keys.int(400);
        if (policy.has(key)) policy.touch(key);
        else policy.insert(key, 1, evicted);
      }
      return evicted;
    };
    expect(run(1)).toEqual(run(16));
  });
});
