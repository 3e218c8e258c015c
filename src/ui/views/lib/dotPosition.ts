import type { HopInFlight } from './hops';
import { hopProgress } from './hops';
import { edgeSegment, glyphFor, type Point, type TopologyLayout } from './topologyLayout';

/** Requests travel this far to the right of their edge, so that responses pass them on the other side. */
export const laneOffset = 3;

/**
 * Where a hop's dot is at nowMs: on the segment between its two glyphs, at the share of the way its
 * send and arrival times say. Undefined when either end is not drawn (or both ends share a glyph,
 * as two clients of one group do).
 */
export function dotPosition(
  layout: TopologyLayout,
  hop: Pick<HopInFlight, 'from' | 'to' | 't' | 'arriveMs'>,
  nowMs: number,
): Point | undefined {
  const a = glyphFor(layout, hop.from);
  const b = glyphFor(layout, hop.to);
  if (!a || !b || a === b) return undefined;
  const [p, q] = edgeSegment(a, b, laneOffset);
  const f = hopProgress(hop, nowMs);
  return { x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f };
}
