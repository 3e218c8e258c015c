import type { RandomStream } from '../random';
import type { Popularity } from '../scenario/parts';
import { createZipf } from './zipf';

type BasePopularity = Exclude<Popularity, { kind: 'mix' }>;

/** How many of `count` keys are hot: the first hotFraction × count, at least one. */
export function hotKeyCount(hotFraction: number, count: number): number {
  // Rounding, not flooring: 0.29 × 100 is 28.999999999999996 in floating point.
  return Math.min(count, Math.max(1, Math.round(hotFraction * count)));
}

function createBaseSampler(popularity: BasePopularity, count: number, random: RandomStream): () => number {
  switch (popularity.kind) {
    case 'uniform':
      return () => Math.floor(random.next() * count);
    case 'zipf':
      return createZipf(count, popularity.alpha, random);
    case 'hotspot': {
      const hot = hotKeyCount(popularity.hotFraction, count);
      const cold = count - hot;
      const hotProbability = cold === 0 ? 1 : popularity.hotProbability;
      // Two draws every time, so that the stream stays aligned whichever side a draw falls on.
      return () => {
        const isHot = random.next() < hotProbability;
        const u = random.next();
        return isHot ? Math.floor(u * hot) : hot + Math.floor(u * cold);
      };
    }
    case 'scan': {
      let position = -1;
      return () => {
        position = position + 1 === count ? 0 : position + 1;
        return position;
      };
    }
  }
}

/**
 * A sampler of key indexes in [0, count) under a scenario's popularity: uniform; Zipf (index 0 the
 * most popular); hotspot (the first hotFraction × count keys get hotProbability of the requests,
 * uniformly among them, the others share the rest); scan (0, 1, ..., count − 1, 0, ...), the pattern
 * that flushes an LRU cache; or a mix, which draws a part by weight and then a key from that part.
 * Parts of a mix each keep their own state (a scan part walks on only when it is chosen).
 *
 * @example
 * const nextKey = createKeySampler({ kind: 'hotspot', hotFraction: 0.2, hotProbability: 0.8 }, 100, keys);
 * nextKey(); // in [0, 20) 80% of the time
 */
export function createKeySampler(popularity: Popularity, count: number, random: RandomStream): () => number {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`createKeySampler: count must be a positive integer, got ${count}`);
  }
  if (popularity.kind !== 'mix') return createBaseSampler(popularity, count, random);

  const parts = popularity.parts.map((part) => createBaseSampler(part.popularity, count, random));
  if (parts.length === 1) return parts[0];
  const cumulative = new Float64Array(parts.length);
  let total = 0;
  popularity.parts.forEach((part, i) => {
    total += part.weight;
    cumulative[i] = total;
  });
  const last = parts.length - 1;
  return () => {
    const u = random.next() * total;
    let i = 0;
    while (i < last && u >= cumulative[i]) i++;
    return parts[i]();
  };
}
