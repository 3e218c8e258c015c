import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../../src/engine/events';
import { hopProgress, hopsInFlight } from '../../../../src/ui/views/lib/hops';
import { eventsFixture } from '../fixtures';

describe('hopsInFlight', () => {
  it('keeps the hops sent at or before now that have not arrived yet', () => {
    const hops = hopsInFlight(eventsFixture(), 121);
    expect(hops.map((h) => `${h.from}>${h.to}`)).toEqual(['cdn>lb']);
    expect(hopsInFlight(eventsFixture(), 100).map((h) => h.req)).toEqual([1]);
    expect(hopsInFlight(eventsFixture(), 120).map((h) => h.from)).toEqual(['cdn']);
  });

  it("takes each hop's operation from its request's issue event", () => {
    const [hop] = hopsInFlight(eventsFixture(), 210);
    expect(hop).toEqual({ req: 2, from: 'client:1', to: 'cdn', t: 200, arriveMs: 220, op: 'write' });
  });

  it('counts a hop whose request issue was not kept as a read', () => {
    const events: SimEvent[] = [{ type: 'hop', t: 0, req: 9, from: 'lb', to: 'app:0', arriveMs: 10 }];
    expect(hopsInFlight(events, 5)[0].op).toBe('read');
  });

  it('includes bus messages travelling from the bus, marking lost ones', () => {
    const events: SimEvent[] = [
      { type: 'bus.message', t: 0, key: 'k', to: 'app:0', arriveMs: 50, lost: false },
      { type: 'bus.message', t: 0, key: 'k', to: 'cdn', arriveMs: 50, lost: true },
    ];
    const hops = hopsInFlight(events, 25);
    expect(hops.map((h) => [h.from, h.to, h.op, h.lost])).toEqual([
      ['bus', 'app:0', 'bus', false],
      ['bus', 'cdn', 'bus', true],
    ]);
    expect(hopsInFlight(events, 50)).toEqual([]);
  });
});

describe('hopProgress', () => {
  const hop = { t: 100, arriveMs: 140 };
  it('is 0 when sent, one half halfway and 1 on arrival', () => {
    expect(hopProgress(hop, 100)).toBe(0);
    expect(hopProgress(hop, 120)).toBe(0.5);
    expect(hopProgress(hop, 140)).toBe(1);
  });
  it('stays on the edge before sending and after arrival', () => {
    expect(hopProgress(hop, 50)).toBe(0);
    expect(hopProgress(hop, 500)).toBe(1);
  });
  it('treats an instant hop as arrived', () => {
    expect(hopProgress({ t: 10, arriveMs: 10 }, 10)).toBe(1);
  });
});
