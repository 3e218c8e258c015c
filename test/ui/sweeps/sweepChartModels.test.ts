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

  it('draws no formula, and says why under the chart, where the sweep turns a tier on in front', () => {
    const charts = sweepOf('tiers.local.enabled', ['false', 'true']);
    expect(charts[1].series.map((s) => s.name)).toEqual(['Simulated', "Che's approximation (LRU)"]);
    expect(charts[1].series[1].points.map((p) => p.y === null)).toEqual([false, true]);
    expect(charts[1].notes).toContain(
      'No formula at true: the app-local caches answer some reads first, so the distributed cache sees a filtered stream.',
    );
  });
});
