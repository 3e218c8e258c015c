import { median as d3Median } from 'd3';

/** The median of a benchmark's repeats (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  return d3Median(values) ?? NaN;
}
