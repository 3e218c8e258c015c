import { describe, expect, it } from 'vitest';
import type { TierName } from '../../../src/engine/scenario/commandSchema';
import type { Engine } from '../../../src/engine/engine';
import { run, scenarioOf } from './runScenario';

const tier = (engine: Engine, name: TierName) => engine.metrics().tiers.find((t) => t.tier === name)!;
const seriesOf = (engine: Engine, name: TierName | 'all') =>
  engine.metrics().series.filter((r) => r.tier === name);

describe('hits, misses and their causes', () => {
  it('a cache warms up: its hit ratio in the last second beats the first', () => {
    const { engine } = run(scenarioOf({}, 'basics'));
    const rows = seriesOf(engine, 'distributed');
    expect(rows[0].hitRatio).toBeLessThan(rows[rows.length - 1].hitRatio);
    expect(tier(engine, 'distributed').missesByCause.cold).toBeGreaterThan(0);
  });

  it('every lookup is a hit or a miss, and every miss has exactly one cause', () => {
    const { engine } = run(scenarioOf({}, 'layered'));
    for (const t of engine.metrics().tiers) {
      expect(t.hits + t.misses).toBe(t.lookups);
      const causes = t.missesByCause;
      expect(causes.cold + causes.capacity + causes.expired + causes.invalidated).toBe(t.misses);
    }
  });

  it('a TTL of 0 makes every lookup miss as expired or cold', () => {
    const { engine } = run(scenarioOf({ topology: { distributed: { ttl: { seconds: 0 } } } }, 'basics'));
    const distributed = tier(engine, 'distributed');
    expect(distributed.hitRatio).toBe(0);
    expect(distributed.missesByCause.expired).toBeGreaterThan(0);
  });

  it('a cache smaller than the working set misses for capacity and evicts', () => {
    const { engine } = run(scenarioOf({ topology: { distributed: { capacity: 20, nodes: 1 } } }, 'basics'));
    const distributed = tier(engine, 'distributed');
    expect(distributed.missesByCause.capacity).toBeGreaterThan(0);
    expect(distributed.evictions).toBeGreaterThan(0);
    expect(distributed.entries).toBeLessThanOrEqual(20);
  });

  it('writes under write-around-invalidate cause invalidated misses', () => {
    const { engine } = run(
      scenarioOf({ workload: { writeRatio: 0.2 }, policies: { write: 'write-around-invalidate' } }, 'basics'),
    );
    expect(tier(engine, 'distributed').missesByCause.invalidated).toBeGreaterThan(0);
    expect(tier(engine, 'distributed').invalidations).toBeGreaterThan(0);
  });

  it('a scan flushes LRU but S3-FIFO keeps its hot keys', () => {
    const lru = run(scenarioOf({ topology: { distributed: { eviction: 'lru' } } }, 'eviction-scan')).engine;
    const s3 = run(scenarioOf({ topology: { distributed: { eviction: 's3fifo' } } }, 'eviction-scan')).engine;
    expect(tier(s3, 'distributed').hitRatio).toBeGreaterThan(tier(lru, 'distributed').hitRatio);
  });
});

