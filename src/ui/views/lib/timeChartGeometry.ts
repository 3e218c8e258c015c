import { line, max, scaleLinear } from 'd3';
import type { ChartModel } from './chartModels';

export interface ChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** One bar of a stacked chart: a layer of one bucket. */
export interface StackedBar {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  colour: string;
}

/**
 * Where a run chart's marks go in a drawing of `width` × `height` view units: its scales, ticks, line
 * paths and stacked bars. The chart on screen and the chart exported as a file draw from this one
 * geometry, at their own sizes, so the file shows what the screen shows.
 */
export function timeChartGeometry(
  model: ChartModel,
  width: number,
  height: number,
  margin: ChartMargin,
  /** About how many ticks each axis has: few on a small multiple, more on a slide. */
  ticks = { x: 4, y: 3 },
) {
  const xs = model.xsMs;
  const last = xs.length - 1;
  const stacked = model.kind === 'stacked';
  // Each bucket spans its time on the axis; lines pass through the middle of each.
  const x = scaleLinear()
    .domain([xs[0] ?? 0, (xs[last] ?? 0) + model.bucketMs])
    .range([margin.left, width - margin.right]);
  const mid = (i: number) => x(xs[i] + model.bucketMs / 2);
  // The top of each bucket's stack, or of its highest line.
  const tops = xs.map((_, i) =>
    stacked
      ? model.lines.reduce((sum, l) => sum + (l.values[i] ?? 0), 0)
      : (max(model.lines, (l) => l.values[i] ?? 0) ?? 0),
  );
  const top = model.yMax ?? max(tops) ?? 0;
  const y = scaleLinear()
    .domain([0, top > 0 ? top : model.integer ? 2 : 1])
    .nice(ticks.y)
    .range([height - margin.bottom, margin.top]);
  const yTicks = model.integer ? y.ticks(ticks.y).filter(Number.isInteger) : y.ticks(ticks.y);
  const paths = stacked
    ? []
    : model.lines.map((l) => ({
        ...l,
        d:
          line<number | null>()
            .defined((v) => v !== null)
            .x((_, i) => mid(i))
            .y((v) => y(v ?? 0))(l.values) ?? '',
      }));
  return {
    x,
    y,
    mid,
    last,
    xTicks: x.ticks(ticks.x),
    yTicks,
    paths,
    bars: stacked ? stackedBars(model, x, y) : [],
    hasData: model.lines.some((l) => l.values.some((v) => v !== null)),
  };
}

/** The stacked bars: one rectangle per layer per bucket, bottom layer first. */
function stackedBars(model: ChartModel, x: (ms: number) => number, y: (v: number) => number): StackedBar[] {
  const out: StackedBar[] = [];
  model.xsMs.forEach((start, i) => {
    let below = 0;
    const x0 = x(start) + 0.5;
    const w = Math.max(0.5, x(start + model.bucketMs) - 0.5 - x0);
    for (const l of model.lines) {
      const v = l.values[i] ?? 0;
      if (v > 0)
        out.push({
          key: `${l.name}@${start}`,
          x: x0,
          y: y(below + v),
          w,
          h: y(below) - y(below + v),
          colour: l.colour,
        });
      below += v;
    }
  });
  return out;
}
