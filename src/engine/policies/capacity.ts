/** Checks a capacity handed to a policy: a programming error, not a person's, when it is wrong. */
export function checkCapacity(capacity: number): number {
  if (!(capacity >= 0) || !Number.isFinite(capacity)) {
    throw new RangeError(`policy capacity must be a finite number >= 0, got ${capacity}`);
  }
  return capacity;
}
