/**
 * A log-linear latency histogram in the style of HdrHistogram: values are counted in microseconds
 * (0.001 ms), exactly below 0.128 ms, and above that in 128 buckets per power of two, so a bucket is
 * never wider than 1/128 of its values and the representative value (the bucket's middle) is within
 * 0.4% of any value in it. The range reaches 2^36 µs (about 19 hours); longer values land in the top
 * bucket. Counts live in one Float64Array allocated once: `record` is O(1) and allocates nothing,
 * which matters because the engine records every request.
 *
 * Everything is deterministic and independent of the order of recording: the sum is kept in whole
 * microseconds (exact in a double up to 2^53), so merging histograms in any order gives the same
 * mean to the last bit.
 */

/** Sub-buckets per power of two, as a power of two: 2^7 = 128, hence the 1/128 bucket width. */
const subBits = 7;
const subCount = 1 << subBits;
/** Values from 2^topBits µs up go in the last bucket. */
const topBits = 36;
const bucketCount = subCount + (topBits - subBits) * subCount;
const usPerMs = 1000;
const twoTo32 = 4294967296;
const topUs = 2 ** topBits - 1;

/** Index of the bucket that counts an integer number of microseconds. */
function bucketOf(us: number): number {
  if (us < subCount) return us;
  if (us > topUs) us = topUs;
  // Position of the highest set bit, for values wider than 32 bits too.
  const high = us >= twoTo32 ? 63 - Math.clz32(Math.floor(us / twoTo32)) : 31 - Math.clz32(us);
  const shift = high - subBits;
  // Division by a power of two is exact in floating point.
  const sub = Math.floor(us / 2 ** shift);
  return subCount + shift * subCount + (sub - subCount);
}

/** The middle of a bucket, in microseconds (the bucket's exact value in the linear range). */
function representativeUs(index: number): number {
  if (index < subCount) return index;
  const shift = Math.floor((index - subCount) / subCount);
  const sub = subCount + ((index - subCount) % subCount);
  const width = 2 ** shift;
  const lowUs = sub * width;
  return lowUs + (width - 1) / 2;
}

/**
 * Latencies of many requests, for the p50/p95/p99 of the metrics and the CSV.
 *
 * @example
 * const histogram = new LatencyHistogram();
 * histogram.record(12.5);
 * histogram.percentile(0.99); // 12.5
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(bucketCount);
  private total = 0;
  private sumUs = 0;
  private max = 0;
  private min = Infinity;
  /** Lowest and highest non-empty bucket: percentile scans only between them. */
  private lowIndex = bucketCount;
  private highIndex = -1;

  /** Number of values recorded. */
  get count(): number {
    return this.total;
  }

  /** Mean of the recorded values (each rounded to a microsecond), 0 when empty. */
  get meanMs(): number {
    return this.total === 0 ? 0 : this.sumUs / this.total / usPerMs;
  }

  /** The largest value recorded, exactly; 0 when empty. */
  get maxMs(): number {
    return this.max;
  }

  /** The smallest value recorded, exactly; 0 when empty. */
  get minMs(): number {
    return this.total === 0 ? 0 : this.min;
  }

  /** Counts one latency in milliseconds. Negative values and NaN count as 0 (they are bugs upstream). */
  record(ms: number): void {
    if (!(ms > 0)) ms = 0;
    const us = Math.round(ms * usPerMs);
    const index = bucketOf(us);
    this.counts[index]++;
    this.total++;
    this.sumUs += us > topUs ? topUs : us;
    if (ms > this.max) this.max = ms;
    if (ms < this.min) this.min = ms;
    if (index < this.lowIndex) this.lowIndex = index;
    if (index > this.highIndex) this.highIndex = index;
  }

  /**
   * The value below which a share q of the recorded values lie (q in [0, 1]): the representative
   * value of the bucket holding the ceil(q × count)-th smallest value (the smallest for q = 0),
   * clamped to the exact minimum and maximum. 0 when empty.
   */
  percentile(q: number): number {
    if (this.total === 0) return 0;
    const clamped = q > 1 ? 1 : q > 0 ? q : 0;
    const rank = Math.max(1, Math.ceil(clamped * this.total));
    let seen = 0;
    let index = this.lowIndex;
    for (; index < this.highIndex; index++) {
      seen += this.counts[index];
      if (seen >= rank) break;
    }
    const ms = representativeUs(index) / usPerMs;
    return ms > this.max ? this.max : ms < this.min ? this.min : ms;
  }

  /** Forgets every value (a new time bucket reuses its histogram). */
  reset(): void {
    if (this.highIndex >= 0) this.counts.fill(0, this.lowIndex, this.highIndex + 1);
    this.total = 0;
    this.sumUs = 0;
    this.max = 0;
    this.min = Infinity;
    this.lowIndex = bucketCount;
    this.highIndex = -1;
  }

  /** Adds another histogram's values to this one, as if they had been recorded here. */
  mergeFrom(other: LatencyHistogram): void {
    if (other.total === 0) return;
    for (let i = other.lowIndex; i <= other.highIndex; i++) this.counts[i] += other.counts[i];
    this.total += other.total;
    this.sumUs += other.sumUs;
    if (other.max > this.max) this.max = other.max;
    if (other.min < this.min) this.min = other.min;
    if (other.lowIndex < this.lowIndex) this.lowIndex = other.lowIndex;
    if (other.highIndex > this.highIndex) this.highIndex = other.highIndex;
  }
}
