import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../src/engine/metrics/latencyHistogram';
import { createStream } from '../../../src/engine/random';

/** The ceil(q × n)-th smallest value (the smallest for q = 0): the definition the histogram follows. */
function exactPercentile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

const quantiles = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** Latencies spread over six orders of magnitude, like a cache hit next to a slow database query. */
function seededSamples(seed: number, n: number): number[] {
  const random = createStream(seed, 'histogram-test');
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const kind = random.int(3);
    if (kind === 0) samples.push(0.2 + random.exponential(0.5));
    else if (kind === 1) samples.push(5 + random.exponential(20));
    else samples.push(Math.exp(random.next() * Math.log(3_600_000)) * (1 + random.next()));
  }
  return samples;
}

describe('LatencyHistogram', () => {
  it('gives every percentile within 1% of the exact value on seeded samples', () => {
    for (const seed of [1, 2, 3]) {
      const samples = seededSamples(seed, 20_000);
      const histogram = new LatencyHistogram();
      for (const ms of samples) histogram.record(ms);
      const sorted = [...samples].sort((a, b) => a - b);
      for (const q of quantiles) {
        const exact = exactPercentile(sorted, q);
        const got = histogram.percentile(q);
        expect(Math.abs(got - exact) / exact, `seed ${seed} q ${q}: ${got} vs ${exact}`).toBeLessThan(0.01);
      }
      expect(histogram.count).toBe(samples.length);
      expect(histogram.maxMs).toBe(sorted[sorted.length - 1]);
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      expect(histogram.meanMs).toBeCloseTo(mean, 3);
    }
  });

  it('stays within 0.5% at every scale from a tenth of a millisecond to a day', () => {
    const histogram = new LatencyHistogram();
    for (let ms = 0.1; ms < 24 * 3_600_000; ms *= 1.00731) {
      histogram.reset();
      histogram.record(ms);
      histogram.record(ms * 2); // keeps the clamp to the exact max from hiding the error at p0
      const got = histogram.percentile(0.5);
      expect(Math.abs(got - ms) / ms, `${ms} ms gave ${got}`).toBeLessThan(0.005);
    }
  });

  it('gives round latencies back exactly, as a run without jitter produces them', () => {
    for (const ms of [0.5, 1, 1.25, 52, 52.5, 99.5, 250, 1000, 3_600_000]) {
      const histogram = new LatencyHistogram();
      histogram.record(ms);
      histogram.record(ms);
      histogram.record(ms * 3);
      expect(histogram.percentile(0.5), `${ms} ms`).toBe(ms);
    }
  });

  it('counts values below 1 ms exactly to the microsecond', () => {
    const histogram = new LatencyHistogram();
    for (const ms of [0.001, 0.002, 0.05, 0.999, 1.7]) histogram.record(ms);
    expect([0.2, 0.4, 0.6, 0.8].map((q) => histogram.percentile(q))).toEqual([0.001, 0.002, 0.05, 0.999]);
  });

  it('gives zeros when empty, and again after reset', () => {
    const histogram = new LatencyHistogram();
    const zeros = { count: 0, meanMs: 0, maxMs: 0, minMs: 0, p50: 0, p99: 0 };
    const read = (h: LatencyHistogram) => ({
      count: h.count,
      meanMs: h.meanMs,
      maxMs: h.maxMs,
      minMs: h.minMs,
      p50: h.percentile(0.5),
      p99: h.percentile(0.99),
    });
    expect(read(histogram)).toEqual(zeros);
    for (const ms of seededSamples(9, 100)) histogram.record(ms);
    expect(histogram.count).toBe(100);
    histogram.reset();
    expect(read(histogram)).toEqual(zeros);
    histogram.record(3);
    expect(read(histogram)).toEqual({ count: 1, meanMs: 3, maxMs: 3, minMs: 3, p50: 3, p99: 3 });
  });

  it('merging two histograms equals recording both sets of values in one', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const both = new LatencyHistogram();
    const first = seededSamples(4, 3000);
    const second = seededSamples(5, 5000).map((ms) => ms * 3);
    for (const ms of first) a.record(ms);
    for (const ms of second) b.record(ms);
    for (const ms of [...second, ...first]) both.record(ms);
    a.mergeFrom(b);
    expect(a.count).toBe(both.count);
    expect(a.meanMs).toBe(both.meanMs);
    expect(a.maxMs).toBe(both.maxMs);
    expect(a.minMs).toBe(both.minMs);
    for (const q of quantiles) expect(a.percentile(q)).toBe(both.percentile(q));
  });

  it('merging into an empty histogram copies, and merging an empty one changes nothing', () => {
    const source = new LatencyHistogram();
    for (const ms of [1, 2, 300]) source.record(ms);
    const target = new LatencyHistogram();
    target.mergeFrom(source);
    target.mergeFrom(new LatencyHistogram());
    expect([target.count, target.maxMs, target.minMs]).toEqual([3, 300, 1]);
    expect(target.percentile(0.5)).toBe(source.percentile(0.5));
    expect(target.percentile(0.5)).toBe(2);
  });

  it('is deterministic: the same values in another order give the same mean and percentiles', () => {
    const samples = seededSamples(6, 2000);
    const forward = new LatencyHistogram();
    const backward = new LatencyHistogram();
    for (const ms of samples) forward.record(ms);
    for (const ms of [...samples].reverse()) backward.record(ms);
    expect(backward.meanMs).toBe(forward.meanMs);
    for (const q of quantiles) expect(backward.percentile(q)).toBe(forward.percentile(q));
  });

  it('records negative or NaN latencies as 0 and keeps hours-long ones in range', () => {
    const histogram = new LatencyHistogram();
    histogram.record(-1);
    histogram.record(Number.NaN);
    histogram.record(100 * 3_600_000);
    expect(histogram.percentile(0)).toBe(0);
    expect(histogram.maxMs).toBe(100 * 3_600_000);
    expect(histogram.percentile(1)).toBeGreaterThan(3_600_000);
    expect(Number.isFinite(histogram.meanMs)).toBe(true);
  });
});
