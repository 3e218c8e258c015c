// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import TopologyView from '../../../src/ui/views/TopologyView.svelte';
import { dotPosition } from '../../../src/ui/views/lib/dotPosition';
import { dotRadius } from '../../../src/ui/views/lib/drawDots';
import { hopsInFlight, type HopInFlight } from '../../../src/ui/views/lib/hops';
import { topologyLayout } from '../../../src/ui/views/lib/topologyLayout';
import { eventsFixture, snapshotFixture } from './fixtures';
import { recordingContext } from './recordingContext';

const props = (extra: Record<string, unknown> = {}) => ({
  snapshot: snapshotFixture(),
  hops: [],
  nowMs: 0,
  recent: [],
  reducedMotion: false,
  highlightReq: null,
  ...extra,
});

// jsdom has no canvas: the dots' canvas gets no context unless a test records one.
let context: ReturnType<typeof recordingContext> | null = null;
beforeEach(() => {
  context = null;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => (context?.ctx ?? null) as unknown as CanvasRenderingContext2D,
  );
});
afterEach(() => vi.restoreAllMocks());

describe('TopologyView', () => {
  it('draws every node as a named, focusable control', () => {
    render(TopologyView, props());
    for (const name of [
      /^client 0/,
      /^CDN/,
      /^load balancer/,
      /^app 0/,
      /^cache 2/,
      /^database/,
      /^replica 0/,
    ]) {
      expect(screen.getByRole('button', { name })).toHaveProperty('tabIndex', 0);
    }
  });

  it('shows node states in words, not colour alone', () => {
    const { container } = render(TopologyView, props());
    const text = (id: string) => container.querySelector(`[data-node="${id}"]`)!.textContent;
    expect(text('cache:1')).toContain('DOWN');
    expect(text('cache:2')).toContain('warming');
    expect(text('db')).toContain('OVERLOADED');
    expect(text('app:0')).toContain('3 busy · 2 queued');
    expect(screen.getByRole('button', { name: /^database/ }).getAttribute('aria-label')).toContain(
      '240 queued',
    );
  });

  it('marks app servers that hold a local cache', () => {
    render(TopologyView, props());
    expect(screen.getByRole('button', { name: /^app 1/ }).getAttribute('aria-label')).toContain(
      'local cache',
    );
    expect(screen.getByRole('button', { name: /^app 0/ }).getAttribute('aria-label')).not.toContain(
      'local cache',
    );
  });

  it('collapses many clients into glyphs with their count', () => {
    render(TopologyView, props({ snapshot: snapshotFixture(100) }));
    expect(screen.getAllByRole('button', { name: /^clients \d+–\d+, 25 clients/ })).toHaveLength(4);
  });

  it('flashes each outcome at its node with a shape and a label', () => {
    const { container } = render(TopologyView, props({ recent: eventsFixture() }));
    const flashes = (id: string) =>
      [...container.querySelectorAll(`[data-node="${id}"] .flash`)].map((f) => [
        f.getAttribute('data-outcome'),
        f.textContent,
        f.querySelector('path')!.getAttribute('d')!.length > 0,
      ]);
    expect(flashes('cdn')).toEqual([['miss.cold', 'cold miss', true]]);
    expect(flashes('cache:0')).toEqual([
      ['miss.expired', 'expired miss', true],
      ['fill', 'fill', true],
      ['eviction', 'evict', true],
    ]);
    // The stale read is flagged at the client who got it; the lost write and the failure at the node.
    expect(flashes('client:2')).toEqual([['stale', 'STALE', true]]);
    expect(flashes('cache:1')).toEqual([
      ['lost', 'LOST write', true],
      ['down', 'DOWN', true],
    ]);
    expect(flashes('app:1').map((f) => f[0])).toEqual(['hit', 'bus']);
  });

  it('counts repeated outcomes at a node instead of stacking them', () => {
    const hit = eventsFixture().find((e) => e.type === 'cache.hit')!;
    const { container } = render(TopologyView, props({ recent: [hit, hit, hit] }));
    expect(container.querySelector('[data-node="app:1"] .flash')!.textContent).toBe('hit 3');
  });

  it('reports the node a person selects, by click or keyboard', async () => {
    const onselectnode = vi.fn();
    render(TopologyView, props({ onselectnode }));
    await fireEvent.click(screen.getByRole('button', { name: /^cache 0/ }));
    await fireEvent.keyDown(screen.getByRole('button', { name: /^app 1/ }), { key: 'Enter' });
    expect(onselectnode.mock.calls).toEqual([['cache:0'], ['app:1']]);
  });

  it('under reduced motion draws the number in flight on each wire instead of dots', () => {
    const events = eventsFixture();
    const hops = [...hopsInFlight(events, 110), ...hopsInFlight(events, 210)];
    const { container } = render(TopologyView, props({ hops, reducedMotion: true }));
    const counts = [...container.querySelectorAll('.flow-count')].map((t) => t.textContent);
    // Requests 1 and 2 both travel from the clients to the CDN.
    expect(counts).toEqual(['1', '1']);
    expect(container.textContent).toContain('2 requests in flight, shown as counts per connection');
  });

  it("draws the selected request's path in the order it travelled", () => {
    const { container } = render(TopologyView, props({ recent: eventsFixture(), highlightReq: 1 }));
    const path = screen.getByRole('img', { name: 'Path of request 1' });
    expect([...path.querySelectorAll('.step')].map((s) => s.textContent)).toEqual(['1', '2', '3', '4', '5']);
    expect(container.querySelectorAll('.path line')).toHaveLength(5);
  });

  it('draws no path when nothing is selected', () => {
    render(TopologyView, props({ recent: eventsFixture() }));
    expect(screen.queryByRole('img', { name: /Path of request/ })).toBeNull();
  });

  it('moves the dots with the display time alone', async () => {
    context = recordingContext();
    const hop: HopInFlight = { req: 1, from: 'lb', to: 'app:0', t: 0, arriveMs: 10, op: 'read' };
    const { rerender } = render(TopologyView, props({ hops: [hop], nowMs: 2 }));
    const layout = topologyLayout(snapshotFixture());
    const at = (nowMs: number) => {
      const p = dotPosition(layout, hop, nowMs)!;
      return { kind: 'arc', x: p.x, y: p.y, r: dotRadius };
    };
    expect(context.shapes).toEqual([at(2)]);
    await rerender({ nowMs: 8 });
    expect(context.shapes).toEqual([at(8)]);
  });

  it('draws no dots under reduced motion', () => {
    context = recordingContext();
    const hop: HopInFlight = { req: 1, from: 'lb', to: 'app:0', t: 0, arriveMs: 10, op: 'read' };
    render(TopologyView, props({ hops: [hop], nowMs: 2, reducedMotion: true }));
    expect(context.shapes).toEqual([]);
  });
});
