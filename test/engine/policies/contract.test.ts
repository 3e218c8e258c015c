import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  policyFactories,
  policyNames,
  type PolicyName,
} from '../../../src/engine/policies/index';
import { createStream } from '../../../src/engine/random';

/** Policies whose next victim depends on a random draw: order() cannot name it in advance. */
const randomised: readonly PolicyName[] = ['random', 'redis-lru', 'redis-lfu'];

function make(name: PolicyName, unit: 'entries' | 'bytes', capacity: number) {
  const clock = { nowMs: 0 };
  const future = { nextUse: Infinity };
  const policy = createPolicy(name, { capacity, unit, random: createStream(11, 'policies'), clock, future });
  return { policy, clock, future };
}

describe('every registered policy', () => {
  it('is registered under every name in policyNames, and reports that name', () => {
    expect(Object.keys(policyFactories).sort()).toEqual([...policyNames].sort());
    for (const name of policyNames) expect(make(name, 'entries', 10).policy.name).toBe(name);
  });
});

describe.each(policyNames.flatMap((name) => (['entries', 'bytes'] as const).map((unit) => ({ name, unit }))))(
  '$name in $unit',
  ({ name, unit }) => {
    const capacity = unit === 'entries' ? 64 : 1000;

    it('keeps to its capacity, reports every eviction, and its has(), count, used and order() agree', () => {
      const { policy, clock, future } = make(name, unit, capacity);
      const random = createStream(5, `contract:${name}:${unit}`);
      const held = new Map<number, number>();
      const everInserted = new Set<number>();
      let inserted = 0;
      let evictedTotal = 0;
      let removed = 0;
      let freshKey = 5000;
      const evicted: number[] = [];
      const checkOrderPrediction = !randomised.includes(name) && !(name === 'tinylfu' && unit === 'bytes');

      for (let step = 0; step < 2500; step++) {
        clock.nowMs += random.int(50);
        future.nextUse = step + 1 + random.int(400);
        const roll = random.next();
        // Mostly a small key range with repeats (hits, ghosts), now and then a key never seen before.
        const key = roll < 0.1 ? freshKey++ : random.int(roll < 0.5 ? 100 : 3000);
        const size = unit === 'entries' ? 1 : 1 + random.int(60);
        if (random.next() < 0.08) {
          const wasHeld = held.has(key);
          expect(policy.remove(key)).toBe(wasHeld);
          if (wasHeld) {
            held.delete(key);
            removed++;
          }
        } else if (policy.has(key)) {
          policy.touch(key);
        } else {
          const fresh = !everInserted.has(key);
          const predicted = policy.order()[0];
          evicted.length = 0;
          const admitted = policy.insert(key, size, evicted);
          everInserted.add(key);
          for (const victim of evicted) {
            expect(held.has(victim)).toBe(true);
            held.delete(victim);
          }
          evictedTotal += evicted.length;
          // An admission policy may turn a key away after a contest that evicted others.
          if (admitted) {
            inserted++;
            held.set(key, unit === 'entries' ? 1 : size);
          }
          expect(policy.has(key)).toBe(admitted);
          if (checkOrderPrediction && fresh && evicted.length > 0) expect(evicted[0]).toBe(predicted);
        }

        expect(policy.count).toBe(inserted - evictedTotal - removed);
        expect(policy.count).toBe(held.size);
        expect(policy.used).toBeLessThanOrEqual(policy.capacity);
        expect(policy.used).toBe([...held.values()].reduce((a, b) => a + b, 0));
        if (step % 25 === 0) {
          const order = policy.order();
          expect(order.length).toBe(policy.count);
          expect(new Set(order)).toEqual(new Set(held.keys()));
          for (let k = 0; k < 120; k++) expect(policy.has(k)).toBe(held.has(k));
        }
      }
      expect(evictedTotal).toBeGreaterThan(100);
    });

    it('evicts down to a smaller capacity, reporting what it evicted', () => {
      const { policy, future } = make(name, unit, capacity);
      const evicted: number[] = [];
      for (let key = 0; key < 300; key++) {
        future.nextUse = 1000 + key;
        policy.insert(key, unit === 'entries' ? 1 : 10, evicted);
        if (key % 3 === 0 && policy.has(key)) policy.touch(key);
      }
      const before = new Set(policy.order());
      evicted.length = 0;
      policy.setCapacity(capacity / 4, evicted);
      expect(policy.capacity).toBe(capacity / 4);
      expect(policy.used).toBeLessThanOrEqual(capacity / 4);
      expect(policy.count).toBe(before.size - evicted.length);
      for (const key of evicted) {
        expect(before.has(key)).toBe(true);
        expect(policy.has(key)).toBe(false);
      }
      expect(new Set(policy.order())).toEqual(new Set([...before].filter((k) => !evicted.includes(k))));
    });

    it('does not admit a key larger than the whole cache, and evicts nothing for it', () => {
      const { policy } = make(name, 'bytes', 1000);
      const evicted: number[] = [];
      for (let key = 0; key < 40; key++) policy.insert(key, 10, evicted);
      const count = policy.count;
      evicted.length = 0;
      expect(policy.insert(99, 1001, evicted)).toBe(false);
      expect(evicted).toEqual([]);
      expect(policy.count).toBe(count);
      expect(policy.has(99)).toBe(false);
    });
  },
);
