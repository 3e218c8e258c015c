import { formatCount, formatDecimal } from '../../../engine/format/readableNumbers';
import type { ChartModel } from './chartModels';
import type { LegendEntry } from './fileChartLayout';

/**
 * What a run chart's file says on its own, away from the app: the run it came from (its preset or
 * scenario name and its seed), the simulated span it draws, its axes with their units and its legend.
 * A slide or a report has no app around the chart to say these.
 */

/** The run a chart is of: its preset's name (or its scenario's, when it is none) and its seed. */
export interface ChartRun {
  name: string;
  seed: number;
}

/** A run as the app knows it, as the chart's file names it. */
export function chartRun(run: { preset: string | null; scenarioName: string; seed: number }): ChartRun {
  return { name: run.preset ?? run.scenarioName, seed: run.seed };
}

/**
 * The simulated span the chart draws, in ms: from its first bucket's start to its last bucket's end
 * (the run's end when the last bucket is cut short by it), or null before any bucket is whole.
 */
export function chartSpanMs(model: ChartModel, endMs = Infinity): [number, number] | null {
  const xs = model.xsMs;
  if (xs.length === 0) return null;
  return [xs[0], Math.min(xs[xs.length - 1] + model.bucketMs, endMs)];
}

/** The line under the chart: `flash-sale · seed 7 · 0–30 s simulated · Cachescope`. */
export function runChartSource(run: ChartRun, model: ChartModel, endMs = Infinity): string {
  const span = chartSpanMs(model, endMs);
  const moment = span ? `${seconds(span[0])}–${seconds(span[1])} s simulated` : 'no whole second yet';
  return `${run.name} · seed ${run.seed} · ${moment} · Cachescope`;
}

/**
 * What the file's name says after the chart's title (chartFileName makes it a slug): the run, its
 * seed and the moment the chart ends, as files taken at different moments of a run differ.
 */
export function runChartFileSource(run: ChartRun, model: ChartModel, endMs = Infinity): string {
  const span = chartSpanMs(model, endMs);
  return `${run.name} seed${run.seed}${span ? ` to ${seconds(span[1])}s` : ''}`;
}

/** The axes' labels with their units: simulated time in seconds, and what the chart measures. */
export function runChartAxes(model: ChartModel): { x: string; y: string } {
  return { x: 'Simulated time (s)', y: `${model.quantity} (${model.unit})` };
}

/**
 * Every series of the chart, one with a single line too: on a slide nothing else says what the line
 * is. A layer's total over the run follows its name, as the key on screen shows it.
 */
export function runChartLegend(model: ChartModel): LegendEntry[] {
  return model.lines.map((l) => ({
    label: l.total === null ? l.name : `${l.name}: ${formatCount(l.total)} in all`,
    colour: l.colour,
    dash: model.kind === 'stacked' ? '' : l.dash,
    swatch: model.kind === 'stacked' ? 'block' : 'line',
  }));
}

const seconds = (ms: number) => formatDecimal(ms / 1000, 1);
