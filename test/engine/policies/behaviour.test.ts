import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPolicy, type PolicyName } from '../../../src/engine/policies/index';
import { createStream } from '../../../src/engine/random';
import { readTraceFile } from '../../../src/cli/readTraceFile';
import { parseTrace } from '../../../src/engine/replay/parseTrace';
import { replayTrace } from '../../../src/engine/replay/replayTrace';

function make(name: PolicyName, capacity: number) {
  const clock = { nowMs: 0 };
  const future = { nextUse: Infinity };
  const policy = createPolicy(name, {
    capacity,
    unit: 'entries',
    random: createStream(3, 'policies'),
    clock,
    future,
  });
  /** One request as a tier makes it: a hit touches, a miss inserts; returns what was evicted. */
  const request = (key: number): number[] => {
    const evicted: number[] = [];
    if (policy.has(key)) policy.touch(key);
    else policy.insert(key, 1, evicted);
    return evicted;
  };
  return { policy, clock, future, request };
}

describe('policy behaviour', () => {
  it('lru evicts the least recently used key when full', () => {
    const { policy, request } = make('lru', 3);
    [1, 2, 3].forEach(request);
    request(1); // 2 is now the least recently used
    expect(policy.order()).toEqual([2, 3, 1]);
    expect(request(4)).toEqual([2]);
    expect(request(5)).toEqual([3]);
  });

  it('fifo evicts in arrival order whatever the hits', () => {
    const { request } = make('fifo', 3);
    [1, 2, 3].forEach(request);
    request(1);
    request(1);
    expect(request(4)).toEqual([1]);
  });

  it('fifo puts a key removed and inserted again at the back, through removals and the ring growing', () => {
    // The ring keeps removed keys as stale cells; this checks it against a plain array of arrivals
    // over enough churn to compact and grow the ring many times.
    const { policy } = make('fifo', 50);
    const random = createStream(8, 'fifo-reference');
    const reference: number[] = [];
    for (let step = 0; step < 20_000; step++) {
      const key = random.int(400);
      const evicted: number[] = [];
      if (random.next() < 0.3) {
        const at = reference.indexOf(key);
        expect(policy.remove(key)).toBe(at >= 0);
        if (at >= 0) reference.splice(at, 1);
      } else if (reference.includes(key)) {
        policy.touch(key);
      } else {
        policy.insert(key, 1, evicted);
        reference.push(key);
        expect(evicted).toEqual(reference.length > 50 ? reference.splice(0, 1) : []);
      }
      expect(policy.count).toBe(reference.length);
    }
    expect(policy.order()).toEqual(reference);
  });

  it('lfu evicts the least frequently used key, the oldest of a tie first', () => {
    const { request } = make('lfu', 3);
    [1, 2, 3].forEach(request);
    request(3);
    request(1);
    request(1);
    request(2); // counts: 1→3, 2→2, 3→2, and 3 reached 2 before 2 did
    expect(request(4)).toEqual([3]);
    expect(request(5)).toEqual([4]);
  });

  it('clock gives a referenced key a second chance', () => {
    const { request } = make('clock', 3);
    [1, 2, 3].forEach(request);
    request(1);
    expect(request(4)).toEqual([2]);
    expect(request(5)).toEqual([3]);
    expect(request(6)).toEqual([1]);
  });

  it('opt evicts the key whose next use is farthest', () => {
    const { future, request } = make('opt', 2);
    // Trace a b c a b: at c, a is next used at 3 and b at 4, so b goes.
    const nextUse = [3, 4, Infinity, Infinity, Infinity];
    const keys = [1, 2, 3, 1, 2];
    const evictions = keys.map((key, i) => {
      future.nextUse = nextUse[i];
      return request(key);
    });
    expect(evictions[2]).toEqual([2]);
    expect(evictions[3]).toEqual([]); // a was kept, so it hits
  });

  it.each([
    ['lru', false],
    ['sieve', true],
    ['s3fifo', true],
    ['arc', true],
    ['2q', true],
    ['tinylfu', true],
  ] as const)('a one-time scan flushes the hot keys of %s: %s is that they survive', (name, survive) => {
    const { policy, request } = make(name, 100);
    const hot = Array.from({ length: 20 }, (_, i) => i);
    // Hot keys come back every 50 requests, between keys requested once (a 2Q key must be seen again
    // after it leaves Ain to count as hot).
    for (let round = 0; round < 4; round++) {
      hot.forEach(request);
      for (let key = 0; key < 30; key++) request(100 + round * 30 + key);
    }
    for (let key = 1000; key < 3000; key++) request(key); // the scan: 2,000 keys never seen again
    const kept = hot.filter((key) => policy.has(key)).length;
    if (survive) expect(kept).toBe(hot.length);
    else expect(kept).toBe(0);
  });

  it('w-tinylfu turns away a newcomer that is less frequent than the key it would replace', () => {
    const { policy, request } = make('tinylfu', 100);
    for (let round = 0; round < 5; round++) for (let key = 0; key < 99; key++) request(key);
    // Fill the last slot, then offer one-time keys: each is compared with a frequent key and loses.
    for (let key = 1000; key < 1200; key++) request(key);
    expect(Array.from({ length: 99 }, (_, key) => policy.has(key)).every(Boolean)).toBe(true);
  });

  describe('redis-lru against a real redis-server 7 on the zipf trace (1,848 keys held)', () => {
    const path = fileURLToPath(
      new URL('../../fixtures/traces/public_zipf0.9_n20k_r200k.csv.gz', import.meta.url),
    );
    const trace = parseTrace(readTraceFile(path));
    const at = (requestsPerSecond: number) => ({
      ...trace,
      times: new Float64Array(trace.requests).map((_, i) => (i * 1000) / requestsPerSecond),
    });
    const exactLru = replayTrace(trace, { policy: 'lru', capacity: 1848 }).missRatio;
    const fifo = replayTrace(trace, { policy: 'fifo', capacity: 1848 }).missRatio;

    it('degenerates to near-random when the cache turns over many times a second (Redis: 0.482)', () => {
      const missRatio = replayTrace(at(21_000), { policy: 'redis-lru', capacity: 1848 }).missRatio;
      expect(Math.abs(missRatio - 0.482)).toBeLessThan(0.006);
      expect(missRatio - exactLru).toBeGreaterThan(0.03);
      expect(Math.abs(missRatio - fifo)).toBeLessThan(0.01);
    });

    it('comes close to exact LRU when requests are slow enough for its one-second clock (Redis: 0.445)', () => {
      const missRatio = replayTrace(at(880), { policy: 'redis-lru', capacity: 1848 }).missRatio;
      expect(Math.abs(missRatio - 0.445)).toBeLessThan(0.006);
      expect(missRatio - exactLru).toBeLessThan(0.006);
    });

    it('redis-lfu does not depend on the clock and beats exact LRU (Redis: 0.387)', () => {
      const missRatio = replayTrace(at(28_600), { policy: 'redis-lfu', capacity: 1848 }).missRatio;
      expect(Math.abs(missRatio - 0.387)).toBeLessThan(0.006);
    });
  });
});
