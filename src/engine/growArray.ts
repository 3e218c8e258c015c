/** The typed arrays the engine indexes by key id and grows as new ids appear. */
type GrowableArray = Int8Array | Int32Array | Float64Array;

/** The length a key-indexed array doubles to, from `length`, so that index `index` fits. */
export function doubledLength(length: number, index: number): number {
  let grown = Math.max(1, length);
  while (grown <= index) grown *= 2;
  return grown;
}

/**
 * A copy of `array`, `length` long: its values first, then `fill` (0 by default). Growing by doubling
 * (doubledLength) keeps the copying to a constant per id on average.
 */
export function resized<A extends GrowableArray>(array: A, length: number, fill = 0): A {
  const copy = new (array.constructor as new (length: number) => A)(length);
  copy.set(array);
  if (fill !== 0) copy.fill(fill, array.length);
  return copy;
}

/** `array` when index `index` fits, else a copy doubled in length until it does (new cells `fill`). */
export function grownToHold<A extends GrowableArray>(array: A, index: number, fill = 0): A {
  return index < array.length ? array : resized(array, doubledLength(array.length, index), fill);
}
