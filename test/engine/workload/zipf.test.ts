import { describe, expect, it } from 'vitest';
import { createZipf, zipfProbabilities } from '../../../src/engine/workload/zipf';
import { createStream } from '../../../src/engine/random';

/** Pearson's chi-squared statistic of observed counts against expected probabilities. */
function chiSquared(counts: Float64Array, probabilities: Float64Array, draws: number): number {
  let statistic = 0;
  for (let i = 0; i < counts.length; i++) {
    const expected = probabilities[i] * draws;
    statistic += (counts[i] - expected) ** 2 / expected;
  }
  return statistic;
}

function drawCounts(n: number, alpha: number, draws: number, seed: number): Float64Array {
  const next = createZipf(n, alpha, createStream(seed, 'zipf-test'));
  const counts = new Float64Array(n);
  for (let i = 0; i < draws; i++) counts[next()]++;
  return counts;
}

describe('createZipf', () => {
  it('gives P(i) proportional to (i+1)^-alpha, with rank 0 the most popular', () => {
    const probabilities = zipfProbabilities(3, 1);
    // 1, 1/2, 1/3 normalised by 11/6.
    expect(Array.from(probabilities)).toEqual([6 / 11, 3 / 11, 2 / 11].map((p) => expect.closeTo(p, 12)));
  });

  for (const alpha of [0.6, 0.8, 1, 1.4]) {
    it(`draws keys with the Zipf ${alpha} frequencies (chi-squared over 50 keys)`, () => {
      const n = 50;
      const draws = 400_000;
      const counts = drawCounts(n, alpha, draws, 11);
      // Critical value of chi-squared with 49 degrees of freedom at p = 0.001 is 85.35.
      expect(chiSquared(counts, zipfProbabilities(n, alpha), draws)).toBeLessThan(85.35);
    });
  }

  it('is uniform when alpha is 0', () => {
    const n = 40;
    const draws = 200_000;
    const counts = drawCounts(n, 0, draws, 3);
    // Critical value of chi-squared with 39 degrees of freedom at p = 0.001 is 72.06.
    expect(chiSquared(counts, new Float64Array(n).fill(1 / n), draws)).toBeLessThan(72.06);
  });

  it('matches the head and tail of a million-key distribution and never leaves [0, n)', () => {
    const n = 1_000_000;
    const draws = 2_000_000;
    const next = createZipf(n, 0.9, createStream(5, 'zipf-test'));
    const probabilities = zipfProbabilities(n, 0.9);
    let head = 0;
    let tail = 0;
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const key = next();
      if (!(key >= 0 && key < n && Number.isInteger(key))) outside++;
      if (key < 10) head++;
      if (key >= n / 2) tail++;
    }
    let headP = 0;
    let tailP = 0;
    for (let i = 0; i < 10; i++) headP += probabilities[i];
    for (let i = n / 2; i < n; i++) tailP += probabilities[i];
    expect(outside).toBe(0);
    // Four standard deviations of a binomial proportion.
    expect(Math.abs(head / draws - headP)).toBeLessThan(4 * Math.sqrt((headP * (1 - headP)) / draws));
    expect(Math.abs(tail / draws - tailP)).toBeLessThan(4 * Math.sqrt((tailP * (1 - tailP)) / draws));
  });

  it('gives the same keys for the same seed', () => {
    const a = createZipf(1000, 0.8, createStream(9, 'keys'));
    const b = createZipf(1000, 0.8, createStream(9, 'keys'));
    const c = createZipf(1000, 0.8, createStream(10, 'keys'));
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
  });

  it('always gives 0 for a single key', () => {
    const next = createZipf(1, 1.2, createStream(1, 'keys'));
    expect(new Set(Array.from({ length: 50 }, next))).toEqual(new Set([0]));
  });

  it('rejects a key count that is not a positive integer and a negative alpha', () => {
    const random = createStream(1, 'keys');
    expect(() => createZipf(0, 1, random)).toThrow(/n must be a positive integer/);
    expect(() => createZipf(2.5, 1, random)).toThrow(/n must be a positive integer/);
    expect(() => createZipf(10, -1, random)).toThrow(/alpha must be/);
  });
});
