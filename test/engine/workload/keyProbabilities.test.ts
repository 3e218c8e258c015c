import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/engine/random';
import type { Popularity } from '../../../src/engine/scenario/parts';
import { createKeySampler } from '../../../src/engine/workload/keySampler';
import { keyProbabilities } from '../../../src/engine/workload/keyProbabilities';

/** The share of `draws` samples that fell on each key. */
function frequencies(popularity: Popularity, count: number, draws: number): Float64Array {
  const next = createKeySampler(popularity, count, createStream(7, 'keys'));
  const seen = new Float64Array(count);
  for (let i = 0; i < draws; i++) seen[next()]++;
  return seen.map((n) => n / draws);
}

describe("each key's probability, as the models take it", () => {
  it.each<[string, Popularity]>([
    ['uniform', { kind: 'uniform' }],
    ['zipf', { kind: 'zipf', alpha: 0.9 }],
    ['hotspot', { kind: 'hotspot', hotFraction: 0.1, hotProbability: 0.8 }],
    [
      'a mix',
      {
        kind: 'mix',
        parts: [
          { weight: 3, popularity: { kind: 'zipf', alpha: 1.2 } },
          { weight: 1, popularity: { kind: 'uniform' } },
        ],
      },
    ],
  ])('is the law the sampler draws from: %s', (_, popularity) => {
    const p = keyProbabilities(popularity, 50)!;
    expect(p.reduce((sum, v) => sum + v, 0)).toBeCloseTo(1, 12);
    // 200,000 draws: a key's share is within about 0.003 of its probability (three standard errors).
    const seen = frequencies(popularity, 50, 200_000);
    for (let k = 0; k < 50; k++) expect(Math.abs(seen[k] - p[k])).toBeLessThan(0.003);
  });

  it('is null for a scan, whose keys come in order, and for a mix with one', () => {
    expect(keyProbabilities({ kind: 'scan' }, 10)).toBeNull();
    expect(
      keyProbabilities({ kind: 'mix', parts: [{ weight: 1, popularity: { kind: 'scan' } }] }, 10),
    ).toBeNull();
  });
});
