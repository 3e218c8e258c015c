import { describe, expect, it } from 'vitest';
import { createPolicy, livePolicyNames, type PolicyName } from '../../src/engine/policies/index';
import { createStream } from '../../src/engine/random';
import { createZipf, zipfProbabilities } from '../../src/engine/workload/zipf';
import { createRequestGenerator } from '../../src/engine/workload/requestGenerator';
import { workloadSchema } from '../../src/engine/scenario/parts';
import {
  cheLru,
  fifoRandomApproximateMissRatio,
  kingGelenbeMissRatio,
  ttlHitRatio,
} from '../../src/engine/analytic';

/*
 * The independent reference model (IRM): N keys with fixed popularities p_i, each request drawn
 * independently. Under it, caching theory gives hit ratios in closed form (src/engine/analytic, which
 * the app and the CLI draw beside simulated curves); each policy driven with IRM samples must land
 * within a point of its formula.
 */

const N = 1000;
const WARMUP = 100_000;
const MEASURED = 400_000;
/** One point of hit ratio. Sampling noise over 400k requests is a few tenths of a point. */
const ONE_POINT = 0.01;

/** Perfect LFU keeps the C most popular keys: its hit ratio is their popularity, the best under IRM. */
function topMass(p: Float64Array, capacity: number): number {
  let sum = 0;
  for (let i = 0; i < capacity; i++) sum += p[i];
  return sum;
}

/** IRM request sequences, one per alpha, shared by every policy so that they see the same requests. */
const sequences = new Map<number, Int32Array>();
function irmSequence(alpha: number): Int32Array {
  let keys = sequences.get(alpha);
  if (!keys) {
    const next = createZipf(N, alpha, createStream(2024, `irm-${alpha}`));
    keys = new Int32Array(WARMUP + MEASURED);
    for (let i = 0; i < keys.length; i++) keys[i] = next();
    sequences.set(alpha, keys);
  }
  return keys;
}

/** Drives a policy as a tier would (touch on a hit, insert on a miss); the hit ratio after warm-up. */
function simulate(name: PolicyName, alpha: number, capacity: number, keepFrequencyHistory = false) {
  const clock = { nowMs: 0 };
  const policy = createPolicy(name, {
    capacity,
    unit: 'entries',
    random: createStream(7, 'policies'),
    clock,
    future: { nextUse: Infinity },
    samples: 5,
    keepFrequencyHistory,
  });
  const keys = irmSequence(alpha);
  const evicted: number[] = [];
  let hits = 0;
  for (let i = 0; i < keys.length; i++) {
    clock.nowMs = i;
    const key = keys[i];
    if (policy.has(key)) {
      policy.touch(key);
      if (i >= WARMUP) hits++;
    } else {
      evicted.length = 0;
      policy.insert(key, 1, evicted);
    }
  }
  return { hitRatio: hits / MEASURED, held: policy.order() };
}

const cases = [0.8, 1.0].flatMap((alpha) => [50, 100, 200].map((capacity) => ({ alpha, capacity })));

describe('the reference formulas', () => {
  it('give the exact uniform result 1 − C/N for FIFO and Random', () => {
    const uniform = new Float64Array(N).fill(1 / N);
    expect(kingGelenbeMissRatio(uniform, 100)).toBeCloseTo(1 - 100 / N, 9);
  });

  it('agree with each other: King/Gelenbe exact within 0.002 of its approximation', () => {
    for (const { alpha, capacity } of cases) {
      const p = zipfProbabilities(N, alpha);
      // The literature says within 0.001; at Zipf 1.0 and C = 50 the gap is 0.0011.
      expect(Math.abs(kingGelenbeMissRatio(p, capacity) - fifoRandomApproximateMissRatio(p, capacity))).toBeLessThan(0.002);
    }
  });

  it("solve Che's equation: the characteristic time fills the cache exactly", () => {
    const p = zipfProbabilities(N, 0.8);
    const { characteristicTime } = cheLru(p, 100);
    const occupancy = p.reduce((sum, pi) => sum + (1 - Math.exp(-pi * characteristicTime)), 0);
    expect(occupancy).toBeCloseTo(100, 6);
  });
});

