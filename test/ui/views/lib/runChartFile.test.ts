import { describe, expect, it } from 'vitest';
import type { TierSummary } from '../../../../src/engine/metrics/types';
import { chartModels } from '../../../../src/ui/views/lib/chartModels';
import {
  chartRun,
  chartSpanMs,
  runChartAxes,
  runChartFileSource,
  runChartLegend,
  runChartSource,
} from '../../../../src/ui/views/lib/runChartFile';
import { seriesColours } from '../../../../src/ui/views/lib/palette';
import { seriesFixture } from '../fixtures';

const run = { name: 'flash-sale', seed: 7 };
const models = (endMs = Infinity) =>
  chartModels(seriesFixture(), {
    bucketMs: 1000,
    endMs,
    // The run's totals: only the misses by cause are read.
    tiers: [
      {
        tier: 'distributed',
        missesByCause: { cold: 1234, capacity: 15, expired: 0, invalidated: 0 },
      } as TierSummary,
    ],
  });
const chart = (id: string, endMs = Infinity) => models(endMs).find((m) => m.id === id)!;

describe('runChartFile', () => {
  it('names a run by its preset, or by its scenario when it has none, and its seed', () => {
    expect(chartRun({ preset: 'flash-sale', scenarioName: 'Flash sale', seed: 7 })).toEqual(run);
    expect(chartRun({ preset: null, scenarioName: 'My shop', seed: 3 })).toEqual({
      name: 'My shop',
      seed: 3,
    });
  });

  it('says under the chart the run, its seed and the simulated span the chart draws', () => {
    expect(runChartSource(run, chart('hit-ratio'))).toBe(
      'flash-sale · seed 7 · 0–3 s simulated · Cachescope',
    );
    // A run that ends at 2.5 s: its last bucket is cut short there, and so is the span.
    expect(chartSpanMs(chart('hit-ratio', 2500), 2500)).toEqual([0, 2500]);
    expect(runChartSource(run, chart('hit-ratio', 2500), 2500)).toContain('· 0–2.5 s simulated ·');
  });

  it('says so when no second is whole yet, and the file name then leaves out the moment', () => {
    const empty = chartModels([], { bucketMs: 1000 })[0];
    expect(runChartSource(run, empty)).toBe('flash-sale · seed 7 · no whole second yet · Cachescope');
    expect(runChartFileSource(run, empty)).toBe('flash-sale seed7');
  });

  it('gives the file name the run, its seed and the moment the chart ends', () => {
    expect(runChartFileSource(run, chart('latency'))).toBe('flash-sale seed7 to 3s');
  });

  it('labels the time axis in simulated seconds and the value axis with what it measures and its unit', () => {
    expect(runChartAxes(chart('hit-ratio'))).toEqual({ x: 'Simulated time (s)', y: 'Hit ratio (%)' });
    expect(runChartAxes(chart('latency')).y).toBe('Latency (ms)');
    expect(runChartAxes(chart('db-queries')).y).toBe('Database queries (queries/s)');
    expect(runChartAxes(chart('staleness')).y).toBe('Staleness (s)');
    for (const model of models()) expect(runChartAxes(model).y).toContain(`(${model.unit})`);
  });

  it('lists every series with its colour and dash, a single line too', () => {
    expect(runChartLegend(chart('latency'))).toEqual([
      { label: 'p50', colour: seriesColours[0], dash: '', swatch: 'line' },
      { label: 'p95', colour: seriesColours[1], dash: '6 3', swatch: 'line' },
      { label: 'p99', colour: seriesColours[2], dash: '2 2', swatch: 'line' },
    ]);
    expect(runChartLegend(chart('db-queries')).map((e) => e.label)).toEqual(['queries']);
  });

  it("shows a stack's layers as blocks with each cause's total over the run", () => {
    const legend = runChartLegend(chart('misses-distributed'));
    expect(legend.map((e) => e.label)).toEqual([
      'cold miss: 1,234 in all',
      'capacity miss: 15 in all',
      expect.stringMatching(/: 0 in all$/),
      expect.stringMatching(/: 0 in all$/),
    ]);
    expect(new Set(legend.map((e) => e.swatch))).toEqual(new Set(['block']));
  });
});
