import { emptyRow } from '../../src/engine/metrics/collector';
import type { Engine, EngineOptions } from '../../src/engine/engine';
import type { SimEvent } from '../../src/engine/events';
import type { MetricsReport, SeriesRow } from '../../src/engine/metrics/types';
import type { Command, TimedCommand } from '../../src/engine/scenario/commandSchema';
import type { Scenario } from '../../src/engine/scenario/schema';
import type { Snapshot } from '../../src/engine/snapshot';

/**
 * A stand-in engine for the host and store tests: one request every `gapMs` of simulated time, each
 * a hop, a hit and a done event. `wallCostPerRunMs` moves the test's fake wall clock on each runUntil,
 * so budget tests can see time pass.
 */
export function createFakeEngine(
  scenario: Scenario,
  options: EngineOptions,
  clock: { wallMs: number; wallCostPerRunMs: number },
  gapMs = 10,
): Engine & { runs: number } {
  let nowMs = 0;
  let nextReq = 0;
  let buffer: SimEvent[] = [];
  let dropped = 0;
  const log: TimedCommand[] = [];
  const bufferSize = options.eventBufferSize ?? 10_000;
  const emit = (event: SimEvent) => {
    buffer.push(event);
    if (buffer.length > bufferSize) {
      buffer.shift();
      dropped++;
    }
  };
  const issue = (t: number) => {
    const req = nextReq++;
    emit({ type: 'request.issued', t, req, client: 0, op: 'read', key: `item:${req % 7}` });
    emit({ type: 'hop', t, req, from: 'client:0', to: 'app:0', arriveMs: t + 5 });
    emit({
      type: 'cache.hit',
      t,
      req,
      tier: 'distributed',
      node: 'cache:0',
      key: 'k',
      version: 1,
      stale: false,
    });
    emit({
      type: 'request.done',
      t,
      req,
      client: 0,
      op: 'read',
      key: 'k',
      latencyMs: 1,
      servedBy: 'distributed',
    });
  };
  const engine = {
    runs: 0,
    scenario,
    get nowMs() {
      return nowMs;
    },
    get finished() {
      return nowMs >= scenario.durationMs;
    },
    get commandLog() {
      return log;
    },
    get eventsRun() {
      return nextReq;
    },
    get requestsDone() {
      return nextReq;
    },
    runUntil(timeMs: number) {
      engine.runs++;
      clock.wallMs += clock.wallCostPerRunMs;
      const until = Math.min(timeMs, scenario.durationMs);
      while ((nextReq + 1) * gapMs <= until) issue((nextReq + 1) * gapMs);
      nowMs = Math.max(nowMs, until);
    },
    step() {
      if (nowMs >= scenario.durationMs) return false;
      issue((nextReq + 1) * gapMs);
      nowMs = nextReq * gapMs;
      return true;
    },
    stepRequest() {
      return engine.step();
    },
    apply(command: Command) {
      log.push({ atMs: nowMs, command });
    },
    drainEvents(max = Infinity) {
      const events = buffer.slice(0, max);
      buffer = buffer.slice(events.length);
      const lost = dropped;
      dropped = 0;
      return { events, dropped: lost };
    },
    metrics(): MetricsReport {
      const series: SeriesRow[] = [];
      for (let start = 0; start <= nowMs && start < scenario.durationMs; start += scenario.bucketMs) {
        series.push(emptyRow(start, 'all'));
      }
      const latency = { count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
      return {
        nowMs,
        bucketMs: scenario.bucketMs,
        tiers: [],
        endToEnd: {
          requests: nextReq,
          reads: nextReq,
          writes: 0,
          completed: nextReq,
          failed: 0,
          cacheHitRatio: 1,
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
        series,
      };
    },
    snapshot(): Snapshot {
      return { nowMs, nodes: [], edges: [], caches: [] };
    },
    settings: () => structuredClone(scenario),
  };
  return engine;
}