describe('policies under the independent reference model, N = 1000', () => {
  for (const { alpha, capacity } of cases) {
    const p = zipfProbabilities(N, alpha);

    it(`LRU hits within a point of Che's approximation (Zipf ${alpha}, C = ${capacity})`, () => {
      const expected = cheLru(p, capacity).hitRatio;
      expect(Math.abs(simulate('lru', alpha, capacity).hitRatio - expected)).toBeLessThan(ONE_POINT);
    });

    it(`FIFO and Random hit within a point of King and Gelenbe's exact result (Zipf ${alpha}, C = ${capacity})`, () => {
      const expected = 1 - kingGelenbeMissRatio(p, capacity);
      expect(Math.abs(simulate('fifo', alpha, capacity).hitRatio - expected)).toBeLessThan(ONE_POINT);
      expect(Math.abs(simulate('random', alpha, capacity).hitRatio - expected)).toBeLessThan(ONE_POINT);
    });

    it(`perfect LFU hits within a point of the top-C probability mass (Zipf ${alpha}, C = ${capacity})`, () => {
      const expected = topMass(p, capacity);
      expect(Math.abs(simulate('lfu', alpha, capacity, true).hitRatio - expected)).toBeLessThan(ONE_POINT);
    });

    // The default LFU is libCacheSim's: a key's count is forgotten when it leaves. Under IRM its
    // contents settle early (old favourites never leave), so it does not reach perfect LFU's top-C
    // mass; it hits exactly as often as the popularity of what it holds, between LRU and perfect LFU.
    it(`LFU hits as often as the popularity of the keys it holds, between LRU and the top-C mass (Zipf ${alpha}, C = ${capacity})`, () => {
      const { hitRatio, held } = simulate('lfu', alpha, capacity);
      const heldMass = held.reduce((sum, key) => sum + p[key], 0);
      expect(held.length).toBe(capacity);
      expect(Math.abs(hitRatio - heldMass)).toBeLessThan(ONE_POINT);
      expect(hitRatio).toBeGreaterThan(cheLru(p, capacity).hitRatio);
      expect(hitRatio).toBeLessThan(topMass(p, capacity) + ONE_POINT / 2);
    });
  }

  it('no live policy beats perfect LFU, the best any policy can do without the future', () => {
    const alpha = 0.8;
    const capacity = 100;
    const bound = topMass(zipfProbabilities(N, alpha), capacity);
    for (const name of livePolicyNames) {
      const { hitRatio, held } = simulate(name, alpha, capacity);
      expect(held.length, name).toBeLessThanOrEqual(capacity);
      expect(hitRatio, name).toBeLessThan(bound + ONE_POINT / 2);
    }
  });
});

/**
 * TTL caches of unbounded capacity over the workload generator's own requests (Jung, Berger and
 * Balakrishnan 2003). Key i gets Poisson requests at λ·p_i: with the timer set on a miss only it hits
 * λp_iT/(1 + λp_iT) of them, with the timer reset on every hit 1 − e^(−λp_iT). These hold only if the
 * generator's arrivals are Poisson and its key draws independent of them; the cache tiers' TTL
 * handling is checked through the full engine by the engine's tests.
 */
describe('TTL formulas over the workload generator', () => {
  const ratePerSecond = 100;
  const keys = 100;
  const alpha = 0.8;
  const p = zipfProbabilities(keys, alpha);

  function simulatedTtlHitRatio(ttlMs: number, resetOnHit: boolean): number {
    const generator = createRequestGenerator(
      workloadSchema.parse({
        ratePerSecond,
        keySpaces: [{ name: 'item', count: keys, popularity: { kind: 'zipf', alpha } }],
      }),
      31,
    );
    const expiresAtMs = new Float64Array(keys).fill(-Infinity);
    let hits = 0;
    const requests = 300_000;
    for (let i = 0; i < requests; i++) {
      const { atMs, keyIndex } = generator.next();
      if (atMs < expiresAtMs[keyIndex]) {
        hits++;
        if (resetOnHit) expiresAtMs[keyIndex] = atMs + ttlMs;
      } else {
        expiresAtMs[keyIndex] = atMs + ttlMs;
      }
    }
    return hits / requests;
  }

  for (const ttlSeconds of [0.1, 1]) {
    it(`a timer set on a miss hits Σ p_i·λp_iT/(1 + λp_iT) (T = ${ttlSeconds} s)`, () => {
      const expected = ttlHitRatio(ratePerSecond, p, ttlSeconds, false);
      expect(Math.abs(simulatedTtlHitRatio(ttlSeconds * 1000, false) - expected)).toBeLessThan(ONE_POINT);
    });

    it(`a timer reset on every hit hits Σ p_i(1 − e^(−λp_iT)) (T = ${ttlSeconds} s)`, () => {
      const expected = ttlHitRatio(ratePerSecond, p, ttlSeconds, true);
      expect(Math.abs(simulatedTtlHitRatio(ttlSeconds * 1000, true) - expected)).toBeLessThan(ONE_POINT);
    });
  }
});
