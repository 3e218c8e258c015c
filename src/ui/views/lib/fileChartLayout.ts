import { estimatedWidth } from './fitText';
import type { ChartMargin } from './timeChartGeometry';

/**
 * The layout of a chart drawn to be saved as a file (FileChartFrame): room above the plot for the
 * title and the sentence under it, and below it for the ticks, the axis label, the legend's rows and
 * the source line. Every exported chart has the same frame, so they sit together on a slide.
 */

/** One entry of a legend drawn inside the chart: a series' name, drawn as the series is. */
export interface LegendEntry {
  label: string;
  colour: string;
  /** SVG stroke-dasharray of a line; empty for a solid line or a block. */
  dash: string;
  /** A line of the chart is shown as a stroke, a layer of a stack or a bar as a block. */
  swatch: 'line' | 'block';
}

/** The legend's rows' spacing, and the most entries to a row. */
export const legendRowHeight = 22;
const mostColumns = 3;
/** A swatch and the gap before the next entry, in view units. */
const swatchWidth = 34;
const entryGap = 16;
/** The right side holds half the last x tick's label, centred on the plot's edge: "30,000" at 13 px. */
const side = { left: 72, right: 40 };

/** The page's layout: the plot's margins and the legend's entries to a row. */
export interface FileChartLayout {
  margin: ChartMargin;
  legendColumns: number;
}

/**
 * The layout of a file chart `width` wide with `aboutLines` lines under its title and these legend
 * entries: as many entries to a row (three at most) as the longest label lets fit in the plot's width,
 * and room below the plot for the rows they take.
 */
export function fileChartLayout(
  width: number,
  legendLabels: readonly string[],
  aboutLines = 0,
): FileChartLayout {
  const plotWidth = width - side.left - side.right;
  const widest = Math.max(0, ...legendLabels.map((label) => estimatedWidth(label, 13)));
  const legendColumns = Math.max(
    1,
    Math.min(mostColumns, Math.floor(plotWidth / (widest + swatchWidth + entryGap))),
  );
  const rows = Math.ceil(legendLabels.length / legendColumns);
  return {
    margin: {
      top: 50 + (aboutLines > 0 ? aboutLines * 15 : 0),
      ...side,
      bottom: 82 + rows * legendRowHeight,
    },
    legendColumns,
  };
}

/** The width a file chart's plot leaves for the lines under its title. */
export const aboutWidth = (width: number) => width - side.left - side.right;

/** Where the legend's first row goes: under the x axis' ticks and label. */
export const legendOffset = 66;

/**
 * Where each entry of the legend goes: `columns` entries to a row across the plot's width, rows
 * `legendRowHeight` apart from `top`. `y` is the middle of the entry's row.
 */
export function legendSlots(
  count: number,
  { left, right, top, columns }: { left: number; right: number; top: number; columns: number },
): { x: number; y: number }[] {
  const columnWidth = (right - left) / columns;
  return Array.from({ length: count }, (_, i) => ({
    x: left + (i % columns) * columnWidth,
    y: top + Math.floor(i / columns) * legendRowHeight,
  }));
}
