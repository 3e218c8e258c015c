/**
 * A copy of a policy's state for a dry run: typed arrays and plain arrays are copied, objects with a
 * `clone()` method (KeyLists, the sketch) clone themselves, everything else (the context, numbers) is
 * shared or copied by value. Policies whose eviction order is not a simple list walk (S3-FIFO, 2Q,
 * ARC, W-TinyLFU, SIEVE) compute order() by evicting everything from such a copy, so the inspector
 * shows exactly what the real policy would do, without a second implementation to keep in step.
 */
export function dryRunClone<T extends object>(policy: T): T {
  const copy = Object.create(Object.getPrototypeOf(policy)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(policy)) {
    if (ArrayBuffer.isView(value)) copy[name] = (value as unknown as Int32Array).slice();
    else if (Array.isArray(value)) copy[name] = value.slice();
    else if (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as { clone?: unknown }).clone === 'function'
    ) {
      copy[name] = (value as { clone(): unknown }).clone();
    } else copy[name] = value;
  }
  return copy as T;
}
