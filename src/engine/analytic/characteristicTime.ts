/**
 * The characteristic time T of a cache under the independent reference model: the T at which the
 * expected number of keys held, Σ occupancy(p_i, T), equals the capacity. Che's approximation for LRU
 * and the FIFO/Random approximation differ only in the occupancy of one key; both are increasing in T,
 * so T is found by doubling an upper bound and then bisecting.
 *
 * @param popularity each key's probability of being the next request (they sum to 1)
 * @param occupancy the probability that a key of popularity p is in the cache at characteristic time t
 * @returns T, or Infinity when the cache can hold every key
 */
export function characteristicTime(
  popularity: ArrayLike<number>,
  capacity: number,
  occupancy: (p: number, t: number) => number,
): number {
  let keys = 0;
  for (let i = 0; i < popularity.length; i++) if (popularity[i] > 0) keys++;
  if (capacity >= keys) return Infinity;
  const held = (t: number) => {
    let sum = 0;
    for (let i = 0; i < popularity.length; i++) sum += occupancy(popularity[i], t);
    return sum;
  };
  let low = 0;
  let high = 1;
  while (held(high) < capacity) high *= 2;
  // 100 halvings take the bracket below a double's resolution of any T reached by doubling.
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (held(mid) < capacity) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Σ p_i · h(p_i, T): the hit ratio of a cache whose key of popularity p is held with probability h. */
export function hitRatioAt(
  popularity: ArrayLike<number>,
  t: number,
  occupancy: (p: number, t: number) => number,
): number {
  let sum = 0;
  for (let i = 0; i < popularity.length; i++) sum += popularity[i] * occupancy(popularity[i], t);
  return sum;
}
