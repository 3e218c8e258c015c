import type { Popularity } from '../scenario/parts';
import { hotKeyCount } from './keySampler';
import { zipfProbabilities } from './zipf';

/**
 * Each key's probability of being drawn, under the law `createKeySampler` draws from: what the
 * analytic models take as a key's popularity. Null for a scan (or a mix with one): a scan's keys
 * follow each other in order, not drawn independently, so no popularity describes it.
 */
export function keyProbabilities(popularity: Popularity, count: number): Float64Array | null {
  switch (popularity.kind) {
    case 'uniform':
      return new Float64Array(count).fill(1 / count);
    case 'zipf':
      return zipfProbabilities(count, popularity.alpha);
    case 'hotspot': {
      const hot = hotKeyCount(popularity.hotFraction, count);
      const cold = count - hot;
      const hotProbability = cold === 0 ? 1 : popularity.hotProbability;
      const p = new Float64Array(count);
      for (let i = 0; i < count; i++) p[i] = i < hot ? hotProbability / hot : (1 - hotProbability) / cold;
      return p;
    }
    case 'scan':
      return null;
    case 'mix': {
      const total = popularity.parts.reduce((sum, part) => sum + part.weight, 0);
      const p = new Float64Array(count);
      for (const part of popularity.parts) {
        const inPart = keyProbabilities(part.popularity, count);
        if (inPart === null) return null;
        for (let i = 0; i < count; i++) p[i] += (part.weight / total) * inPart[i];
      }
      return p;
    }
  }
}
