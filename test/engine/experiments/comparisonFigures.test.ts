import { describe, expect, it } from 'vitest';
import { comparisonFigures, headlineOf } from '../../../src/engine/experiments/comparisonFigures';
import { planComparison } from '../../../src/engine/experiments/planComparison';
import { runToEnd } from '../../../src/engine/run/runToEnd';
import { loadPreset } from '../../../src/engine/scenario/presets';

const short = { ...loadPreset('flash-sale'), durationMs: 6_000 };

describe("a comparison's table", () => {
  const variants = planComparison(short, [
    { name: 'As it is', changes: [] },
    { name: 'Small cache', changes: [{ path: 'tiers.distributed.capacity', value: 20 }] },
  ]);
  const reports = variants.map((v) => runToEnd(v.scenario, []).metrics());
  const figures = comparisonFigures(reports);
  const row = (label: string) => figures.find((f) => f.label === label)!;

  it('holds every end-to-end figure and each tier in use, with differences from the first variant', () => {
    expect(row('Requests').values).toEqual(reports.map((r) => r.endToEnd.requests));
    const db = row('DB reads');
    expect(db.differences[0]).toBeNull();
    expect(db.differences[1]).toBe(reports[1].endToEnd.databaseReads - reports[0].endToEnd.databaseReads);
    // A smaller cache evicts and sends more reads to the database.
    expect(db.differences[1]).toBeGreaterThan(0);
    expect(row('Distributed cache: evictions').values[1]).toBeGreaterThan(0);
    // The CDN is off in this preset and had no lookups: no row for it; a tier with no lookups has no ratio.
    expect(figures.some((f) => f.label.startsWith('CDN'))).toBe(false);
    expect(figures.filter((f) => f.label.startsWith('Distributed cache:')).map((f) => f.label)).toContain(
      'Distributed cache: misses (capacity)',
    );
  });

  it('leads each variant with its share of reads from cache, p95, database queries per second and stale reads', () => {
    const e = reports[0].endToEnd;
    expect(headlineOf(reports[0])).toEqual({
      readsServedFromCache: e.cacheHitRatio,
      p95LatencyMs: e.latency.p95Ms,
      databaseQueriesPerSecond: (e.databaseReads + e.databaseWrites) / 6,
      staleReads: e.staleReads,
    });
  });
});
