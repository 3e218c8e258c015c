import { overlayNotes, overlaySeries } from '../../engine/experiments/overlaySeries';
import { formatPercent, formatPercentTick } from '../../engine/format/readableNumbers';
import type { SweepPoint } from '../../engine/experiments/sweepPoint';
import { tierKinds } from '../../engine/tiers/tierRegistry';
import type { SweepResult } from '../../state/sweepJob.svelte';
import { seriesColours } from '../views/lib/palette';
import { wantsLogAxis, type XYChartModel, type XYSeries } from '../views/lib/xyChartModel';

/** The four figures a sweep is read by, each a chart of its own against the setting. */
const figures: {
  title: string;
  yLabel: string;
  value: (p: SweepPoint) => number | null;
  format: (v: number) => string;
  /** The y axis's range when it is fixed (a share read against the whole of it), else the data's. */
  yDomain?: [number, number];
}[] = [
  {
    title: 'Reads served from cache',
    yLabel: 'Share of reads',
    value: (p) => p.readsServedFromCache,
    format: (v) => formatPercent(v, { digits: 0 }),
    yDomain: [0, 1],
  },
  {
    title: 'Stale reads',
    yLabel: 'Share of reads',
    value: (p) => p.staleReadRate,
    format: formatPercentTick,
    // No fixed range: a few percent at most lay on the floor of an axis to 100% and showed nothing.
  },
  {
    title: 'Database load',
    yLabel: 'Queries per second',
    value: (p) => p.databaseQueriesPerSecond,
    format: (v) => v.toLocaleString('en-US', { maximumFractionDigits: 0 }),
  },
  {
    title: 'p95 latency',
    yLabel: 'Milliseconds',
    value: (p) => p.p95LatencyMs,
    format: (v) => `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`,
  },
];

/**
 * A sweep as charts against the setting swept: a numeric setting on a linear or log axis, a choice
 * (a policy) as evenly spaced categories. Each names the run and seed it came from. The second is the
 * hit ratio of the tier the models predict (the local caches in a sweep of theirs, else the
 * distributed cache), with the formulas that predict it dashed beside it and a line
 * under it saying where none applies and what the simulation has that they leave out.
 */
export function sweepChartModels(result: SweepResult): XYChartModel[] {
  const numeric = result.points.every((p) => typeof p.value === 'number');
  const xs = result.points.map((p, i) => (numeric ? (p.value as number) : i));
  const log = numeric && wantsLogAxis(xs);
  const label = (x: number) => (numeric ? x.toLocaleString('en-US') : result.values[x]);
  const frame = {
    source: `${result.scenarioName}, seed ${result.seed} · Cachescope`,
    xLabel: `${result.path}${log ? ' (log scale)' : ''}`,
    xLog: log,
    categorical: !numeric,
    formatX: label,
  };
  const charts: XYChartModel[] = figures.map((figure, i) => ({
    ...frame,
    title: figure.title,
    yLabel: figure.yLabel,
    formatY: figure.format,
    ...(figure.yDomain ? { yDomain: figure.yDomain } : {}),
    series: [
      {
        name: figure.title,
        colour: seriesColours[i % seriesColours.length],
        dashed: false,
        points: result.points.map((p, j) => ({ x: xs[j], y: figure.value(p) })),
      },
    ],
  }));
  const models: XYSeries[] = overlaySeries(result.points).map((model, i) => ({
    name: model.label,
    colour: seriesColours[(1 + i) % seriesColours.length],
    dashed: true,
    points: model.values.map((y, j) => ({ x: xs[j], y })),
  }));
  const tier = result.points[0]?.prediction.tier ?? 'distributed';
  const hitRatio: XYChartModel = {
    ...frame,
    title: `${tierKinds[tier].label} hit ratio`,
    yLabel: 'Hits over lookups',
    formatY: figures[0].format,
    yDomain: [0, 1],
    series: [
      {
        name: 'Simulated',
        colour: seriesColours[0],
        dashed: false,
        points: result.points.map((p, j) => ({ x: xs[j], y: p.tierHitRatios[tier] })),
      },
      ...models,
    ],
    notes: overlayNotes(result.points),
  };
  return [charts[0], hitRatio, ...charts.slice(1)];
}