describe('stale data', () => {
  it('write-around without invalidation and a long TTL serves stale reads; write-through does not at the cache', () => {
    const base = {
      workload: { writeRatio: 0.2 },
      topology: { distributed: { ttl: { seconds: 600 } } },
    } as const;
    const around = run(scenarioOf({ ...base, policies: { write: 'write-around' } }, 'basics')).engine;
    expect(around.metrics().endToEnd.staleReads).toBeGreaterThan(0);
    expect(tier(around, 'distributed').staleHits).toBeGreaterThan(0);
    const through = run(scenarioOf({ ...base, policies: { write: 'write-through' } }, 'basics')).engine;
    expect(tier(through, 'distributed').staleHits).toBe(0);
  });

  it('a lossy invalidation bus leaves more stale reads than a reliable one', () => {
    const lossy = run(scenarioOf({ topology: { bus: { lossProbability: 1 } } }, 'stale-race')).engine;
    const reliable = run(
      scenarioOf({ topology: { bus: { lossProbability: 0, delayMs: 1 } } }, 'stale-race'),
    ).engine;
    expect(lossy.metrics().endToEnd.staleReads).toBeGreaterThan(reliable.metrics().endToEnd.staleReads * 1.5);
  });

  it('a stale read reports how long the truth had been newer', () => {
    const { events } = run(
      scenarioOf({ workload: { writeRatio: 0.2 }, policies: { write: 'write-around' } }, 'basics'),
      { events: true },
    );
    const stale = events.filter((e) => e.type === 'read.stale');
    expect(stale.length).toBeGreaterThan(0);
    for (const e of stale) {
      expect(e.truthVersion).toBeGreaterThan(e.version);
      expect(e.stalenessMs).toBeGreaterThan(0);
    }
  });
});

describe('write-back', () => {
  it('without a crash loses nothing and flushes to the database', () => {
    const { engine, events } = run(scenarioOf({ faults: [] }, 'write-back'), { events: true });
    expect(engine.metrics().endToEnd.lostWrites).toBe(0);
    expect(events.some((e) => e.type === 'writeback.flush')).toBe(true);
  });

  it('a node crash loses exactly the writes that node had not flushed', () => {
    const scenario = scenarioOf({ faults: [] }, 'write-back');
    const { engine } = run(scenario, { untilMs: 20_000 });
    const node = engine.snapshot(1_000_000).caches.find((c) => c.id === 'cache:0')!;
    const dirtyKeys = node.entries.filter((e) => e.dirty).length;
    expect(dirtyKeys).toBeGreaterThan(0);
    const before = engine.metrics().endToEnd.lostWrites;
    engine.apply({ type: 'node.fail', node: 0 });
    const after = engine.metrics().endToEnd.lostWrites;
    expect(after - before).toBeGreaterThanOrEqual(dirtyKeys);
  });
});

describe('distributed caching', () => {
  it('a node failure makes misses spike in the next second', () => {
    const scenario = scenarioOf({ faults: [] }, 'distributed-failure');
    const { engine } = run(scenario, {
      commands: [{ atMs: 30_000, command: { type: 'node.fail', node: 0 } }],
      untilMs: 32_000,
    });
    const rows = seriesOf(engine, 'distributed');
    const before = rows.find((r) => r.startMs === 29_000)!;
    const afterFailure = rows.find((r) => r.startMs === 30_000)!;
    expect(afterFailure.misses).toBeGreaterThan(before.misses * 1.3);
    expect(engine.snapshot().nodes.find((n) => n.id === 'cache:0')!.state).toBe('down');
  });

  it('a recovered node warms up, then is up again', () => {
    const scenario = scenarioOf(
      { faults: [], topology: { distributed: { warmupMs: 2000 } } },
      'distributed-failure',
    );
    const { engine } = run(scenario, {
      commands: [
        { atMs: 10_000, command: { type: 'node.fail', node: 1 } },
        { atMs: 12_000, command: { type: 'node.recover', node: 1 } },
      ],
      untilMs: 13_000,
    });
    expect(engine.snapshot().nodes.find((n) => n.id === 'cache:1')!.state).toBe('warming');
    engine.runUntil(15_000);
    expect(engine.snapshot().nodes.find((n) => n.id === 'cache:1')!.state).toBe('up');
  });

  it('sessions are lost with their node, unless they are replicated', () => {
    const single = run(
      scenarioOf({ topology: { distributed: { replication: 1 } } }, 'login-sessions'),
    ).engine;
    expect(single.metrics().endToEnd.loggedOut).toBeGreaterThan(0);
    const replicated = run(
      scenarioOf({ topology: { distributed: { replication: 2 } } }, 'login-sessions'),
    ).engine;
    expect(replicated.metrics().endToEnd.loggedOut).toBe(0);
  });
});

