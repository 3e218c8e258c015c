import { characteristicTime, hitRatioAt } from './characteristicTime';

/** Under LRU a key is held if it was requested within the last T: 1 − e^(−pT). */
const lruOccupancy = (p: number, t: number) => 1 - Math.exp(-p * t);

/**
 * Che's approximation for LRU (Che, Tung and Wang 2002) under the independent reference model: a key
 * stays for a characteristic time T after its last request, with T such that the expected number of
 * keys held is the capacity. Steady state: compulsory (cold) misses are not counted.
 *
 * @example cheLru(zipfProbabilities(1000, 0.8), 100).hitRatio // ≈ 0.51
 */
export function cheLru(
  popularity: ArrayLike<number>,
  capacity: number,
): { characteristicTime: number; hitRatio: number } {
  const t = characteristicTime(popularity, capacity, lruOccupancy);
  if (t === Infinity) return { characteristicTime: t, hitRatio: 1 };
  return { characteristicTime: t, hitRatio: hitRatioAt(popularity, t, lruOccupancy) };
}
