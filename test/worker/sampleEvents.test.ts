import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine/events';
import { sampleEvents } from '../../src/worker/sampleEvents';

describe('sampleEvents', () => {
  const request = (req: number): SimEvent[] => [
    { type: 'request.issued', t: req, req, client: 0, op: 'read', key: 'k' },
    { type: 'hop', t: req, req, from: 'client:0', to: 'app:0', arriveMs: req + 1 },
    {
      type: 'request.done',
      t: req,
      req,
      client: 0,
      op: 'read',
      key: 'k',
      latencyMs: 1,
      servedBy: 'database',
    },
  ];

  it('keeps everything under the bound', () => {
    const events = [...request(1), ...request(2)];
    expect(sampleEvents(events, 10)).toBe(events);
  });

  it('keeps at most the bound, whole requests only, and every event that belongs to no request', () => {
    const events: SimEvent[] = [];
    for (let req = 0; req < 1000; req++) {
      events.push(...request(req));
      if (req % 100 === 0) events.push({ type: 'node.down', t: req, node: 'cache:0' });
    }
    const kept = sampleEvents(events, 300);
    expect(kept.length).toBeLessThanOrEqual(300);
    expect(kept.filter((e) => e.type === 'node.down').length).toBe(10);
    const perRequest = new Map<number, number>();
    for (const e of kept) if ('req' in e) perRequest.set(e.req, (perRequest.get(e.req) ?? 0) + 1);
    expect([...perRequest.values()].every((n) => n === 3)).toBe(true);
    expect(perRequest.size).toBeGreaterThan(50);
  });
});
