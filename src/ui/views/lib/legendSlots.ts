/**
 * Where each entry of a chart's legend goes when the legend is drawn inside the chart's SVG (so an
 * exported file carries it): `columns` entries to a row across the plot's width, rows `rowHeight`
 * apart from `top`. `y` is the middle of the entry's row.
 */
export function legendSlots(
  count: number,
  {
    left,
    right,
    top,
    columns = 3,
    rowHeight = 20,
  }: { left: number; right: number; top: number; columns?: number; rowHeight?: number },
): { x: number; y: number }[] {
  const columnWidth = (right - left) / columns;
  return Array.from({ length: count }, (_, i) => ({
    x: left + (i % columns) * columnWidth,
    y: top + Math.floor(i / columns) * rowHeight,
  }));
}

/** How many rows a legend of `count` entries takes, `columns` to a row. */
export function legendRows(count: number, columns = 3): number {
  return Math.ceil(count / columns);
}
