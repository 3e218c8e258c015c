import { describe, expect, it } from 'vitest';
import { dotPosition, laneOffset } from '../../../../src/ui/views/lib/dotPosition';
import { edgeSegment, glyphFor, topologyLayout } from '../../../../src/ui/views/lib/topologyLayout';
import { snapshotFixture } from '../fixtures';

describe('topologyLayout', () => {
  it('places the tiers in columns from the clients inward', () => {
    const layout = topologyLayout(snapshotFixture());
    const x = (id: string) => glyphFor(layout, id)!.x;
    const order = ['client:0', 'cdn', 'lb', 'app:0', 'cache:0', 'db'].map(x);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(6);
    expect(x('replica:0')).toBe(x('db'));
    expect(x('app:1')).toBe(x('app:0'));
  });

  it('keeps every glyph inside the view', () => {
    const layout = topologyLayout(snapshotFixture(), { width: 720, height: 360 });
    for (const n of layout.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(720);
      expect(n.y - n.height / 2).toBeGreaterThanOrEqual(0);
      expect(n.y + n.height / 2).toBeLessThanOrEqual(360);
    }
  });

  it('collapses many clients into a few glyphs that carry their count', () => {
    const layout = topologyLayout(snapshotFixture(100), { maxClientGlyphs: 4 });
    const groups = layout.nodes.filter((n) => n.kind === 'client');
    expect(groups.map((g) => g.members.length)).toEqual([25, 25, 25, 25]);
    expect(groups[0].label).toBe('clients 0–24');
    expect(glyphFor(layout, 'client:60')!.id).toBe('clients:2');
    // A hundred client → CDN edges become one per group.
    expect(layout.edges.filter((e) => e.to === 'cdn')).toHaveLength(4);
  });

  it('draws each connection once although the snapshot lists it in both directions', () => {
    const snap = snapshotFixture();
    snap.edges.push({ from: 'lb', to: 'cdn' });
    const layout = topologyLayout(snap);
    expect(
      layout.edges.filter((e) => [e.from, e.to].includes('lb') && [e.from, e.to].includes('cdn')),
    ).toHaveLength(1);
  });

  it('leaves out columns the scenario does not have', () => {
    const snap = snapshotFixture();
    snap.nodes = snap.nodes.filter((n) => n.kind !== 'cdn');
    const layout = topologyLayout(snap, { width: 600 });
    const columns = new Set(layout.nodes.map((n) => n.x));
    expect(columns.size).toBe(5);
  });

  it('carries node states and loads to the glyphs', () => {
    const layout = topologyLayout(snapshotFixture());
    expect(glyphFor(layout, 'cache:1')!.state).toBe('down');
    expect(glyphFor(layout, 'db')).toMatchObject({ state: 'overloaded', busy: 50, queued: 240 });
  });
});

describe('dotPosition', () => {
  const layout = topologyLayout(snapshotFixture());
  const hop = { from: 'lb', to: 'app:0', t: 1000, arriveMs: 1010 };
  const [start, end] = edgeSegment(glyphFor(layout, 'lb')!, glyphFor(layout, 'app:0')!, laneOffset);

  it('is at the sender when sent, halfway at half time, at the receiver on arrival', () => {
    expect(dotPosition(layout, hop, 1000)).toEqual(start);
    const mid = dotPosition(layout, hop, 1005)!;
    expect(mid.x).toBeCloseTo((start.x + end.x) / 2);
    expect(mid.y).toBeCloseTo((start.y + end.y) / 2);
    expect(dotPosition(layout, hop, 1010)).toEqual(end);
  });

  it('runs the way back on the other side of the wire', () => {
    const there = dotPosition(layout, hop, 1005)!;
    const back = dotPosition(layout, { ...hop, from: 'app:0', to: 'lb' }, 1005)!;
    expect(Math.hypot(there.x - back.x, there.y - back.y)).toBeCloseTo(2 * laneOffset);
  });

  it('finds clients inside their group glyph', () => {
    const big = topologyLayout(snapshotFixture(40));
    expect(dotPosition(big, { from: 'client:33', to: 'cdn', t: 0, arriveMs: 10 }, 5)).toBeDefined();
  });

  it('has no position for a node the layout does not draw', () => {
    expect(dotPosition(layout, { from: 'bus', to: 'app:0', t: 0, arriveMs: 10 }, 5)).toBeUndefined();
  });
});

describe('clients the snapshot does not list', () => {
  // The engine lists a dozen clients; the last one listed stands for the rest too.
  const snap = snapshotFixture(12);
  Object.assign(
    snap.nodes.find((n) => n.id === 'client:11')!,
    { label: 'User 11 (+88 more)', users: 89 },
  );
  const layout = topologyLayout(snap, { maxClientGlyphs: 4 });

  it('counts the summed clients in the last glyph', () => {
    const last = layout.nodes.filter((n) => n.kind === 'client').at(-1)!;
    expect(last).toMatchObject({ label: 'clients 9–99', count: 91 });
  });

  it('draws an unlisted client at the last client glyph', () => {
    expect(glyphFor(layout, 'client:57')!.id).toBe('clients:3');
    expect(dotPosition(layout, { from: 'client:57', to: 'cdn', t: 0, arriveMs: 10 }, 5)).toBeDefined();
  });
});