describe('personalised content', () => {
  it('a shared cache key for per-user data serves one user another user’s copy', () => {
    const leaky = run(scenarioOf({ policies: { cacheKeyIncludesUser: false } }, 'personalised-feed'), {
      events: true,
    });
    expect(leaky.engine.metrics().endToEnd.leaks).toBeGreaterThan(0);
    const leak = leaky.events.find((e) => e.type === 'leak')!;
    expect(leak.type === 'leak' && leak.owner !== leak.client).toBe(true);
    const safe = run(scenarioOf({ policies: { cacheKeyIncludesUser: true } }, 'personalised-feed')).engine;
    expect(safe.metrics().endToEnd.leaks).toBe(0);
  });
});

describe('stampedes', () => {
  /** Database reads of the hot key alone. */
  const dbReads = (stampede: 'none' | 'coalesce' | 'lock' | 'early-refresh') =>
    run(scenarioOf({ policies: { stampede } }, 'stampede'), { events: true }).events.filter(
      (e) => e.type === 'database.read' && e.key === 'homepage:0',
    ).length;

  it('coalescing, locks and early refresh each cut the database reads of a hot key expiring', () => {
    const none = dbReads('none');
    expect(dbReads('coalesce')).toBeLessThan(none * 0.7);
    expect(dbReads('lock')).toBeLessThan(none * 0.7);
    expect(dbReads('early-refresh')).toBeLessThan(none);
  });
});

describe('commands', () => {
  it('a purge of a prefix drops only the keys that start with it', () => {
    const { engine } = run(scenarioOf({}, 'layered'), { untilMs: 20_000 });
    const keysBefore = engine
      .snapshot(1e6)
      .caches.filter((c) => c.tier === 'distributed')
      .flatMap((c) => c.entries.map((e) => e.key));
    const prefix = keysBefore[0].split(':')[0] + ':1';
    engine.apply({ type: 'purge', tier: 'distributed', match: { kind: 'prefix', prefix } });
    const keysAfter = engine
      .snapshot(1e6)
      .caches.filter((c) => c.tier === 'distributed')
      .flatMap((c) => c.entries.map((e) => e.key));
    expect(keysAfter.some((k) => k.startsWith(prefix))).toBe(false);
    expect(keysAfter.length).toBe(keysBefore.filter((k) => !k.startsWith(prefix)).length);
    engine.apply({ type: 'purge', tier: 'all', match: { kind: 'all' } });
    expect(engine.metrics().tiers.every((t) => t.entries === 0)).toBe(true);
  });

  it('a database failure fails reads that reach it, and recovery brings them back', () => {
    const { engine } = run(scenarioOf({}, 'basics'), {
      commands: [
        { atMs: 10_000, command: { type: 'database.fail' } },
        { atMs: 12_000, command: { type: 'database.recover' } },
      ],
    });
    const m = engine.metrics().endToEnd;
    expect(m.failed).toBeGreaterThan(0);
    expect(m.completed).toBeGreaterThan(m.failed);
    const late = seriesOf(engine, 'distributed').filter((r) => r.startMs >= 20_000);
    expect(late.every((r) => r.lookups > 0)).toBe(true);
  });

  it('under read-through, reads that reach a failed database fail instead of bouncing until it recovers', () => {
    const { engine } = run(
      scenarioOf(
        { policies: { read: 'read-through' }, topology: { distributed: { ttl: { seconds: 1 } } } },
        'basics',
      ),
      {
        commands: [
          { atMs: 10_000, command: { type: 'database.fail' } },
          { atMs: 15_000, command: { type: 'database.recover' } },
        ],
        untilMs: 20_000,
      },
    );
    const m = engine.metrics().endToEnd;
    expect(m.failed).toBeGreaterThan(0);
    // Every failed read failed within its own trip, not after the database came back.
    expect(m.latency.maxMs).toBeLessThan(200);
  });

  it('a traffic spike multiplies the request rate while it lasts', () => {
    const { engine } = run(scenarioOf({ workload: { ratePerSecond: 200 } }, 'basics'), {
      commands: [{ atMs: 10_000, command: { type: 'traffic.spike', multiplier: 5, durationMs: 5000 } }],
      untilMs: 20_000,
    });
    const all = seriesOf(engine, 'all');
    const normal =
      all.filter((r) => r.startMs < 10_000 && r.startMs >= 2000).reduce((n, r) => n + r.requests, 0) / 8;
    const spike =
      all.filter((r) => r.startMs >= 10_000 && r.startMs < 15_000).reduce((n, r) => n + r.requests, 0) / 5;
    expect(spike / normal).toBeGreaterThan(4);
    expect(spike / normal).toBeLessThan(6);
  });

  it('changing the TTL mid-run applies to what the cache holds, by each entry’s age', () => {
    const { engine } = run(scenarioOf({}, 'basics'), { untilMs: 10_000 });
    engine.apply({ type: 'tier.configure', tier: 'distributed', changes: { ttl: { seconds: 0 } } });
    engine.runUntil(20_000);
    const last = seriesOf(engine, 'distributed').filter((r) => r.startMs >= 15_000);
    expect(last.every((r) => r.hits < r.lookups * 0.5)).toBe(true);
  });

  it('a run replayed from its scenario and command log ends in the same state, event for event', () => {
    const scenario = scenarioOf({}, 'stale-race');
    const live: unknown[] = [];
    const first = run(scenario, { untilMs: 5000, events: true });
    first.engine.apply({ type: 'tier.configure', tier: 'local', changes: { capacity: 50 } });
    first.engine.runUntil(9000);
    first.engine.apply({ type: 'node.fail', node: 1 });
    first.engine.runUntil(15_000);
    live.push(first.engine.metrics());
    const replay = run(scenario, { commands: [...first.engine.commandLog], untilMs: 15_000, events: true });
    expect(replay.engine.metrics()).toEqual(live[0]);
    expect(JSON.stringify(replay.events)).toBe(JSON.stringify(first.events));
  });
});

