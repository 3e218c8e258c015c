import type { FigureUnit } from '../../engine/experiments/comparisonFigures';
import {
  formatCount,
  formatDifference,
  formatFigure,
  formatPercent,
  formatPointsDifference,
} from '../../engine/format/readableNumbers';

/** What a figure with no meaning here shows (a hit ratio with no lookups). */
export const noFigure = '–';

const magnitude: Record<FigureUnit, (v: number) => string> = {
  count: formatCount,
  ratio: formatPercent,
  ms: (v) => `${formatFigure(v)} ms`,
  perSecond: (v) => `${formatFigure(v)}/s`,
};

/** A comparison's figure as a person reads it. */
export function figureText(value: number | null, unit: FigureUnit): string {
  return value === null ? noFigure : magnitude[unit](value);
}

/** A difference from the first variant: signed, and in percentage points for a share. */
export function differenceText(difference: number | null, unit: FigureUnit): string {
  if (difference === null) return noFigure;
  return unit === 'ratio'
    ? formatPointsDifference(difference)
    : formatDifference(difference, magnitude[unit]);
}
