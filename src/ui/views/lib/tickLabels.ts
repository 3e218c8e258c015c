import { precisionFixed } from 'd3';
import { formatCount, formatDecimal } from '../../../engine/format/readableNumbers';

/**
 * An axis' tick labels, with as many decimals as the step between ticks needs, so that no two ticks
 * read alike: staleness ticks 0.01 s apart once all read "0" to one decimal. Thousands are grouped
 * ("12,000"), and trailing zeros dropped as elsewhere ("0.5", not "0.50").
 *
 * @example tickLabels([0, 0.005, 0.01]) // ['0', '0.005', '0.01']
 */
export function tickLabels(ticks: readonly number[]): string[] {
  // A lone tick has no step to go by: two decimals, as a value elsewhere.
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 0;
  const digits = step > 0 ? Math.min(8, precisionFixed(step)) : 2;
  return ticks.map((t) => (Math.abs(t) >= 1000 && digits === 0 ? formatCount(t) : formatDecimal(t, digits)));
}
