import { dotPosition } from './dotPosition';
import type { HopInFlight } from './hops';
import { dotStyles, okabeIto } from './palette';
import type { TopologyLayout } from './topologyLayout';

/** The part of a canvas 2D context the dots need, so tests can record the drawing. */
export type DotContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'rect' | 'closePath' | 'fill' | 'stroke'
> & { fillStyle: unknown; strokeStyle: unknown; lineWidth: number };

const kinds = ['read', 'write', 'bus', 'lost', 'chosen'] as const;

/** Large enough to follow on a projector, small enough that 500 stay apart. */
export const dotRadius = 3.5;

/**
 * Draws every hop in flight as a dot at its place for nowMs: reads as circles, writes as squares, bus
 * messages as diamonds (hollow when the bus will lose them), and a ring around the selected
 * request's dots. One path per kind keeps 500 dots to five fills.
 */
export function drawDots(
  ctx: DotContext,
  layout: TopologyLayout,
  hops: readonly HopInFlight[],
  nowMs: number,
  highlightReq: number | null,
): number {
  let drawn = 0;
  for (const kind of kinds) {
    ctx.beginPath();
    for (const hop of hops) {
      const mine =
        kind === 'chosen'
          ? hop.req === highlightReq
          : kind === 'lost'
            ? hop.op === 'bus' && hop.lost === true
            : kind === 'bus'
              ? hop.op === 'bus' && !hop.lost
              : hop.op === kind;
      if (!mine) continue;
      const p = dotPosition(layout, hop, nowMs);
      if (!p) continue;
      if (kind === 'read') {
        ctx.moveTo(p.x + dotRadius, p.y);
        ctx.arc(p.x, p.y, dotRadius, 0, 2 * Math.PI);
      } else if (kind === 'write') {
        ctx.rect(p.x - dotRadius, p.y - dotRadius, 2 * dotRadius, 2 * dotRadius);
      } else if (kind === 'chosen') {
        ctx.moveTo(p.x + 2 * dotRadius, p.y);
        ctx.arc(p.x, p.y, 2 * dotRadius, 0, 2 * Math.PI);
      } else {
        ctx.moveTo(p.x, p.y - 4.5);
        ctx.lineTo(p.x + 4.5, p.y);
        ctx.lineTo(p.x, p.y + 4.5);
        ctx.lineTo(p.x - 4.5, p.y);
        ctx.closePath();
      }
      if (kind !== 'chosen') drawn++;
    }
    if (kind === 'read' || kind === 'write' || kind === 'bus') {
      ctx.fillStyle = dotStyles[kind].colour;
      ctx.fill();
    } else {
      ctx.lineWidth = kind === 'chosen' ? 2 : 1.5;
      ctx.strokeStyle = kind === 'chosen' ? okabeIto.black : dotStyles.bus.colour;
      ctx.stroke();
    }
  }
  return drawn;
}
