import type { DotContext } from '../../../src/ui/views/lib/drawDots';

/** A stand-in for a canvas 2D context that records where shapes were drawn and in which colour. */
export function recordingContext() {
  const shapes: { kind: 'arc' | 'rect' | 'poly'; x: number; y: number; r?: number }[] = [];
  const fills: { colour: unknown; shapes: number }[] = [];
  let pending = 0;
  const ctx = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    beginPath: () => void (pending = 0),
    moveTo(x: number, y: number) {
      // A diamond starts at its top corner, 4.5 above its centre.
      shapes.push({ kind: 'poly', x, y: y + 4.5 });
    },
    lineTo: () => {},
    closePath: () => void pending++,
    arc(x: number, y: number, r: number) {
      // The moveTo before each arc is the arc's start point, not a shape of its own.
      shapes.pop();
      shapes.push({ kind: 'arc', x, y, r });
      pending++;
    },
    rect(x: number, y: number, w: number) {
      shapes.push({ kind: 'rect', x: x + w / 2, y: y + w / 2 });
      pending++;
    },
    fill: () => void fills.push({ colour: ctx.fillStyle, shapes: pending }),
    stroke: () => void fills.push({ colour: ctx.strokeStyle, shapes: pending }),
    setTransform: () => {},
    clearRect: () => void shapes.splice(0),
  };
  return { ctx: ctx as DotContext & typeof ctx, shapes, fills };
}
