import { describe, expect, it } from 'vitest';
import { emptyRow } from '../../../../src/engine/metrics/collector';
import type { SeriesRow } from '../../../../src/engine/metrics/types';
import { tierNames } from '../../../../src/engine/scenario/commandSchema';
import { tierKindList, tierLabel } from '../../../../src/engine/tiers/tierRegistry';
import { chartModels, readsFromCacheChart } from '../../../../src/ui/views/lib/chartModels';
import { missCauseLabels, outcomeStyles } from '../../../../src/ui/views/lib/palette';

const row = (startMs: number, tier: SeriesRow['tier'], values: Partial<SeriesRow> = {}): SeriesRow => ({
  ...emptyRow(startMs, tier),
  ...values,
});

/** Three whole one-second buckets and, at 3 s, a bucket in progress with two lookups, both hits. */
function series(): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (const [i, hits] of [50, 75, 90].entries()) {
    const startMs = i * 1000;
    const missesByCause = { cold: 100 - hits - 5, capacity: 5, expired: 0, invalidated: 0 };
    rows.push(
      row(startMs, 'distributed', {
        lookups: 100,
        hits,
        misses: 100 - hits,
        missesByCause,
        hitRatio: hits / 100,
      }),
    );
    rows.push(
      row(startMs, 'all', { requests: 100, lookups: 100, hits, databaseQueries: 100 - hits, p50Ms: 3 }),
    );
  }
  const open = { lookups: 2, hits: 2, hitRatio: 1 };
  rows.push(row(3000, 'distributed', open), row(3000, 'all', { ...open, requests: 2, p50Ms: 0 }));
  return rows;
}

const chart = (models: ReturnType<typeof chartModels>, id: string) => models.find((m) => m.id === id)!;

