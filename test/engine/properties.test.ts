import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/createEngine';
import { runToEnd } from '../../src/engine/run/runToEnd';
import type { EventOf, SimEvent } from '../../src/engine/events';
import {
  eventCsvHeader,
  eventCsvRow,
  exportRun,
  summaryEndToEndCsv,
  summaryTiersCsv,
  timeSeriesCsv,
} from '../../src/engine/export';
import { livePolicyNames } from '../../src/engine/policies/names';
import type { TimedCommand } from '../../src/engine/scenario/commandSchema';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import type { Scenario, ScenarioInput } from '../../src/engine/scenario/schema';

/**
 * Properties of the whole engine over random small scenarios: fast-check draws the scenario's knobs
 * (tiers on and off, capacities, eviction policies, TTLs, read and write policies, write ratios,
 * seeds), runs each for a second or two of simulated time (a few hundred requests, tens of
 * milliseconds of CPU), and checks what a student relies on. fast-check's own seed is fixed, so a
 * failure is reproducible and shrinks to a small counterexample.
 */

/** Fixed so that CI is reproducible; PROPERTY_SEED=n explores other cases locally. */
const checkSeed = Number(process.env.PROPERTY_SEED ?? 20260415);
const runs = (numRuns: number) => ({ seed: checkSeed, numRuns, endOnFailure: false });

const tierArb = (enabled: fc.Arbitrary<boolean>) =>
  fc.record({
    enabled,
    capacity: fc.integer({ min: 1, max: 40 }),
    eviction: fc.constantFrom(...livePolicyNames),
    ttl: fc.record({
      seconds: fc.option(fc.constantFrom(0.05, 0.2, 0.5, 2, 30), { nil: null }),
      jitter: fc.constantFrom(0, 0.5),
      resetOnHit: fc.boolean(),
      staleWhileRevalidateSeconds: fc.constantFrom(0, 0, 0.1),
      refreshAheadFraction: fc.constantFrom(0, 0, 0.3),
    }),
  });

type WritePolicy = NonNullable<NonNullable<ScenarioInput['policies']>['write']>;
const writePolicies: WritePolicy[] = [
  'write-around-invalidate',
  'write-around',
  'update-on-write',
  'write-through',
  'write-back',
];

interface Knobs {
  write?: fc.Arbitrary<WritePolicy>;
  /** Only the distributed cache and the buffer pool (no browser, CDN or app-local caches). */
  innerOnly?: boolean;
  bus?: fc.Arbitrary<{ enabled: boolean; delayMs: number; lossProbability: number }>;
}

