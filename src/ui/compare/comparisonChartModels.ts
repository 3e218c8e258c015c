import type { SeriesRow } from '../../engine/metrics/types';
import { chartLine, chartModels, readsFromCacheChart, type ChartModel } from '../views/lib/chartModels';

/** One variant of a comparison as its charts need it: its name and its run's series and clock. */
export interface VariantSeries {
  name: string;
  series: readonly SeriesRow[];
  bucketMs: number;
  /** The variant's time: only its whole buckets are drawn (see wholeBuckets). */
  nowMs?: number;
  /** The end of the variant's run, where its last bucket is whole. */
  endMs?: number;
}

/**
 * Which line of which single-run chart each comparison chart takes from every variant, and what it
 * is called when it stands alone (the p95 line of "Latency" is a chart of its own here).
 */
const picks: { from: string; line: string; as?: Partial<ChartModel> }[] = [
  { from: 'reads-from-cache', line: 'end to end' },
  { from: 'db-queries', line: 'queries' },
  {
    from: 'latency',
    line: 'p95',
    as: {
      id: 'p95-latency',
      title: 'p95 latency',
      quantity: 'p95 latency',
      description: 'The 95th percentile of the time users waited for the requests answered in each second.',
    },
  },
  { from: 'stale-reads', line: 'stale reads' },
];

/**
 * The comparison's charts: reads served from cache (end to end, %), database queries/s, p95 latency
 * (ms) and stale reads/s, a line per variant named by the variant, in its own colour and dash. Each
 * line is that variant's own single-run chart line (chartModels), so a comparison never computes a
 * figure differently from the run; only the buckets whole in every variant are drawn, as variants
 * a frame apart would otherwise end at different times.
 *
 * @example comparisonChartModels([{ name: 'LRU', series, bucketMs: 1000 }, { name: 'S3-FIFO', ... }])
 */
export function comparisonChartModels(variants: readonly VariantSeries[]): ChartModel[] {
  if (variants.length === 0) return [];
  const runCharts = variants.map(({ series, bucketMs, nowMs, endMs }) => {
    const options = { bucketMs, nowMs, endMs };
    return [readsFromCacheChart(series, options), ...chartModels(series, options)];
  });
  const [leadCharts, ...others] = runCharts;
  const othersXs = others.map((charts) => new Set(charts[0].xsMs));
  const xsMs = leadCharts[0].xsMs.filter((x) => othersXs.every((xs) => xs.has(x)));
  return picks.map((pick) => {
    const template = leadCharts.find((m) => m.id === pick.from)!;
    const lines = runCharts.map((charts, i) => {
      const model = charts.find((m) => m.id === pick.from)!;
      const values = model.lines.find((l) => l.name === pick.line)!.values;
      const slot = new Map(model.xsMs.map((x, j) => [x, j]));
      return chartLine(
        variants[i].name,
        xsMs.map((x) => values[slot.get(x)!]),
        i,
      );
    });
    return { ...template, ...pick.as, xsMs, lines };
  });
}
