/**
 * A log-linear latency histogram in the style of HdrHistogram, with decimal buckets: values are
 * counted in whole microseconds (0.001 ms), exactly below 1 ms, and above that in 1800 buckets per
 * power of ten (5 µs wide from 1 ms, 50 µs from 10 ms, 0.5 ms from 100 ms, ...). A bucket is never
 * wider than 0.5% of its values, and it is represented by its lower bound, so a percentile is within
 * 0.5% of the exact value, and a round latency such as 52 ms or 1.25 ms comes back exactly (a student
 * who set the latencies without jitter sees p50 = 52.000, not 52.096). The range reaches 10^11 µs
 * (about 27 hours); longer values land in the top bucket. Counts live in one Float64Array allocated
 * once: `record` is O(1) (at most eight comparisons) and allocates nothing, which matters because the
 * engine records every request.
 *
 * Everything is deterministic and independent of the order of recording: only comparisons and
 * exactly rounded integer arithmetic (no Math.log, whose last bits differ between JavaScript engines),
 * and the sum is kept in whole microseconds (exact in a double up to 2^53), so merging histograms in
 * any order gives the same mean to the last bit.
 */

const usPerMs = 1000;
/** Below this many microseconds every value has its own bucket. */
const exactUs = 1000;
/** Buckets per power of ten above exactUs: 10^k to 10^(k+1) in steps of 5 × 10^(k-3). */
const perDecade = 1800;
/** Powers of ten from 10^3 to 10^11 µs: the decades above the exact range. */
const decades = [1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11];
const topUs = decades[decades.length - 1] - 1;
const bucketCount = exactUs + (decades.length - 1) * perDecade;

/** Index of the bucket that counts an integer number of microseconds. */
function bucketOf(us: number): number {
  if (us < exactUs) return us;
  if (us > topUs) us = topUs;
  let decade = 0;
  while (us >= decades[decade + 1]) decade++;
  const widthUs = decades[decade] / 200;
  return exactUs + decade * perDecade + Math.floor((us - decades[decade]) / widthUs);
}

/** The lower bound of a bucket, in microseconds (the bucket's exact value below 1 ms). */
function representativeUs(index: number): number {
  if (index < exactUs) return index;
  const decade = Math.floor((index - exactUs) / perDecade);
  const sub = (index - exactUs) % perDecade;
  return decades[decade] + sub * (decades[decade] / 200);
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