/** A random small scenario, valid by construction, parsed so every default is filled in. */
function scenarioArb(knobs: Knobs = {}): fc.Arbitrary<Scenario> {
  const outer = knobs.innerOnly ? fc.constant(false) : fc.boolean();
  return fc
    .record({
      seed: fc.nat({ max: 0xffffffff }),
      durationMs: fc.integer({ min: 300, max: 2000 }),
      clients: fc.integer({ min: 1, max: 4 }),
      ratePerSecond: fc.integer({ min: 50, max: 600 }),
      writeRatio: fc.constantFrom(0, 0.05, 0.2, 0.5),
      keyCount: fc.integer({ min: 1, max: 60 }),
      popularity: fc.constantFrom<NonNullable<ScenarioInput['workload']>['keySpaces']>(
        [{ name: 'item', popularity: { kind: 'uniform' } }],
        [{ name: 'item', popularity: { kind: 'zipf', alpha: 1 } }],
        [{ name: 'item', popularity: { kind: 'scan' } }],
        [{ name: 'item', popularity: { kind: 'hotspot', hotFraction: 0.1, hotProbability: 0.9 } }],
        [
          { name: 'item', popularity: { kind: 'zipf', alpha: 0.8 } },
          { name: 'feed', perUser: true, weight: 0.5 },
        ],
        [
          { name: 'item', popularity: { kind: 'uniform' } },
          { name: 'session', kind: 'session', perUser: true, weight: 0.3 },
        ],
      ),
      http: fc.constantFrom('public', 'private', 'no-store') as fc.Arbitrary<
        'public' | 'private' | 'no-store'
      >,
      browser: tierArb(outer),
      cdn: tierArb(outer),
      local: tierArb(outer),
      distributed: tierArb(fc.boolean()),
      nodes: fc.integer({ min: 1, max: 4 }),
      bufferPool: tierArb(fc.boolean()),
      appServers: fc.integer({ min: 1, max: 3 }),
      replicas: fc.constantFrom(0, 0, 1, 2),
      readsFromReplicas: fc.boolean(),
      read: fc.constantFrom('cache-aside', 'read-through') as fc.Arbitrary<'cache-aside' | 'read-through'>,
      write: knobs.write ?? fc.constantFrom(...writePolicies),
      writeBackFlushMs: fc.constantFrom(10, 100, 500),
      stampede: fc.constantFrom('none', 'coalesce', 'lock', 'early-refresh') as fc.Arbitrary<
        'none' | 'coalesce' | 'lock' | 'early-refresh'
      >,
      jitter: fc.constantFrom(0, 0.2),
      bus:
        knobs.bus ??
        fc.record({
          enabled: fc.boolean(),
          delayMs: fc.constantFrom(0, 5, 50),
          lossProbability: fc.constantFrom(0, 0.3),
        }),
    })
    .map((k) =>
      parseScenario({
        version: 1,
        seed: k.seed,
        durationMs: k.durationMs,
        bucketMs: 250,
        workload: {
          clients: k.clients,
          ratePerSecond: k.ratePerSecond,
          writeRatio: k.writeRatio,
          keySpaces: (k.popularity ?? []).map((space) => ({
            ...space,
            count: space.perUser ? Math.min(k.keyCount, 5) : k.keyCount,
            http: k.http,
          })),
        },
        topology: {
          browser: k.browser,
          cdn: k.cdn,
          appServers: { count: k.appServers, local: k.local },
          // A session key space lives only in the distributed cache, which it needs.
          distributed: {
            ...k.distributed,
            enabled: k.distributed.enabled || (k.popularity ?? []).some((space) => space.kind === 'session'),
            nodes: k.nodes,
          },
          database: {
            bufferPool: k.bufferPool,
            replicas: k.replicas,
            readsFromReplicas: k.readsFromReplicas,
          },
          bus: k.bus,
        },
        policies: {
          read: k.read,
          write: k.write,
          writeBackFlushMs: k.writeBackFlushMs,
          stampede: k.stampede,
        },
        latency: { jitter: k.jitter },
      }),
    );
}

/**
 * A short random log of what a person might do mid-run: purge, resize or re-policy a tier, fail and
 * recover nodes, servers and the database, slow the database, switch the write policy, spike traffic.
 * `crashes` false leaves out node failures (a write-back crash moves the truth back, which the events
 * do not show).
 */