describe('arrivals after a rate change', () => {
  it('a rate so low that the next request falls after the end issues none after the change', () => {
    // At 100/s the next arrival is a few ms away; at 0.001/s it is redrawn from the change, beyond
    // the run's end, and the one drawn under the old rate must not come anyway.
    const scenario = scenarioOf({ durationMs: 10_000, workload: { ratePerSecond: 100 } });
    const changeMs = 9_000;
    const { events } = run(scenario, {
      commands: [{ atMs: changeMs, command: { type: 'workload.set', changes: { ratePerSecond: 0.001 } } }],
      events: true,
    });
    const issued = events.filter((e) => e.type === 'request.issued');
    expect(issued.some((e) => e.t < changeMs)).toBe(true);
    expect(issued.filter((e) => e.t > changeMs)).toEqual([]);
  });
});

describe('stepping and draining', () => {
  it('stepRequest stops right after the next request completes', () => {
    const { engine } = run(scenarioOf({}, 'basics'), { untilMs: 0 });
    expect(engine.stepRequest()).toBe(true);
    expect(engine.metrics().endToEnd.completed).toBe(1);
    const afterFirst = engine.nowMs;
    expect(engine.stepRequest()).toBe(true);
    expect(engine.metrics().endToEnd.completed).toBe(2);
    expect(engine.nowMs).toBeGreaterThan(afterFirst);
  });

  it('the event drain is bounded: older events are dropped and counted', async () => {
    const { createEngine } = await import('../../../src/engine/createEngine');
    const engine = createEngine(scenarioOf({}, 'basics'), { recordEvents: true, eventBufferSize: 100 });
    engine.runUntil(5000);
    const { events, dropped } = engine.drainEvents(60);
    expect(events.length).toBe(60);
    expect(dropped).toBeGreaterThan(0);
    expect(engine.drainEvents().events.length).toBe(40);
    expect(engine.metrics().endToEnd.droppedEvents).toBe(dropped);
  });
});
