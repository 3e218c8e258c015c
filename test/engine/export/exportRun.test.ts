import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/createEngine';
import {
  eventCsvHeader,
  eventCsvRow,
  exportRun,
  summaryEndToEndCsv,
  summaryTiersCsv,
  timeSeriesCsv,
} from '../../../src/engine/export';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { parseScenario } from '../../../src/engine/scenario/parseScenario';
import { tierCountColumns } from './reportFixture';

/** Three cache tiers, small capacities and short TTLs, so every counter of the CSV moves. */
const scenario = parseScenario({
  version: 1,
  seed: 11,
  durationMs: 3000,
  bucketMs: 500,
  workload: {
    clients: 3,
    ratePerSecond: 400,
    writeRatio: 0.1,
    keySpaces: [{ name: 'item', count: 80, http: 'public', popularity: { kind: 'zipf', alpha: 0.9 } }],
  },
  topology: {
    cdn: { enabled: true, capacity: 20, ttl: { seconds: 0.4 } },
    appServers: { count: 2, local: { enabled: true, capacity: 10, ttl: { seconds: 0.2 } } },
    distributed: { capacity: 15, nodes: 2, ttl: { seconds: 1 } },
    bus: { enabled: true, delayMs: 20 },
  },
});
const commands: TimedCommand[] = [
  { atMs: 1200, command: { type: 'purge', tier: 'all', match: { kind: 'prefix', prefix: 'item:1' } } },
  { atMs: 2000, command: { type: 'tier.configure', tier: 'distributed', changes: { capacity: 5 } } },
];

describe('exportRun', () => {
  it('gives the bytes of a run of the engine itself, as the CLI writes them', () => {
    let events = eventCsvHeader;
    const engine = createEngine(scenario, { commands, onEvent: (event) => (events += eventCsvRow(event)) });
    engine.runUntil(scenario.durationMs);
    const report = engine.metrics();
    const exported = exportRun(scenario, commands);
    expect(exported.summaryTiers).toBe(summaryTiersCsv(report));
    expect(exported.summaryEndToEnd).toBe(summaryEndToEndCsv(report));
    expect(exported.timeSeries).toBe(timeSeriesCsv(report));
    expect(exported.events).toBe(events);
    expect(exported.events).toContain('\ncommand,1200.000,');
  });

  it('streams the event log to writeEvents with the same bytes it would return', () => {
    const chunks: string[] = [];
    const streamed = exportRun(scenario, commands, undefined, { writeEvents: (chunk) => chunks.push(chunk) });
    expect(streamed.events).toBe('');
    expect(chunks[0]).toBe(eventCsvHeader);
    expect(chunks.join('')).toBe(exportRun(scenario, commands).events);
  });

  it('makes the summary and time series without formatting any event when the log is not wanted', () => {
    let formatted = 0;
    const quiet = exportRun(scenario, commands, 2500, {
      events: false,
      writeEvents: () => void formatted++,
    });
    const whole = exportRun(scenario, commands, 2500);
    expect(formatted).toBe(0);
    expect(quiet.events).toBe('');
    expect(quiet.eventRows).toBe(0);
    expect(quiet.summaryTiers).toBe(whole.summaryTiers);
    expect(quiet.summaryEndToEnd).toBe(whole.summaryEndToEnd);
    expect(quiet.timeSeries).toBe(whole.timeSeries);
  });

  it('writes only the events from eventsFromMs on: the rows of the whole log in that window', () => {
    const whole = exportRun(scenario, commands, 2500);
    const window = exportRun(scenario, commands, 2500, { eventsFromMs: 1200 });
    const [header, ...rows] = whole.events.trimEnd().split('\n');
    const inside = rows.filter((line) => Number(line.split(',')[1]) >= 1200);
    expect(window.events).toBe(`${header}\n${inside.join('\n')}\n`);
    expect(window.eventRows).toBe(inside.length);
    expect(whole.eventRows).toBe(rows.length);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(rows.length);
  });

  it('stops at untilMs: no event after it, and the last bucket ends there', () => {
    const half = exportRun(scenario, commands, 1700);
    const times = csvParse(half.events).map((row) => Number(row.t));
    expect(Math.max(...times)).toBeLessThanOrEqual(1700);
    const series = csvParse(half.timeSeries);
    expect(series[series.length - 1].endMs).toBe('1700.000');
    expect(half.events).toBe(exportRun(scenario, commands).events.slice(0, half.events.length));
  });

  it('gives summary totals equal to the sums of the time series of a real run', () => {
    const { summaryTiers, summaryEndToEnd, timeSeries } = exportRun(scenario, commands);
    const tiers = csvParse(summaryTiers);
    const series = csvParse(timeSeries);
    const sumOf = (tier: string, column: string) =>
      series.filter((row) => row.tier === tier).reduce((total, row) => total + Number(row[column]), 0);
    const moved = new Set<string>();
    for (const row of tiers.filter((r) => r.enabled === 'true')) {
      const tier = row.tier!;
      for (const column of tierCountColumns) {
        expect(sumOf(tier, column), `${tier} ${column}`).toBe(Number(row[column]));
        if (Number(row[column]) > 0) moved.add(column);
      }
      expect(sumOf(tier, 'staleReads'), `${tier} staleHits`).toBe(Number(row.staleHits));
    }
    // The scenario is built so that every counter moved; a test of zeros would prove nothing.
    expect([...moved].sort()).toHaveLength(10);
    const [endToEnd] = csvParse(summaryEndToEnd);
    expect(sumOf('all', 'requests')).toBe(Number(endToEnd.requests));
    expect(sumOf('all', 'staleReads')).toBe(Number(endToEnd.staleReads));
  });

  it('leaves empty, in a real run, the hit ratios of tiers nobody asked and the figures a row has not', () => {
    const off: TimedCommand[] = [
      ...commands,
      { atMs: 2400, command: { type: 'tier.configure', tier: 'local', changes: { enabled: false } } },
    ];
    const { summaryTiers, timeSeries } = exportRun(scenario, off);
    const tiers = csvParse(summaryTiers);
    // The browser tier is off all run; the local tier was on until 2.4 s, so its ratio stands.
    expect(tiers.find((row) => row.tier === 'browser')).toMatchObject({ lookups: '0', hitRatio: '' });
    expect(tiers.find((row) => row.tier === 'local')).toMatchObject({ enabled: 'false' });
    expect(tiers.find((row) => row.tier === 'local')!.hitRatio).not.toBe('');
    const series = csvParse(timeSeries);
    const local = series.filter((row) => row.tier === 'local');
    expect(local.map((row) => row.hitRatio === '')).toEqual([false, false, false, false, false, true]);
    for (const row of series) {
      const seconds = (Number(row.endMs) - Number(row.startMs)) / 1000;
      expect(Number(row.hitsPerSecond), `${row.startMs} ${row.tier}`).toBeCloseTo(
        Number(row.hits) / seconds,
        3,
      );
      if (row.tier === 'all') expect(row.p95Ms === '').toBe(row.completed === '0');
      else expect([row.requests, row.p95Ms]).toEqual(['', '']);
    }
  });

  it('gives other bytes for another command log', () => {
    expect(exportRun(scenario, []).events).not.toBe(exportRun(scenario, commands).events);
  });
});
