import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine/events';
import type { SeriesRow } from '../../src/engine/metrics/types';
import { parseScenario } from '../../src/engine/scenario/parseScenario';
import { mergeSeries, seriesWindowBuckets } from '../../src/state/mergeSeries';
import { wholeBucketsEndMs } from '../../src/engine/metrics/seriesMath';
import { logCapacity, logRefreshFrames, SimStore } from '../../src/state/simStore.svelte';
import { wholeBuckets } from '../../src/ui/views/lib/chartModels';
import type { FrameMessage } from '../../src/worker/protocol';

const scenario = parseScenario({ version: 1, seed: 3, durationMs: 60_000 });

function row(startMs: number, tier: SeriesRow['tier'] = 'all', hits = 0): SeriesRow {
  return {
    startMs,
    tier,
    lookups: hits,
    hits,
    misses: 0,
    missesByCause: { cold: 0, capacity: 0, expired: 0, invalidated: 0 },
    hitRatio: hits > 0 ? 1 : 0,
    staleReads: 0,
    meanStalenessMs: 0,
    maxStalenessMs: 0,
    evictions: 0,
    expirations: 0,
    invalidations: 0,
    requests: hits,
    databaseQueries: 0,
    databaseQueueMax: 0,
    completed: hits,
    p50Ms: 0,
    p95Ms: 0,
    p99Ms: 0,
  };
}

function frame(nowMs: number, events: SimEvent[], extra: Partial<FrameMessage> = {}): FrameMessage {
  const latency = { count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
  return {
    type: 'frame',
    nowMs,
    durationMs: 60_000,
    playing: true,
    finished: false,
    events,
    dropped: 0,
    metrics: {
      nowMs,
      bucketMs: 1000,
      tiers: [],
      endToEnd: {
        requests: 1,
        reads: 1,
        writes: 0,
        completed: 1,
        failed: 0,
        cacheHitRatio: 0.5,
        staleReads: 0,
        meanStalenessMs: 0,
        maxStalenessMs: 0,
        latency,
        readLatency: latency,
        writeLatency: latency,
        databaseReads: 0,
        databaseWrites: 0,
        databaseQueueMax: 0,
        lostWrites: 0,
        leaks: 0,
        loggedOut: 0,
        cacheNodeFailures: 0,
        droppedEvents: 0,
      },
      seriesFromMs: 0,
      series: [],
    },
    ...extra,
  };
}

const hop = (req: number, t: number, arriveMs: number): SimEvent => ({
  type: 'hop',
  t,
  req,
  from: 'client:0',
  to: 'app:0',
  arriveMs,
});

describe('SimStore', () => {
  it('shows the loaded scenario at time 0 with no metrics yet', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    expect(store.scenario?.seed).toBe(3);
    expect(store.nowMs).toBe(0);
    expect(store.metrics).toBeNull();
  });

  it('follows frames: simulated time, metrics and a snapshot when one comes', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    const isFrame = store.receive(
      frame(250, [], { snapshot: { nowMs: 250, nodes: [], edges: [], caches: [] } }),
    );
    expect(isFrame).toBe(true);
    expect(store.nowMs).toBe(250);
    expect(store.metrics?.endToEnd.cacheHitRatio).toBe(0.5);
    expect(store.snapshot?.nowMs).toBe(250);
    store.receive(frame(300, []));
    expect(store.snapshot?.nowMs).toBe(250);
  });

  it('keeps hops in flight until they arrive', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    store.receive(frame(10, [hop(1, 5, 20), hop(2, 8, 12)]));
    expect(store.flight.filter((e) => e.type === 'hop').length).toBe(2);
    store.receive(frame(15, []));
    expect(store.flight.filter((e) => e.type === 'hop').map((e) => (e as { req: number }).req)).toEqual([1]);
    store.receive(frame(25, []));
    expect(store.flight.length).toBe(0);
  });

  it('forgets the events and series of a later time after a seek, and takes the rewound run from its frame', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    store.receive(frame(9000, [hop(1, 8990, 9020)], { playing: false }));
    store.receive({ type: 'seeked', nowMs: 3000, commands: [] });
    expect(store.recent).toEqual([]);
    expect(store.logEvents).toEqual([]);
    expect(store.flight).toEqual([]);
    expect(store.nowMs).toBe(3000);
    expect(store.scenario).toBe(scenario);
    store.receive(frame(3000, [], { playing: false }));
    expect(store.nowMs).toBe(3000);
    expect(store.metrics?.endToEnd.cacheHitRatio).toBe(0.5);
  });

  it('keeps only the newest events for the log', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    const many: SimEvent[] = [];
    for (let i = 0; i < logCapacity + 50; i++) many.push({ type: 'node.up', t: i, node: 'cache:0' });
    store.receive(frame(1000, many));
    expect(store.recent.length).toBe(logCapacity);
    expect(store.recent[0].t).toBe(50);
    expect(store.recent[store.recent.length - 1].t).toBe(logCapacity + 49);
  });

  it('refreshes the event log every few frames while playing, and at once when paused', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    const event = (t: number): SimEvent => ({ type: 'node.up', t, node: 'cache:0' });
    for (let i = 1; i < logRefreshFrames; i++) store.receive(frame(i, [event(i)]));
    expect(store.logEvents.length).toBe(0);
    expect(store.recent.length).toBe(logRefreshFrames - 1);
    store.receive(frame(logRefreshFrames, [event(logRefreshFrames)]));
    expect(store.logEvents.length).toBe(logRefreshFrames);
    store.receive(frame(100, [event(100)], { playing: false }));
    expect(store.logEvents[store.logEvents.length - 1].t).toBe(100);
  });

  it('charts closed buckets while playing, changing only when one closes, and every bucket when paused', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    const series = (fromMs: number, rows: SeriesRow[]) => ({
      ...frame(0, []).metrics,
      seriesFromMs: fromMs,
      series: rows,
    });
    store.receive(frame(500, [], { metrics: series(0, [row(0, 'all', 1), row(0, 'cdn', 1)]) }));
    expect(store.chartSeries).toEqual([]);
    store.receive(frame(1200, [], { metrics: series(0, [row(0, 'all', 2), row(1000, 'all', 1)]) }));
    const closed = store.chartSeries;
    expect(closed.map((r) => [r.startMs, r.hits])).toEqual([[0, 2]]);
    store.receive(frame(1500, [], { metrics: series(1000, [row(1000, 'all', 3)]) }));
    expect(store.chartSeries).toBe(closed);
    store.receive(frame(1600, [], { playing: false, metrics: series(1000, [row(1000, 'all', 4)]) }));
    expect(store.chartSeries.map((r) => [r.startMs, r.hits])).toEqual([
      [0, 2],
      [1000, 4],
    ]);
    store.receive(frame(1700, [], { metrics: series(1000, [row(1000, 'all', 5)]) }));
    expect(store.chartSeries.map((r) => r.startMs)).toEqual([0]);
  });

  it("gives the charts a time that moves when a bucket closes, not every frame, and the run's end once reached", () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    const seen = [250, 900, 999, 1000, 1700, 59_999, 60_000].map((nowMs) => {
      store.receive(frame(nowMs, [], { finished: nowMs === 60_000 }));
      return store.chartNowMs;
    });
    expect(seen).toEqual([0, 0, 0, 1000, 1000, 59_000, 60_000]);
  });

  it('flashes the recent events with each snapshot while playing, and at once when paused', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    const event = (t: number): SimEvent => ({ type: 'node.up', t, node: 'cache:0' });
    const snapshot = { nowMs: 0, nodes: [], edges: [], caches: [] };
    store.receive(frame(1, [event(1)], { snapshot }));
    store.receive(frame(2, [event(2)]));
    expect(store.flashEvents.map((e) => e.t)).toEqual([1]);
    store.receive(frame(3, [event(3)], { snapshot }));
    expect(store.flashEvents.map((e) => e.t)).toEqual([1, 2, 3]);
    store.receive(frame(4, [event(4)], { playing: false }));
    expect(store.flashEvents.map((e) => e.t)).toEqual([1, 2, 3, 4]);
  });

  it('adds up the events the worker dropped, and starts over on a new run', () => {
    const store = new SimStore();
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    store.receive(frame(10, [], { dropped: 30 }));
    store.receive(frame(20, [], { dropped: 12 }));
    expect(store.droppedEvents).toBe(42);
    expect(store.sampled).toBe(true);
    store.receive({ type: 'loaded', scenario, commands: [], preset: null });
    expect(store.droppedEvents).toBe(0);
    expect(store.recent).toEqual([]);
  });
});

