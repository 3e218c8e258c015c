/**
 * The hit ratio of a TTL cache of unbounded capacity under Poisson arrivals (Jung, Berger and
 * Balakrishnan 2003): key i gets requests at rate λ·p_i. With the timer set on a miss only, a key hits
 * λp_iT/(1 + λp_iT) of its requests; with the timer reset on every hit, 1 − e^(−λp_iT).
 *
 * @param ratePerSecond λ, requests a second over all keys
 * @param popularity each key's share of the requests (they sum to 1)
 * @param ttlSeconds T
 * @param resetOnHit whether a hit restarts the timer
 */
export function ttlHitRatio(
  ratePerSecond: number,
  popularity: ArrayLike<number>,
  ttlSeconds: number,
  resetOnHit: boolean,
): number {
  let sum = 0;
  for (let i = 0; i < popularity.length; i++) {
    const p = popularity[i];
    const x = ratePerSecond * p * ttlSeconds;
    sum += p * (resetOnHit ? 1 - Math.exp(-x) : x / (1 + x));
  }
  return sum;
}
