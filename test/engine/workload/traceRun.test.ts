import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/events';
import { exportRun } from '../../../src/engine/export/exportRun';
import { createEngine } from '../../../src/engine/createEngine';
import { parseTrace } from '../../../src/engine/replay/parseTrace';
import { replayTrace } from '../../../src/engine/replay/replayTrace';
import { runToEnd } from '../../../src/engine/run/runToEnd';
import { loadPreset } from '../../../src/engine/scenario/presets';
import type { Scenario } from '../../../src/engine/scenario/schema';
import { createStream } from '../../../src/engine/random';
import { createZipf } from '../../../src/engine/workload/zipf';
import {
  maxTraceRunRequests,
  traceScenario,
  type TraceInput,
} from '../../../src/engine/workload/traceScenario';

/** A Zipf trace as CSV text: `requests` lines `gapMs` apart, every `writeEvery`-th a write when given. */
function zipfCsv(requests: number, gapMs: number, writeEvery = 0): string {
  const next = createZipf(300, 0.9, createStream(3, 'trace-test'));
  const lines = [writeEvery > 0 ? 'time,key,op' : 'time,key'];
  for (let i = 0; i < requests; i++) {
    const op = writeEvery > 0 ? (i % writeEvery === writeEvery - 1 ? ',write' : ',read') : '';
    // Times from a clock that does not start at 0, as a real trace's do.
    lines.push(`${1_700_000_000_000 + i * gapMs},user:${next()}${op}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The basics preset (one app server, one cache node, no TTL), its node holding `capacity` entries. */
function base(capacity = 50, jitter = 0.2): Scenario {
  const scenario = loadPreset('basics');
  scenario.topology.distributed.capacity = capacity;
  scenario.latency.jitter = jitter;
  return scenario;
}

function traceRun(text: string, scenario = base()) {
  const input: TraceInput = { name: 'test.csv', trace: parseTrace(text) };
  return { input, scenario: traceScenario(scenario, input) };
}

/** The distributed tier's lookups of a run, in the order they happened. */
function lookups(scenario: Scenario, input: TraceInput): string[] {
  const keys: string[] = [];
  const onEvent = (event: SimEvent) => {
    if ((event.type === 'cache.hit' || event.type === 'cache.miss') && event.tier === 'distributed')
      keys.push(event.key);
  };
  runToEnd(scenario, [], { trace: input, onEvent });
  return keys;
}

describe('a trace as the workload of a run', () => {
  it("sends exactly the trace's reads, in order and by their own keys, to the distributed tier", () => {
    const text = zipfCsv(2000, 10, 5);
    const { input, scenario } = traceRun(text, base(50, 0));
    const { trace } = input;
    const reads: string[] = [];
    for (let i = 0; i < trace.requests; i++)
      if (trace.ops[i] === 0) reads.push(trace.keyNames[trace.keys[i]]);
    expect(reads.length).toBe(1600);
    expect(lookups(scenario, input)).toEqual(reads);
  });

  it('looks up every read once even when requests overlap and hops jitter (the same keys, counted alike)', () => {
    const { input, scenario } = traceRun(zipfCsv(5000, 1));
    const seen = lookups(scenario, input);
    const { trace } = input;
    const expected = Array.from(trace.keys, (k) => trace.keyNames[k]);
    expect(seen.length).toBe(trace.requests);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(runToEnd(scenario, [], { trace: input }).metrics().endToEnd.requests).toBe(trace.requests);
  });

  it("hits as often as replayTrace's LRU at the same capacity when each request ends before the next", () => {
    // 100 ms apart, every fill lands before the next lookup: the node's LRU sees the trace's order.
    const { input, scenario } = traceRun(zipfCsv(3000, 100), base(40));
    const tier = runToEnd(scenario, [], { trace: input })
      .metrics()
      .tiers.find((t) => t.tier === 'distributed')!;
    const replay = replayTrace(input.trace, { policy: 'lru', capacity: 40 });
    expect(tier.lookups).toBe(3000);
    expect(tier.hitRatio).toBe(replay.hitRatio);
  });

  it('hits less than the replay when requests come faster than a miss is filled', () => {
    // 1 ms apart, a missed key asked again before its fill (a database read away) misses again.
    const { input, scenario } = traceRun(zipfCsv(3000, 1), base(40));
    const tier = runToEnd(scenario, [], { trace: input })
      .metrics()
      .tiers.find((t) => t.tier === 'distributed')!;
    expect(tier.hitRatio).toBeLessThan(replayTrace(input.trace, { policy: 'lru', capacity: 40 }).hitRatio);
  });

  it('lasts as long as the trace from its first request, on the scenario topology with the front tiers off', () => {
    const front = base();
    front.topology.cdn.enabled = true;
    front.topology.appServers.local.enabled = true;
    const { input, scenario } = traceRun(zipfCsv(100, 10), front);
    expect(scenario.durationMs).toBe(990 + 1000);
    expect(scenario.name).toBe('Trace test.csv');
    expect(scenario.topology.cdn.enabled).toBe(false);
    expect(scenario.topology.appServers.local.enabled).toBe(false);
    expect(scenario.topology.distributed).toEqual(front.topology.distributed);
    expect(scenario.workload.keySpaces.map((s) => s.name)).toEqual(['trace']);
    expect(scenario.workload.keySpaces[0].count).toBe(input.trace.distinctKeys);
  });

  it('spaces a trace without timing at the scenario rate', () => {
    const { input, scenario } = traceRun('time,key\n5,a\n5,b\n5,a\n5,c\n');
    // basics asks 100 requests a second: 10 ms apart.
    expect(scenario.durationMs).toBe(30 + 1000);
    const engine = createEngine(scenario, { trace: input });
    engine.runUntil(25);
    expect(engine.metrics().endToEnd.requests).toBe(3);
  });

  it('replays to the same bytes after a seek back, as exports and share links do', () => {
    const { input, scenario } = traceRun(zipfCsv(3000, 3, 7));
    const live = createEngine(scenario, { trace: input, recordEvents: false });
    live.runUntil(6000);
    const atEnd = exportRun(scenario, [], 6000, { trace: input });
    const seekBack = exportRun(scenario, [], 4000, { trace: input });
    const again = exportRun(scenario, [], 4000, { trace: input });
    expect(again).toEqual(seekBack);
    expect(atEnd.summaryTiers).not.toBe(seekBack.summaryTiers);
    expect(exportRun(scenario, [], 6000, { trace: input }).events).toBe(atEnd.events);
    expect(live.metrics().endToEnd.requests).toBe(
      runToEnd(scenario, [], { trace: input, untilMs: 6000 }).metrics().endToEnd.requests,
    );
    expect(atEnd.events).toContain('user:');
  });

  it('refuses the commands that would change what the trace decides, and keeps the run', () => {
    const { input, scenario } = traceRun(zipfCsv(100, 10));
    const engine = createEngine(scenario, { trace: input });
    engine.runUntil(100);
    expect(() => engine.apply({ type: 'workload.set', changes: { ratePerSecond: 500 } })).toThrow(
      /requests come from a trace/,
    );
    expect(() => engine.apply({ type: 'traffic.spike', multiplier: 3, durationMs: 1000 })).toThrow(/trace/);
    expect(engine.settings().workload.ratePerSecond).toBe(scenario.workload.ratePerSecond);
    expect(engine.commandLog).toEqual([]);
    expect(() => engine.apply({ type: 'keySpace.set', name: 'trace', changes: { count: 5 } })).toThrow(
      /trace/,
    );
    engine.apply({ type: 'tier.configure', tier: 'distributed', changes: { capacity: 10 } });
    // The Cache-Control decides no request: it may change, for a CDN turned on in the run.
    engine.apply({ type: 'keySpace.set', name: 'trace', changes: { http: 'public' } });
    expect(engine.commandLog.length).toBe(2);
    expect(engine.settings().workload.keySpaces[0].http).toBe('public');
  });

  it('says why a trace cannot play: no requests, too many', () => {
    const empty: TraceInput = { name: 'empty.csv', trace: { ...parseTrace('time,key\n0,a\n'), requests: 0 } };
    expect(() => traceScenario(base(), empty)).toThrow('empty.csv: the trace has no requests to play');
    const huge: TraceInput = {
      name: 'huge.csv',
      trace: { ...parseTrace('time,key\n0,a\n'), requests: maxTraceRunRequests + 1 },
    };
    expect(() => traceScenario(base(), huge)).toThrow(
      /huge\.csv: the trace has 2,000,001 requests; .* at most 2,000,000/,
    );
  });
});