describe('mergeSeries', () => {
  it('replaces the bucket in progress and appends new ones', () => {
    const merged = mergeSeries([row(0, 'all', 1), row(1000, 'all', 2)], 1000, [
      row(1000, 'all', 5),
      row(2000),
    ]);
    expect(merged.map((r) => [r.startMs, r.hits])).toEqual([
      [0, 1],
      [1000, 5],
      [2000, 0],
    ]);
  });

  it('keeps the newest buckets of every tier within the window', () => {
    const rows: SeriesRow[] = [];
    for (let b = 0; b < seriesWindowBuckets + 10; b++) rows.push(row(b * 1000, 'all'), row(b * 1000, 'cdn'));
    const merged = mergeSeries([], 0, rows);
    expect(merged.length).toBe(seriesWindowBuckets * 2);
    expect(merged[0].startMs).toBe(10_000);
  });
});

describe('wholeBucketsEndMs', () => {
  it("judges the same buckets whole as the time it rounds, with a last bucket cut short by the run's end", () => {
    for (const [bucketMs, endMs] of [
      [1000, 2500],
      [1000, 3000],
      [250, Infinity],
    ]) {
      const ends = Number.isFinite(endMs) ? endMs : 4000;
      const series = Array.from({ length: Math.ceil(ends / bucketMs) }, (_, i) => row(i * bucketMs));
      for (let nowMs = 0; nowMs <= ends + bucketMs; nowMs += 50) {
        const at = wholeBucketsEndMs(nowMs, bucketMs, endMs);
        expect(at).toBeLessThanOrEqual(nowMs);
        expect(wholeBuckets(series, { bucketMs, nowMs: at, endMs }), `${nowMs} ms`).toEqual(
          wholeBuckets(series, { bucketMs, nowMs, endMs }),
        );
      }
    }
  });
});
