import { describe, expect, it } from 'vitest';
import { doubledLength, grownToHold, resized } from '../../src/engine/growArray';

describe('growing key-indexed arrays', () => {
  it('double the length until the index fits, and keep an array that already holds it', () => {
    expect(doubledLength(16, 16)).toBe(32);
    expect(doubledLength(16, 100)).toBe(128);
    const small = Int32Array.of(4, 5);
    expect(grownToHold(small, 1)).toBe(small);
  });

  it('keep the values and the kind of array, and fill only the new cells', () => {
    const grown = grownToHold(Float64Array.of(0.5, -2), 5, -1);
    expect(grown).toBeInstanceOf(Float64Array);
    expect(Array.from(grown)).toEqual([0.5, -2, -1, -1, -1, -1, -1, -1]);
    const bytes = resized(Int8Array.of(0, 7), 3);
    expect(bytes).toBeInstanceOf(Int8Array);
    expect(Array.from(bytes)).toEqual([0, 7, 0]);
  });
});
