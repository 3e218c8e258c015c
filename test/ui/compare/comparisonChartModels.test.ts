import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/createEngine';
import { planComparison } from '../../../src/engine/experiments/planComparison';
import { loadPreset } from '../../../src/engine/scenario/presets';
import { comparisonChartModels, type VariantSeries } from '../../../src/ui/compare/comparisonChartModels';
import { chartModels, readsFromCacheChart } from '../../../src/ui/views/lib/chartModels';

// Seeded by the preset: every variant sees the same requests, as in the app.
const short = { ...loadPreset('flash-sale'), durationMs: 6_000 };
const variants = planComparison(short, [
  { name: 'LRU', changes: [] },
  { name: 'Small cache', changes: [{ path: 'tiers.distributed.capacity', value: 20 }] },
  { name: 'FIFO', changes: [{ path: 'tiers.distributed.eviction', value: 'fifo' }] },
]);

/** Each variant run to its own time, as frames a moment apart leave them on the page. */
function runTo(timesMs: number[]): VariantSeries[] {
  return variants.map((variant, i) => {
    const engine = createEngine(variant.scenario);
    engine.runUntil(timesMs[i]);
    const report = engine.metrics();
    return {
      name: variant.name,
      series: report.series,
      bucketMs: report.bucketMs,
      nowMs: report.nowMs,
      endMs: variant.scenario.durationMs,
    };
  });
}

/** Which line of which single-run chart each comparison chart shows. */
const sources = [
  ['reads-from-cache', 'reads-from-cache', 'end to end'],
  ['db-queries', 'db-queries', 'queries'],
  ['p95-latency', 'latency', 'p95'],
  ['stale-reads', 'stale-reads', 'stale reads'],
] as const;

describe('comparisonChartModels', () => {
  const runs = runTo([6_000, 4_500, 6_000]);
  const models = comparisonChartModels(runs);

  it('draws reads from cache, database queries, p95 latency and stale reads, with units', () => {
    expect(models.map((m) => [m.id, m.title, m.unit])).toEqual([
      ['reads-from-cache', 'Reads served from cache', '%'],
      ['db-queries', 'Database queries', 'queries/s'],
      ['p95-latency', 'p95 latency', 'ms'],
      ['stale-reads', 'Stale reads', 'reads/s'],
    ]);
  });

  it("gives each variant a line equal to that variant's own run chart, over the buckets whole in all", () => {
    // The second variant is at 4.5 s: its bucket 4–5 s is not whole, so no variant draws it yet.
    for (const model of models) expect(model.xsMs, model.id).toEqual([0, 1000, 2000, 3000]);
    for (const [id, from, lineName] of sources) {
      const model = models.find((m) => m.id === id)!;
      runs.forEach((run, i) => {
        const own = [readsFromCacheChart(run.series, run), ...chartModels(run.series, run)].find(
          (m) => m.id === from,
        )!;
        const values = own.lines.find((l) => l.name === lineName)!.values;
        expect(model.lines[i].name).toBe(run.name);
        expect(model.lines[i].values, `${id} of ${run.name}`).toEqual(
          model.xsMs.map((x) => values[own.xsMs.indexOf(x)]),
        );
      });
    }
    // The variants differ where they should: a small cache sends more reads to the database.
    const queries = models.find((m) => m.id === 'db-queries')!.lines;
    expect(queries[1].values[3]!).toBeGreaterThan(queries[0].values[3]!);
  });

  it('tells the variants apart by name, colour and dash', () => {
    for (const model of models) {
      for (const key of ['name', 'colour', 'dash'] as const) {
        expect(new Set(model.lines.map((l) => l[key])).size, `${model.id} ${key}`).toBe(runs.length);
      }
    }
  });

  it('draws every bucket once all variants reach the end, the last one of the run included', () => {
    const ended = comparisonChartModels(runTo([6_000, 6_000, 6_000]));
    expect(ended[0].xsMs).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
  });

  it('draws nothing, without failing, before a bucket is whole or with no variants', () => {
    const started = comparisonChartModels(runTo([500, 500, 500]));
    expect(started.map((m) => m.xsMs)).toEqual([[], [], [], []]);
    expect(started[0].lines.map((l) => l.values)).toEqual([[], [], []]);
    expect(comparisonChartModels([])).toEqual([]);
  });
});