function commandsArb(scenario: Scenario, crashes = true): fc.Arbitrary<TimedCommand[]> {
  const nodes = scenario.topology.distributed.nodes;
  const servers = scenario.topology.appServers.count;
  const tier = fc.constantFrom('browser', 'cdn', 'local', 'distributed', 'bufferPool') as fc.Arbitrary<
    'browser' | 'cdn' | 'local' | 'distributed' | 'bufferPool'
  >;
  const commands: fc.Arbitrary<TimedCommand['command']>[] = [
    fc.record({
      type: fc.constant('purge' as const),
      tier: fc.constantFrom('all', 'distributed', 'cdn', 'local') as fc.Arbitrary<'all'>,
      match: fc.constantFrom(
        { kind: 'all' as const },
        { kind: 'prefix' as const, prefix: 'item:1' },
        { kind: 'key' as const, key: 'item:0' },
      ),
    }),
    fc.record({
      type: fc.constant('tier.configure' as const),
      tier,
      changes: fc.record(
        {
          capacity: fc.integer({ min: 1, max: 40 }),
          eviction: fc.constantFrom(...livePolicyNames),
          enabled: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    }),
    fc.record({
      type: fc.constant('server.fail' as const),
      server: fc.integer({ min: 0, max: servers - 1 }),
    }),
    fc.record({
      type: fc.constant('server.recover' as const),
      server: fc.integer({ min: 0, max: servers - 1 }),
    }),
    fc.record({ type: fc.constant('database.slow' as const), factor: fc.constantFrom(1, 3, 20) }),
    fc.constantFrom({ type: 'database.fail' as const }, { type: 'database.recover' as const }),
    fc.record({
      type: fc.constant('policies.set' as const),
      changes: fc.record({ write: fc.constantFrom(...writePolicies) }),
    }),
    fc.record({
      type: fc.constant('traffic.spike' as const),
      multiplier: fc.constantFrom(0, 3),
      durationMs: fc.constantFrom(50, 300),
    }),
  ];
  if (crashes) {
    commands.push(
      fc.record({ type: fc.constant('node.fail' as const), node: fc.integer({ min: 0, max: nodes - 1 }) }),
      fc.record({ type: fc.constant('node.recover' as const), node: fc.integer({ min: 0, max: nodes - 1 }) }),
    );
  }
  return fc
    .array(
      fc.record({ atMs: fc.integer({ min: 0, max: scenario.durationMs }), command: fc.oneof(...commands) }),
      { maxLength: 4 },
    )
    .map((list) => list.sort((a, b) => a.atMs - b.atMs));
}

/** A random scenario and a random command log for it. */
const runArb = (crashes = true) =>
  scenarioArb().chain((scenario) =>
    commandsArb(scenario, crashes).map((commands) => ({ scenario, commands })),
  );

/** Runs a scenario to its end, keeping every event. */
function runAll(scenario: Scenario, commands: readonly TimedCommand[] = []) {
  const events: SimEvent[] = [];
  const engine = runToEnd(scenario, commands, { onEvent: (event) => events.push(event) });
  return { engine, events, report: engine.metrics() };
}

/**
 * Whether a key belongs to a session key space. A session lives only in the distributed cache, its
 * store of record: it never reaches the database, and a login stores a new version without a
 * `write.ack`, so the properties about the database and the truth are about data keys.
 */
function isSessionKey(scenario: Scenario): (key: string) => boolean {
  const prefixes = scenario.workload.keySpaces
    .filter((space) => space.kind === 'session')
    .map((space) => `${space.name}:`);
  return (key) => prefixes.some((prefix) => key.startsWith(prefix));
}

/**
 * The truth of each key as the events tell it: the version of its latest acknowledged write. A
 * `write.lost` moves it back to the version the database holds, which the events do not say, so
 * callers that check against the truth use runs without crashes.
 */
function truthTracker() {
  const truth = new Map<string, number>();
  return {
    see(event: SimEvent) {
      if (event.type === 'write.ack')
        truth.set(event.key, Math.max(truth.get(event.key) ?? 0, event.version));
    },
    of: (key: string) => truth.get(key) ?? 0,
  };
}

describe('engine properties over random small scenarios', () => {
  it('every tier counts hits + misses = lookups, misses by cause add up, the events agree, and nothing leaks', () => {
    fc.assert(
      fc.property(runArb(), ({ scenario, commands }) => {
        const { events, report } = runAll(scenario, commands);
        const hitEvents = new Map<string, number>();
        const missEvents = new Map<string, number>();
        for (const event of events) {
          if (event.type === 'cache.hit') hitEvents.set(event.tier, (hitEvents.get(event.tier) ?? 0) + 1);
          if (event.type === 'cache.miss') missEvents.set(event.tier, (missEvents.get(event.tier) ?? 0) + 1);
        }
        for (const tier of report.tiers) {
          const causes = Object.values(tier.missesByCause).reduce((a, b) => a + b, 0);
          expect(tier.hits + tier.misses, tier.tier).toBe(tier.lookups);
          expect(causes, tier.tier).toBe(tier.misses);
          expect(tier.hits, `${tier.tier} hit events`).toBe(hitEvents.get(tier.tier) ?? 0);
          expect(tier.misses, `${tier.tier} miss events`).toBe(missEvents.get(tier.tier) ?? 0);
        }
        // Cache keys include the user (the default): no user is ever served another's per-user data.
        expect(events.filter((event) => event.type === 'leak')).toEqual([]);
        expect(report.endToEnd.leaks).toBe(0);
      }),
      runs(30),
    );
  });

  it('every request-scoped event names a request by a non-negative id, and issued ids are unique', () => {
    // The event log groups a request's rows by req (events.ts: background refreshes and flushes get
    // ids too), so a row with no real id cannot be traced to what caused it.
    fc.assert(
      fc.property(runArb(), ({ scenario, commands }) => {
        const { events } = runAll(scenario, commands);
        const issued = new Set<number>();
        for (const event of events) {
          if (!('req' in event)) continue;
          expect(
            Number.isInteger(event.req) && event.req >= 0,
            `${event.type} at ${event.t}: req ${event.req}`,
          ).toBe(true);
          if (event.type === 'request.issued') {
            expect(issued.has(event.req), `request ${event.req} issued twice`).toBe(false);
            issued.add(event.req);
          }
        }
      }),
      runs(25),
    );
  });

  it('no cache instance ever holds more than its capacity, at any snapshot', () => {
    fc.assert(
      fc.property(runArb(), ({ scenario, commands }) => {
        const engine = createEngine(scenario, { commands });
        const stepMs = scenario.durationMs / 8;
        for (let t = stepMs; t <= scenario.durationMs; t += stepMs) {
          engine.runUntil(t);
          for (const cache of engine.snapshot(1000).caches) {
            expect(cache.used, `${cache.id} at ${t} ms`).toBeLessThanOrEqual(cache.capacity);
            if (cache.unit === 'entries') expect(cache.count).toBeLessThanOrEqual(cache.capacity);
            expect(cache.entries.length).toBeLessThanOrEqual(cache.count);
          }
        }
      }),
      runs(25),
    );
  });

  it('no read is served a version newer than the truth, and every stale flag matches the truth', () => {
    fc.assert(
      fc.property(runArb(false), ({ scenario, commands }) => {
        const { events } = runAll(scenario, commands);
        const truth = truthTracker();
        const session = isSessionKey(scenario);
        for (const event of events) {
          if ('key' in event && session(event.key)) continue;
          truth.see(event);
          if (event.type === 'cache.hit') {
            const at = `${event.type} ${event.key} v${event.version} at ${event.t} (req ${event.req})`;
            expect(event.version, at).toBeLessThanOrEqual(truth.of(event.key));
            expect(event.stale, at).toBe(event.version < truth.of(event.key));
          }
          if (event.type === 'database.read') {
            expect(event.version, `db read ${event.key} at ${event.t}`).toBeLessThanOrEqual(
              truth.of(event.key),
            );
          }
          if (event.type === 'read.stale') {
            expect(event.truthVersion, `read.stale ${event.key} at ${event.t}`).toBe(truth.of(event.key));
            expect(event.version).toBeLessThan(event.truthVersion);
          }
        }
      }),
      runs(30),
    );
  });

  it('under write-through with no faults, no bus delay and no replica reads, the innermost cache tier never serves stale data', () => {
    const arb = scenarioArb({
      write: fc.constant('write-through'),
      innerOnly: true,
      bus: fc.constant({ enabled: false, delayMs: 0, lossProbability: 0 }),
    }).filter(
      // Reads from lagging replicas fill the cache with old versions: staleness from another cause,
      // like a bus delay (PROPERTY_SEED=1 finds it), so this property reads from the primary.
      (scenario) => scenario.topology.distributed.enabled && !scenario.topology.database.readsFromReplicas,
    );
    fc.assert(
      fc.property(arb, (scenario) => {
        const { events, report } = runAll(scenario);
        const staleHits = events.filter(
          (event): event is EventOf<'cache.hit'> =>
            event.type === 'cache.hit' && event.tier === 'distributed' && event.stale,
        );
        expect(staleHits.map((e) => `${e.key} v${e.version} at ${e.t}`)).toEqual([]);
        expect(report.tiers.find((tier) => tier.tier === 'distributed')?.staleHits).toBe(0);
      }),
      runs(30),
    );
  });

  it('write-back without a crash loses no write: each reaches the database after the flush delay', () => {
    const arb = scenarioArb({ write: fc.constant('write-back') }).filter(
      (scenario) => scenario.topology.distributed.enabled && scenario.workload.writeRatio > 0,
    );
    fc.assert(
      fc.property(arb, (scenario) => {
        const { events, report } = runAll(scenario);
        expect(events.filter((event) => event.type === 'write.lost')).toEqual([]);
        expect(report.endToEnd.lostWrites).toBe(0);
        // A write acknowledged long enough before the end (the flush delay, plus 200 ms for the trip
        // and the query) has reached the database, itself or within a later flush of its key.
        const committed = new Map<string, number>();
        for (const event of events) {
          if (event.type === 'writeback.flush' || event.type === 'database.write') {
            committed.set(event.key, Math.max(committed.get(event.key) ?? 0, event.version));
          }
        }
        const dueBy = scenario.durationMs - scenario.policies.writeBackFlushMs - 200;
        const session = isSessionKey(scenario);
        for (const event of events) {
          if (event.type === 'write.ack' && event.t < dueBy && !session(event.key)) {
            expect(
              committed.get(event.key) ?? 0,
              `${event.key} v${event.version} acked at ${event.t}`,
            ).toBeGreaterThanOrEqual(event.version);
          }
        }
      }),
      runs(25),
    );
  });

  it('write-back: a stale-while-revalidate refresh never replaces unflushed data with the database copy', () => {
    // The smallest case fast-check found the write-back property failing on, made concrete: the write
    // of v1 is acknowledged at 492 ms into the cache (flush due at 992 ms); its entry expires at
    // 592 ms, and a read at 962 ms, inside the stale-while-revalidate window, starts a background
    // refresh that reads v0 from the database and fills it over the dirty v1.
    const scenario = parseScenario({
      version: 1,
      seed: 1,
      durationMs: 1600,
      workload: { clients: 1, ratePerSecond: 8, writeRatio: 0.3, keySpaces: [{ name: 'item', count: 1 }] },
      topology: {
        distributed: { nodes: 1, ttl: { seconds: 0.1, staleWhileRevalidateSeconds: 0.5 } },
        database: { bufferPool: { enabled: false } },
      },
      policies: { write: 'write-back', writeBackFlushMs: 500 },
      latency: { jitter: 0 },
    });
    const { events, report } = runAll(scenario);
    const acked = events.filter((event) => event.type === 'write.ack').map((event) => event.version);
    const flushed = events.filter((event) => event.type === 'writeback.flush').map((event) => event.version);
    const lost = events.filter((event) => event.type === 'write.lost').length;
    expect(acked).toEqual([1]);
    // Nothing crashed, so the write must reach the database when its flush falls due.
    expect(flushed).toEqual([1]);
    expect([lost, report.endToEnd.lostWrites]).toEqual([0, 0]);
  });

  it('write-back with a node crash loses exactly the unflushed writes of that node', () => {
    const arb = fc
      .tuple(
        scenarioArb({ write: fc.constant('write-back') }).filter(
          (scenario) => scenario.topology.distributed.enabled && scenario.workload.writeRatio > 0,
        ),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        fc.nat(),
      )
      .map(([scenario, when, which]) => ({
        scenario,
        crash: {
          atMs: Math.round(scenario.durationMs * when),
          command: { type: 'node.fail', node: which % scenario.topology.distributed.nodes },
        } as TimedCommand,
      }));
    fc.assert(
      fc.property(arb, ({ scenario, crash }) => {
        const nodeIndex = (crash.command as { node: number }).node;
        const node = `cache:${nodeIndex}`;
        const events: SimEvent[] = [];
        const engine = createEngine(scenario, { commands: [crash], onEvent: (event) => events.push(event) });
        // Just before the crash: the writes the node holds and has not sent to the database yet.
        engine.runUntil(crash.atMs - 1e-6);
        const cache = engine.snapshot(100_000).caches.find((c) => c.id === node);
        expect(cache, `cache ${node} in the snapshot`).toBeDefined();
        const unflushed = cache!.entries
          .filter((entry) => entry.dirty)
          .map((entry) => `${entry.key} v${entry.version}`)
          .sort();
        const before = events.length;
        engine.runUntil(scenario.durationMs);
        const lost = events.filter((event): event is EventOf<'write.lost'> => event.type === 'write.lost');
        expect(lost.every((event) => event.node === node && event.t === crash.atMs)).toBe(true);
        expect(lost.map((event) => `${event.key} v${event.version}`).sort()).toEqual(unflushed);
        // Each lost write was acknowledged, and no lost version ever reaches the database.
        for (const event of lost) {
          const acked = events.some(
            (e) => e.type === 'write.ack' && e.key === event.key && e.version === event.version,
          );
          expect(acked, `${event.key} v${event.version} acknowledged`).toBe(true);
          const committed = events
            .slice(before)
            .filter(
              (e) =>
                (e.type === 'writeback.flush' || e.type === 'database.write') &&
                e.key === event.key &&
                e.version === event.version,
            );
          expect(committed, `${event.key} v${event.version} lost yet committed`).toEqual([]);
        }
        // The summary counts every lost write: at least one per lost key.
        const report = engine.metrics();
        expect(report.endToEnd.lostWrites).toBeGreaterThanOrEqual(lost.length);
        if (lost.length === 0) expect(report.endToEnd.lostWrites).toBe(0);
      }),
      runs(30),
    );
  });

  it('a live run with commands applied between slices exports as its replay from the command log', () => {
    // What the browser relies on: the person runs in slices of any size and applies commands as
    // they go; exporting replays scenario + command log in a fresh engine and must get the live run.
    const arb = runArb().chain(({ scenario, commands }) =>
      fc
        .array(fc.integer({ min: 1, max: scenario.durationMs }), { minLength: 1, maxLength: 6 })
        .map((cuts) => ({ scenario, commands, cuts: [...new Set(cuts)].sort((a, b) => a - b) })),
    );
    fc.assert(
      fc.property(arb, ({ scenario, commands, cuts }) => {
        let live = eventCsvHeader;
        const engine = createEngine(scenario, { onEvent: (event) => (live += eventCsvRow(event)) });
        const pending = [...commands];
        for (const cut of [...cuts, scenario.durationMs]) {
          while (pending.length > 0 && pending[0].atMs <= cut) {
            const { atMs, command } = pending.shift()!;
            engine.runUntil(atMs);
            engine.apply(command);
          }
          engine.runUntil(cut);
        }
        const replay = exportRun(scenario, engine.commandLog, engine.nowMs);
        expect(replay.events).toBe(live);
        expect(replay.summaryTiers).toBe(summaryTiersCsv(engine.metrics()));
        expect(replay.summaryEndToEnd).toBe(summaryEndToEndCsv(engine.metrics()));
        expect(replay.timeSeries).toBe(timeSeriesCsv(engine.metrics()));
      }),
      runs(25),
    );
  });

  it('a live run stepped event by event, with commands applied between steps, exports as its replay', () => {
    // Step-back and share links replay scenario + command log; after step() the clock stands on an
    // event's time, so a command applied there must come after that event in the replay too.
    const arb = runArb().chain(({ scenario, commands }) =>
      fc
        .array(fc.tuple(fc.integer({ min: 1, max: scenario.durationMs }), fc.integer({ min: 1, max: 3 })), {
          minLength: 1,
          maxLength: 4,
        })
        .map((stops) => ({ scenario, commands, stops: stops.sort((a, b) => a[0] - b[0]) })),
    );
    fc.assert(
      fc.property(arb, ({ scenario, commands, stops }) => {
        let live = eventCsvHeader;
        const engine = createEngine(scenario, { onEvent: (event) => (live += eventCsvRow(event)) });
        stops.forEach(([atMs, steps], i) => {
          if (atMs > engine.nowMs) engine.runUntil(atMs);
          for (let step = 0; step < steps; step++) engine.step();
          engine.apply(commands[i]?.command ?? { type: 'purge', tier: 'all', match: { kind: 'all' } });
        });
        const replay = exportRun(scenario, engine.commandLog, engine.nowMs);
        const replayed = replay.events.split('\n');
        const first = live.split('\n').findIndex((line, i) => line !== replayed[i]);
        expect(
          first < 0
            ? 'the same'
            : `line ${first + 1}: live ${live.split('\n')[first]}, replay ${replayed[first]}`,
        ).toBe('the same');
      }),
      runs(25),
    );
  });

  it('the same scenario and commands give the same CSV bytes, and another seed gives other bytes', () => {
    const arb = runArb().filter(
      ({ scenario }) => scenario.workload.ratePerSecond * scenario.durationMs > 50_000,
    );
    fc.assert(
      fc.property(arb, ({ scenario, commands }) => {
        const first = exportRun(scenario, commands);
        const again = exportRun(structuredClone(scenario), structuredClone(commands));
        expect(again.summaryTiers).toBe(first.summaryTiers);
        expect(again.summaryEndToEnd).toBe(first.summaryEndToEnd);
        expect(again.timeSeries).toBe(first.timeSeries);
        expect(again.events).toBe(first.events);
        const other = exportRun({ ...scenario, seed: (scenario.seed + 1) >>> 0 }, commands);
        expect(other.events).not.toBe(first.events);
      }),
      runs(15),
    );
  });
});
