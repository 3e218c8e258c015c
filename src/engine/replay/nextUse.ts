/**
 * For each request, the position of the next request of the same key (Infinity when there is none):
 * the future that Belady's OPT reads. One backward pass.
 */
export function nextUsePositions(keys: Int32Array, distinctKeys: number): Float64Array {
  const next = new Float64Array(keys.length);
  const seen = new Int32Array(distinctKeys).fill(-1);
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i];
    const later = seen[key];
    next[i] = later >= 0 ? later : Infinity;
    seen[key] = i;
  }
  return next;
}
