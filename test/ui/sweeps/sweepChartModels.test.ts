import { describe, expect, it } from 'vitest';
import { planSweep, runSweep } from '../../../src/engine/experiments/planSweep';
import { loadPreset } from '../../../src/engine/scenario/presets';
import { sweepChartModels } from '../../../src/ui/sweeps/sweepChartModels';

const sweepOf = (path: string, values: string[]) => {
  const basics = loadPreset('basics');
  const points = runSweep(planSweep(basics, path, values));
  return sweepChartModels({ path, values, points, scenarioName: basics.name, seed: basics.seed });
};

describe("a sweep's hit-ratio chart", () => {
  it("draws the distributed cache's simulated hit ratio and, dashed beside it, Che's approximation", () => {
    const charts = sweepOf('tiers.distributed.capacity', ['10', '30', '100']);
    expect(charts.map((c) => c.title)).toEqual([
      'Reads served from cache',
      'Distributed cache hit ratio',
      'Stale reads',
      'Database load',
      'p95 latency',
    ]);
    // Shares of all reads run to 100%, but the stale reads' axis fits them: a percent or two on an
    // axis to 100% lay on the floor.
    expect(charts.map((c) => c.yDomain)).toEqual([[0, 1], [0, 1], undefined, undefined, undefined]);
    const [simulated, che, ...others] = charts[1].series;
    expect(others).toEqual([]);
    expect([simulated.name, simulated.dashed]).toEqual(['Simulated', false]);
    expect([che.name, che.dashed]).toEqual(["Che's approximation (LRU)", true]);
    // Basics reads 200 Zipf keys through one LRU node with no TTL: Che applies at every capacity.
    expect(che.points.every((p) => p.y !== null && p.y > 0 && p.y < 1)).toBe(true);
    expect(che.points.map((p) => p.x)).toEqual([10, 30, 100]);
    expect(charts[1].notes).toEqual([
      expect.stringMatching(/^About 3\.\d% of the reads are a key's first \(cold misses\)/),
    ]);
  });

  it('predicts the local caches in a sweep of theirs, and says why not where they are off', () => {
    const charts = sweepOf('tiers.local.enabled', ['false', 'true']);
    expect(charts[1].title).toBe('App-local cache hit ratio');
    // Basics' local caches hold all 200 keys, and their 10 s TTL expires within the 60 s run.
    expect(charts[1].series.map((s) => s.name)).toEqual([
      'Simulated',
      'TTL model λT/(1+λT)',
      'TTL model 1−e^(−λT), if hits renewed the TTL',
    ]);
    const [simulated, ttl] = charts[1].series.map((s) => s.points.map((p) => p.y));
    expect(simulated[0]).toBeNull();
    expect(ttl[0]).toBeNull();
    expect(Math.abs(simulated[1]! - ttl[1]!)).toBeLessThan(0.02);
    expect(charts[1].notes).toContain('No formula at false: the app-local cache is off.');
  });
});
