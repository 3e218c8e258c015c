import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportRun } from '../../src/engine/export';
import type { TimedCommand } from '../../src/engine/scenario/commandSchema';
import { loadPreset, presetNames } from '../../src/engine/scenario/presets';

/*
 * Every preset's CSV files at seed 7, kept as SHA-256 digests in test/fixtures/golden/presets-seed7.json.
 * The digests were made from main before the architecture restructure (issue 12), which must change
 * no behaviour: a refactor that moves one event, one digit or one line ending fails here.
 *
 * If the model changes on purpose, regenerate with UPDATE_GOLDEN=1, and say why in the commit. To find
 * where a log departs, export the preset at seed 7 from both commits (`npm run sim -- --scenario
 * preset:NAME --seed 7 --events-csv F`) and diff the files.
 */

const tourName = 'distributed-failure with a command of every kind';
const fixture = new URL('../fixtures/golden/presets-seed7.json', import.meta.url);

interface Digests {
  eventRows: number;
  events: string;
  summaryTiers: string;
  summaryEndToEnd: string;
  timeSeries: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A command of every kind, at moments inside a minute, so the fold of commands into settings and each
 * fault's path through the model are held to their bytes too, not only the presets' own schedules.
 */
const commandTour: TimedCommand[] = [
  {
    atMs: 2_000,
    command: { type: 'tier.configure', tier: 'distributed', changes: { eviction: 's3fifo', capacity: 300 } },
  },
  {
    atMs: 4_000,
    command: { type: 'policies.set', changes: { write: 'write-through', stampede: 'coalesce' } },
  },
  { atMs: 6_000, command: { type: 'node.fail', node: 1 } },
  { atMs: 8_000, command: { type: 'workload.set', changes: { ratePerSecond: 900, writeRatio: 0.2 } } },
  {
    atMs: 10_000,
    command: { type: 'tier.configure', tier: 'local', changes: { enabled: true, ttl: { seconds: 2 } } },
  },
  { atMs: 12_000, command: { type: 'node.recover', node: 1 } },
  {
    atMs: 14_000,
    command: { type: 'policies.set', changes: { write: 'write-back', writeBackFlushMs: 300 } },
  },
  { atMs: 16_000, command: { type: 'server.fail', server: 0 } },
  { atMs: 18_000, command: { type: 'database.slow', factor: 4 } },
  { atMs: 20_000, command: { type: 'traffic.spike', multiplier: 3, durationMs: 3_000 } },
  { atMs: 24_000, command: { type: 'server.recover', server: 0 } },
  { atMs: 26_000, command: { type: 'purge', tier: 'all', match: { kind: 'all' } } },
  { atMs: 28_000, command: { type: 'database.fail' } },
  { atMs: 30_000, command: { type: 'database.recover' } },
  {
    atMs: 32_000,
    command: { type: 'policies.set', changes: { write: 'update-on-write', stampede: 'early-refresh' } },
  },
  { atMs: 34_000, command: { type: 'latency.set', changes: { jitter: 0.5 } } },
  { atMs: 36_000, command: { type: 'bus.configure', changes: { enabled: true, lossProbability: 0.2 } } },
  {
    atMs: 38_000,
    command: { type: 'tier.configure', tier: 'distributed', changes: { replication: 2, eviction: 'lru' } },
  },
  { atMs: 40_000, command: { type: 'policies.set', changes: { stampede: 'lock', read: 'read-through' } } },
  { atMs: 44_000, command: { type: 'tier.configure', tier: 'cdn', changes: { enabled: true } } },
];

function digestsOf(name: string, commands: TimedCommand[] = []): Digests {
  const scenario = { ...loadPreset(name), seed: 7 };
  const events = createHash('sha256');
  const csv = exportRun(scenario, commands, scenario.durationMs, {
    writeEvents: (chunk) => void events.update(chunk),
  });
  return {
    eventRows: csv.eventRows,
    events: events.digest('hex'),
    summaryTiers: sha256(csv.summaryTiers),
    summaryEndToEnd: sha256(csv.summaryEndToEnd),
    timeSeries: sha256(csv.timeSeries),
  };
}

describe('every preset at seed 7 gives the bytes it gave before the restructure', () => {
  const update = process.env.UPDATE_GOLDEN === '1';
  const kept: Record<string, Digests> = update ? {} : JSON.parse(readFileSync(fixture, 'utf8'));

  it('keeps a digest for every preset, and none for a preset that is gone', () => {
    if (update) return;
    expect(Object.keys(kept).sort()).toEqual([...presetNames, tourName].sort());
  });

  it(`${tourName}: a command of every kind keeps its bytes`, { timeout: 120_000 }, () => {
    const now = digestsOf('distributed-failure', commandTour);
    if (update) {
      kept[tourName] = now;
      writeFileSync(fixture, `${JSON.stringify(kept, null, 2)}\n`);
      return;
    }
    expect(now).toEqual(kept[tourName]);
  });

  for (const name of presetNames) {
    it(`${name}: events, summary and time series are byte-identical`, { timeout: 120_000 }, () => {
      const now = digestsOf(name);
      if (update) {
        kept[name] = now;
        writeFileSync(fixture, `${JSON.stringify(kept, null, 2)}\n`);
        return;
      }
      expect(now).toEqual(kept[name]);
    });
  }
});
