import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../src/engine/run/runToEnd';
import { loadPreset } from '../../../src/engine/scenario/presets/index';

describe("the time series' whole-system rows", () => {
  it.each(['layered', 'login-sessions', 'flash-sale'])(
    'count each answered read once, a hit when a cache answered it, adding up to the summary (%s)',
    (preset) => {
      const scenario = loadPreset(preset);
      const { series, endToEnd } = runToEnd(scenario, [], { untilMs: 20_000 }).metrics();
      const all = series.filter((row) => row.tier === 'all');
      const lookups = all.reduce((sum, row) => sum + row.lookups, 0);
      const hits = all.reduce((sum, row) => sum + row.hits, 0);
      // Every answered read, once: the read-latency histogram counts the same reads.
      expect(lookups).toBe(endToEnd.readLatency.count);
      expect(lookups).toBeGreaterThan(0);
      expect(hits / lookups).toBeCloseTo(endToEnd.cacheHitRatio, 12);
      for (const row of all) {
        expect(row.hits + row.misses).toBe(row.lookups);
        expect(row.hitRatio).toBe(row.lookups > 0 ? row.hits / row.lookups : 0);
      }
    },
  );
});

describe("the time series' staleness per bucket", () => {
  it.each(['layered', 'flash-sale'])(
    'gives each bucket the mean and largest staleness of its stale reads, agreeing with the summary (%s)',
    (preset) => {
      const scenario = loadPreset(preset);
      const { series, endToEnd } = runToEnd(scenario, [], { untilMs: 20_000 }).metrics();
      const all = series.filter((row) => row.tier === 'all');
      expect(endToEnd.staleReads, 'the preset has stale reads to measure').toBeGreaterThan(0);
      const totalMs = all.reduce((sum, row) => sum + row.meanStalenessMs * row.staleReads, 0);
      expect(totalMs / endToEnd.staleReads).toBeCloseTo(endToEnd.meanStalenessMs, 6);
      expect(Math.max(...all.map((row) => row.maxStalenessMs))).toBe(endToEnd.maxStalenessMs);
      for (const row of all) {
        if (row.staleReads === 0) expect([row.meanStalenessMs, row.maxStalenessMs]).toEqual([0, 0]);
        else expect(row.maxStalenessMs).toBeGreaterThanOrEqual(row.meanStalenessMs);
      }
    },
  );
});
