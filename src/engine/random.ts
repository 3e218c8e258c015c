/**
 * Seeded randomness. One root seed is split into independent named streams (arrivals, keys,
 * latencies, faults, ...) so that changing how caches behave never changes the workload.
 *
 * The generator is sfc32 (Small Fast Counting, from PractRand): 128 bits of state, passes BigCrush,
 * and is a handful of 32-bit integer operations per draw.
 */

/** A stream of uniform numbers in [0, 1), with the derived draws the model needs. */
export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Exponential with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** 32-bit FNV-1a of a string: names a stream. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads a seed so that nearby seeds give unrelated states. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

class Sfc32 implements RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  exponential(mean: number): number {
    // 1 - u is in (0, 1], so the logarithm is finite.
    return -Math.log(1 - this.next()) * mean;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The names of the streams the engine draws from. Each one is independent of the others. */
export type StreamName = 'arrivals' | 'keys' | 'latencies' | 'faults' | 'policies' | 'ttl' | 'bus' | 'sizes';

/**
 * Creates a named stream of a seed. The same seed and name always give the same sequence.
 *
 * @example
 * const keys = createStream(42, 'keys');
 * keys.int(1000); // the same number on every run with seed 42
 */
export function createStream(seed: number, name: string): RandomStream {
  return new Sfc32((seed >>> 0) ^ hashString(name));
}