describe('chartModels', () => {
  it('never draws the bucket in progress as if it were whole (no 100% hit ratio, no 0 ms latency)', () => {
    const models = chartModels(series(), { bucketMs: 1000, nowMs: 3400 });
    for (const model of models) expect(model.xsMs, model.id).toEqual([0, 1000, 2000]);
    expect(chart(models, 'hit-ratio').lines[0].values).toEqual([50, 75, 90]);
    expect(chart(models, 'latency').lines[0].values).toEqual([3, 3, 3]);
  });

  it('draws a bucket once it is whole, and the last one of the run at the run end even when short', () => {
    expect(chartModels(series(), { bucketMs: 1000, nowMs: 4000 })[0].xsMs).toEqual([0, 1000, 2000, 3000]);
    // The run ends at 3.5 s: its last bucket covers half a second, and its rates are over that half.
    const ended = chartModels(series(), { bucketMs: 1000, nowMs: 3500, endMs: 3500 });
    expect(ended[0].xsMs).toEqual([0, 1000, 2000, 3000]);
    expect(chart(ended, 'db-queries').lines[0].values.at(-1)).toBe(0);
    expect(chart(ended, 'db-queries').lines[0].values[2]).toBe(10);
  });

  it('gives every chart the same buckets, so charts side by side read the same time', () => {
    const rows = series();
    // A tier used only in the first second, and a bucket where the database saw nothing.
    rows.push(row(0, 'cdn', { lookups: 10, hits: 5, hitRatio: 0.5 }));
    const models = chartModels(rows, { bucketMs: 1000, nowMs: 3999 });
    const times = new Set(models.map((m) => m.xsMs.join(',')));
    expect(times).toEqual(new Set(['0,1000,2000']));
    for (const model of models) for (const l of model.lines) expect(l.values).toHaveLength(3);
  });

  it('stacks the misses of each tier by cause, with the run totals in the key', () => {
    const models = chartModels(series(), {
      bucketMs: 1000,
      nowMs: 3000,
      tiers: [
        {
          ...emptyRow(0, 'distributed'),
          tier: 'distributed',
          enabled: true,
          entries: 0,
          staleHits: 0,
          fills: 0,
          missesByCause: { cold: 70, capacity: 15, expired: 0, invalidated: 0 },
        },
      ],
    });
    const misses = chart(models, 'misses-distributed');
    expect(misses.kind).toBe('stacked');
    expect(misses.title).toBe('Misses by cause: Distributed cache');
    expect(misses.lines.map((l) => l.name)).toEqual([
      'cold miss',
      'capacity miss',
      'expired miss',
      'invalidated miss',
    ]);
    expect(misses.lines.map((l) => l.values)).toEqual([
      [45, 20, 5],
      [5, 5, 5],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(misses.lines.map((l) => l.total)).toEqual([70, 15, 0, 0]);
    // Only tiers that saw lookups get one.
    expect(models.filter((m) => m.id.startsWith('misses-')).map((m) => m.id)).toEqual(['misses-distributed']);
  });

  it('shows the mean and largest staleness of each bucket in seconds, with a gap where no read was stale', () => {
    const rows = [
      row(0, 'all', { staleReads: 0 }),
      row(1000, 'all', { staleReads: 4, meanStalenessMs: 250, maxStalenessMs: 900 }),
    ];
    const staleness = chart(chartModels(rows, { bucketMs: 1000, nowMs: 2000 }), 'staleness');
    expect(staleness.lines.map((l) => [l.name, l.values])).toEqual([
      ['mean', [null, 0.25]],
      ['max', [null, 0.9]],
    ]);
  });

  it("names a tier's lines by the one tier-label table the controls and the totals use", () => {
    const rows = tierNames.map((tier) => row(0, tier, { lookups: 1, hits: 1, hitRatio: 1, evictions: 1 }));
    const models = chartModels(rows, { bucketMs: 1000, nowMs: 1000 });
    const table = tierKindList.map((t) => t.label);
    expect(chart(models, 'hit-ratio').lines.map((l) => l.name)).toEqual(table);
    expect(chart(models, 'evictions').lines.map((l) => l.name)).toEqual(table);
    for (const tier of tierNames) {
      expect(chart(models, `misses-${tier}`).title).toBe(`Misses by cause: ${tierLabel(tier)}`);
    }
  });

  it("names the causes of misses with the legend's words", () => {
    expect(missCauseLabels).toEqual({
      cold: outcomeStyles['miss.cold'].label,
      capacity: outcomeStyles['miss.capacity'].label,
      expired: outcomeStyles['miss.expired'].label,
      invalidated: outcomeStyles['miss.invalidated'].label,
    });
    expect(Object.values(missCauseLabels)).toEqual([
      'cold miss',
      'capacity miss',
      'expired miss',
      'invalidated miss',
    ]);
  });
});

describe('readsFromCacheChart', () => {
  it("shows the reads some tier answered over the reads answered, end to end, not any one tier's ratio", () => {
    const rows = [
      // The distributed tier hit 20 of its 100 lookups, but the CDN before it answered many reads.
      row(0, 'distributed', { lookups: 100, hits: 20, hitRatio: 0.2 }),
      row(0, 'all', { lookups: 100, hits: 50, hitRatio: 0.5, requests: 110 }),
      // Only writes in this second: no read answered, so no ratio (not 0 %).
      row(1000, 'all', { requests: 5 }),
      row(2000, 'all', { lookups: 10, hits: 9, hitRatio: 0.9, requests: 10 }),
      row(3000, 'all', { lookups: 2, hits: 2, hitRatio: 1, requests: 2 }),
    ];
    const model = readsFromCacheChart(rows, { bucketMs: 1000, nowMs: 3400 });
    expect(model.xsMs).toEqual([0, 1000, 2000]);
    expect(model.lines.map((l) => [l.name, l.values])).toEqual([['end to end', [50, null, 90]]]);
    expect([model.unit, model.yMax, model.format(50)]).toEqual(['%', 100, '50 %']);
    expect(model.xsMs).toEqual(chartModels(rows, { bucketMs: 1000, nowMs: 3400 })[0].xsMs);
  });
});
