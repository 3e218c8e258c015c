import { describe, expect, it } from 'vitest';
import { createKeySampler, hotKeyCount } from '../../../src/engine/workload/keySampler';
import { zipfProbabilities } from '../../../src/engine/workload/zipf';
import { createStream } from '../../../src/engine/random';
import type { Popularity } from '../../../src/engine/scenario/parts';

function counts(popularity: Popularity, count: number, draws: number, seed = 1): Float64Array {
  const next = createKeySampler(popularity, count, createStream(seed, 'keys'));
  const result = new Float64Array(count);
  for (let i = 0; i < draws; i++) result[next()]++;
  return result;
}

/** Pearson's chi-squared statistic of observed counts against expected probabilities. */
function chiSquared(observed: Float64Array, probabilities: ArrayLike<number>, draws: number): number {
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) {
    const expected = probabilities[i] * draws;
    statistic += (observed[i] - expected) ** 2 / expected;
  }
  return statistic;
}

// Critical value of chi-squared with 19 degrees of freedom at p = 0.001.
const chi19 = 43.82;

describe('createKeySampler', () => {
  it('draws every key equally often under uniform popularity', () => {
    const draws = 100_000;
    expect(
      chiSquared(counts({ kind: 'uniform' }, 20, draws), new Array(20).fill(1 / 20), draws),
    ).toBeLessThan(chi19);
  });

  it('draws keys with Zipf frequencies, key 0 the most popular', () => {
    const draws = 200_000;
    const observed = counts({ kind: 'zipf', alpha: 1.1 }, 20, draws);
    expect(chiSquared(observed, zipfProbabilities(20, 1.1), draws)).toBeLessThan(chi19);
    expect(observed.indexOf(Math.max(...observed))).toBe(0);
  });

  it('sends hotProbability of requests to the first hotFraction of keys, uniformly within each group', () => {
    const draws = 200_000;
    const popularity: Popularity = { kind: 'hotspot', hotFraction: 0.2, hotProbability: 0.9 };
    const observed = counts(popularity, 20, draws);
    // Keys 0-3 share 90%, keys 4-19 share 10%.
    const expected = Array.from({ length: 20 }, (_, i) => (i < 4 ? 0.9 / 4 : 0.1 / 16));
    expect(chiSquared(observed, expected, draws)).toBeLessThan(chi19);
  });

  it('counts hot keys by rounding, so 0.29 of 100 keys is 29 keys, and at least one', () => {
    expect(hotKeyCount(0.29, 100)).toBe(29);
    expect(hotKeyCount(0.001, 10)).toBe(1);
    expect(hotKeyCount(1, 10)).toBe(10);
  });

  it('sends everything to the hot keys when every key is hot', () => {
    const observed = counts({ kind: 'hotspot', hotFraction: 1, hotProbability: 0.5 }, 10, 10_000);
    expect(observed.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.min(...observed)).toBeGreaterThan(800);
  });

  it('scans the keys in order and wraps around', () => {
    const next = createKeySampler({ kind: 'scan' }, 4, createStream(1, 'keys'));
    expect(Array.from({ length: 10 }, next)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1]);
  });

  it('mixes parts by weight: a quarter scan and three quarters hotspot', () => {
    const popularity: Popularity = {
      kind: 'mix',
      parts: [
        { weight: 1, popularity: { kind: 'scan' } },
        { weight: 3, popularity: { kind: 'hotspot', hotFraction: 0.1, hotProbability: 1 } },
      ],
    };
    const draws = 200_000;
    const observed = counts(popularity, 20, draws);
    // The scan spreads its quarter evenly; the hotspot puts its three quarters on keys 0 and 1.
    const expected = Array.from({ length: 20 }, (_, i) => 0.25 / 20 + (i < 2 ? 0.75 / 2 : 0));
    expect(chiSquared(observed, expected, draws)).toBeLessThan(chi19);
  });

  it('gives the same keys for the same seed', () => {
    const popularity: Popularity = { kind: 'zipf', alpha: 0.8 };
    const a = createKeySampler(popularity, 500, createStream(4, 'keys'));
    const b = createKeySampler(popularity, 500, createStream(4, 'keys'));
    expect(Array.from({ length: 200 }, a)).toEqual(Array.from({ length: 200 }, b));
  });
});
