import type { Badge } from './nodeBadges';
import { outcomeStyles } from './palette';

export interface PlacedBadge extends Badge {
  text: string;
  /** Offset of the badge's shape from the glyph's bottom centre. */
  dx: number;
  dy: number;
}

/** Approximate width of a character of the 9-unit badge font; the SVG is never measured. */
const charWidth = 5.2;
const shapeWidth = 11;
const gap = 6;
const rowHeight = 11;

/**
 * Lays badges out in centred rows under a glyph, wrapping at `maxWidth`, at most `maxRows` rows
 * (the rest are dropped: nodeBadges already put the most urgent first).
 */
export function badgeRows(badges: readonly Badge[], maxWidth: number, maxRows = 2): PlacedBadge[] {
  const rows: { items: { badge: Badge; text: string; width: number }[]; width: number }[] = [];
  for (const badge of badges) {
    const text = `${outcomeStyles[badge.kind].label}${badge.count > 1 ? ` ${badge.count}` : ''}`;
    const width = shapeWidth + text.length * charWidth;
    let row = rows[rows.length - 1];
    if (!row || (row.items.length > 0 && row.width + gap + width > maxWidth)) {
      if (rows.length === maxRows) break;
      rows.push((row = { items: [], width: 0 }));
    }
    row.width += (row.items.length > 0 ? gap : 0) + width;
    row.items.push({ badge, text, width });
  }
  const placed: PlacedBadge[] = [];
  rows.forEach((row, r) => {
    let x = -row.width / 2;
    for (const item of row.items) {
      placed.push({ ...item.badge, text: item.text, dx: x + 5, dy: 8 + r * rowHeight });
      x += item.width + gap;
    }
  });
  return placed;
}
