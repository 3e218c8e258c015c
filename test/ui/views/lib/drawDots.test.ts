import { describe, expect, it } from 'vitest';
import { dotPosition } from '../../../../src/ui/views/lib/dotPosition';
import { dotRadius, drawDots } from '../../../../src/ui/views/lib/drawDots';
import type { HopInFlight } from '../../../../src/ui/views/lib/hops';
import { dotStyles } from '../../../../src/ui/views/lib/palette';
import { topologyLayout } from '../../../../src/ui/views/lib/topologyLayout';
import { snapshotFixture } from '../fixtures';
import { recordingContext } from '../recordingContext';

const layout = topologyLayout(snapshotFixture());
const read: HopInFlight = { req: 1, from: 'lb', to: 'app:0', t: 0, arriveMs: 10, op: 'read' };
const write: HopInFlight = { req: 2, from: 'app:0', to: 'db', t: 0, arriveMs: 20, op: 'write' };

describe('drawDots', () => {
  it('draws each request where its hop timing puts it, reads round and writes square', () => {
    const { ctx, shapes } = recordingContext();
    expect(drawDots(ctx, layout, [read, write], 5, null)).toBe(2);
    const r = dotPosition(layout, read, 5)!;
    const w = dotPosition(layout, write, 5)!;
    expect(shapes).toEqual([
      { kind: 'arc', x: r.x, y: r.y, r: dotRadius },
      { kind: 'rect', x: w.x, y: w.y },
    ]);
  });

  it('fills reads and writes in their own colours with one fill per kind', () => {
    const { ctx, fills } = recordingContext();
    drawDots(ctx, layout, [read, read, write], 5, null);
    expect(fills.find((f) => f.colour === dotStyles.read.colour)!.shapes).toBe(2);
    expect(fills.find((f) => f.colour === dotStyles.write.colour)!.shapes).toBe(1);
  });

  it('rings the dots of the selected request', () => {
    const { ctx, shapes } = recordingContext();
    drawDots(ctx, layout, [read, write], 5, 2);
    expect(shapes.filter((s) => s.kind === 'arc' && s.r === 2 * dotRadius)).toHaveLength(1);
  });

  it('skips hops whose ends are not drawn', () => {
    const { ctx } = recordingContext();
    expect(drawDots(ctx, layout, [{ ...read, from: 'nowhere' }], 5, null)).toBe(0);
  });

  it('draws 500 dots in flight', () => {
    const { ctx } = recordingContext();
    const hops = Array.from({ length: 500 }, (_, i) => ({ ...read, req: i, t: i, arriveMs: i + 600 }));
    expect(drawDots(ctx, layout, hops, 550, null)).toBe(500);
  });
});
