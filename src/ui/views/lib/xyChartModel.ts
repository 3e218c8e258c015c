/**
 * A chart of values against a parameter (a cache size, a TTL), not against time: a miss-ratio curve, a
 * sweep. Everything the chart shows is in the model, so the chart can be exported as an image with its
 * title, axes, units, legend and source, and read point by point as a table.
 */
export interface XYSeries {
  name: string;
  colour: string;
  /** A model drawn beside the simulated curves is dashed. */
  dashed: boolean;
  points: { x: number; y: number | null }[];
}

export interface XYChartModel {
  /** Also the exported file's name. */
  title: string;
  /** What the data came from: a trace's name, a run's name and seed. Printed under the chart. */
  source: string;
  xLabel: string;
  yLabel: string;
  /** A log axis for a parameter spread over orders of magnitude (cache sizes). */
  xLog: boolean;
  /**
   * For a parameter that is a choice (eviction policies, write policies): point i is at x = i and
   * `formatX` names it; the axis spaces the choices evenly.
   */
  categorical?: boolean;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** The y axis' range; the data's range when absent. */
  yDomain?: [number, number];
  series: XYSeries[];
  /** Lines under the chart that qualify it (where a model does not apply, and why). */
  notes?: string[];
}

/** Whether sizes from `min` to `max` read better on a log axis: when they span a factor of 4 or more. */
export function wantsLogAxis(values: readonly number[]): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) >= 4;
}
