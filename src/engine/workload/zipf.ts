import type { RandomStream } from '../random';

/**
 * Vose's alias table: column i keeps itself with probability `cells[2i]`, else gives `cells[2i + 1]`.
 * A draw picks a column uniformly, so for a large key space nearly every draw reads a column the CPU
 * has not cached: the pair shares one array, and so one cache line.
 */
interface AliasTable {
  cells: Float64Array;
}

/**
 * Tables are immutable and cost O(n) to build (a million `Math.pow`s for a million keys), so the
 * last few are kept: key spaces that share a shape, or a command that switches back, reuse them.
 */
const tableCache = new Map<string, AliasTable>();
const tableCacheSize = 8;

/** Zipf weights (i+1)^(-alpha), normalised to sum to 1. Exported for tests and analytic checks. */
export function zipfProbabilities(n: number, alpha: number): Float64Array {
  const p = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.pow(i + 1, -alpha);
    p[i] = w;
    sum += w;
  }
  for (let i = 0; i < n; i++) p[i] /= sum;
  return p;
}

/** Vose's alias method (1991): numerically stable, O(n) to build, O(1) to draw from. */
function buildAliasTable(probabilities: Float64Array): AliasTable {
  const n = probabilities.length;
  const keep = new Float64Array(n);
  const alias = new Int32Array(n);
  // Scaled probabilities: a column holds exactly 1 of mass on average.
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) scaled[i] = probabilities[i] * n;
  // Two stacks in one array: small columns from the front, large ones from the back.
  const work = new Int32Array(n);
  let small = 0;
  let large = n;
  for (let i = 0; i < n; i++) {
    if (scaled[i] < 1) work[small++] = i;
    else work[--large] = i;
  }
  while (small > 0 && large < n) {
    const s = work[--small];
    const l = work[large++];
    keep[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) work[small++] = l;
    else work[--large] = l;
  }
  // What remains holds 1 up to rounding error.
  while (large < n) {
    const l = work[large++];
    keep[l] = 1;
    alias[l] = l;
  }
  while (small > 0) {
    const s = work[--small];
    keep[s] = 1;
    alias[s] = s;
  }
  const cells = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    cells[2 * i] = keep[i];
    cells[2 * i + 1] = alias[i];
  }
  return { cells };
}

function aliasTableFor(n: number, alpha: number): AliasTable {
  const id = `${n}:${alpha}`;
  let table = tableCache.get(id);
  if (table) {
    // Refresh its place: Map iteration order is insertion order, oldest first.
    tableCache.delete(id);
  } else {
    table = buildAliasTable(zipfProbabilities(n, alpha));
    if (tableCache.size >= tableCacheSize) tableCache.delete(tableCache.keys().next().value as string);
  }
  tableCache.set(id, table);
  return table;
}

/**
 * A sampler of key indexes in [0, n) under Zipf's law: P(i) ∝ (i+1)^(-alpha), so index 0 is the most
 * popular key. Alpha 0 is uniform. Each draw is O(1) (Vose's alias method) and takes two numbers
 * from `random`: one picks the column, one decides between the column and its alias. (One number
 * split in two would leave the second part only 32 − log2(n) bits, too coarse for a million keys.)
 *
 * @example
 * const nextKey = createZipf(1000, 0.8, createStream(seed, 'keys'));
 * nextKey(); // 0 about 7% of the time, 999 about 0.03%
 */
export function createZipf(n: number, alpha: number, random: RandomStream): () => number {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`createZipf: n must be a positive integer, got ${n}`);
  if (!(alpha >= 0) || !Number.isFinite(alpha)) {
    throw new RangeError(`createZipf: alpha must be a finite number >= 0, got ${alpha}`);
  }
  if (alpha === 0 || n === 1) return () => Math.floor(random.next() * n);
  const { cells } = aliasTableFor(n, alpha);
  return () => {
    const column = Math.floor(random.next() * n);
    return random.next() < cells[2 * column] ? column : cells[2 * column + 1] | 0;
  };
}
