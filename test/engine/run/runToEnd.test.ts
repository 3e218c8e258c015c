import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, type SimIo } from '../../../src/cli/simMain';
import type { SimEvent } from '../../../src/engine/events';
import { eventCsvHeader, eventCsvRow } from '../../../src/engine/export/eventsCsv';
import { exportRun } from '../../../src/engine/export/exportRun';
import { summaryEndToEndCsv } from '../../../src/engine/export/summaryEndToEndCsv';
import { summaryTiersCsv } from '../../../src/engine/export/summaryTiersCsv';
import { timeSeriesCsv } from '../../../src/engine/export/timeSeriesCsv';
import { runToEnd } from '../../../src/engine/run/runToEnd';
import type { TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { loadPreset } from '../../../src/engine/scenario/presets';
import { realSetup } from '../../worker/hostSetup';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digests exportRun gave on main before the run loop was rebuilt (see presetLogs.test.ts). */
const before: Record<
  string,
  { events: string; summaryTiers: string; summaryEndToEnd: string; timeSeries: string }
> = JSON.parse(readFileSync(new URL('../../fixtures/golden/presets-seed7.json', import.meta.url), 'utf8'));

/** A run's four CSV files, made from runToEnd and nothing else. */
function filesOf(preset: string, commands: TimedCommand[] = [], untilMs?: number) {
  const scenario = { ...loadPreset(preset), seed: 7 };
  const rows = [eventCsvHeader];
  const report = runToEnd(scenario, commands, {
    untilMs,
    onEvent: (event: SimEvent) => void rows.push(eventCsvRow(event)),
  }).metrics();
  return {
    events: rows.join(''),
    summaryTiers: summaryTiersCsv(report),
    summaryEndToEnd: summaryEndToEndCsv(report),
    timeSeries: timeSeriesCsv(report),
  };
}

/** The CLI with its files in memory. */
async function sim(argv: string[], files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '', files: { ...files } };
  const io: SimIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => out.files[path],
    writeFile: async (path, text) => void (out.files[path] = text),
  };
  const status = await main(argv, io);
  return { status, ...out };
}

const outputs = [
  '--events-csv',
  'e.csv',
  '--summary-tiers-csv',
  's.csv',
  '--summary-end-to-end-csv',
  'u.csv',
  '--timeseries-csv',
  't.csv',
];

describe('runToEnd: one way to play a run to its end or a moment', () => {
  // Its scenario schedules faults, so its commands run through the loop's order too.
  for (const preset of ['distributed-failure']) {
    it(
      `${preset}: gives the bytes exportRun gave before the loop was rebuilt, and the CLI's`,
      { timeout: 120_000 },
      async () => {
        const files = filesOf(preset);
        expect({
          events: sha256(files.events),
          summaryTiers: sha256(files.summaryTiers),
          summaryEndToEnd: sha256(files.summaryEndToEnd),
          timeSeries: sha256(files.timeSeries),
        }).toEqual({
          events: before[preset].events,
          summaryTiers: before[preset].summaryTiers,
          summaryEndToEnd: before[preset].summaryEndToEnd,
          timeSeries: before[preset].timeSeries,
        });
        const cli = await sim(['--scenario', `preset:${preset}`, '--seed', '7', ...outputs]);
        expect(cli.status, cli.stderr).toBe(0);
        expect(cli.files['e.csv']).toBe(files.events);
        expect(cli.files['s.csv']).toBe(files.summaryTiers);
        expect(cli.files['u.csv']).toBe(files.summaryEndToEnd);
        expect(cli.files['t.csv']).toBe(files.timeSeries);
      },
    );
  }

  it('to a moment with commands: the same bytes from exportRun and from the CLI run file', async () => {
    const commands: TimedCommand[] = [
      { atMs: 3_000, command: { type: 'node.fail', node: 0 } },
      { atMs: 3_000, command: { type: 'policies.set', changes: { stampede: 'coalesce' } } },
      { atMs: 9_500, command: { type: 'purge', tier: 'all', match: { kind: 'all' } } },
    ];
    const files = filesOf('basics', commands, 12_000);
    const scenario = { ...loadPreset('basics'), seed: 7 };
    const exported = exportRun(scenario, commands, 12_000);
    expect(exported.events).toBe(files.events);
    expect(exported.summaryTiers).toBe(files.summaryTiers);
    expect(exported.timeSeries).toBe(files.timeSeries);
    const run = JSON.stringify({ scenario, commands, atMs: 12_000 });
    const cli = await sim(['--scenario', 'run.json', ...outputs], { 'run.json': run });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.files['e.csv']).toBe(files.events);
    expect(cli.files['s.csv']).toBe(files.summaryTiers);
    expect(cli.files['u.csv']).toBe(files.summaryEndToEnd);
    expect(cli.files['t.csv']).toBe(files.timeSeries);
  });

  it("the worker's seek back to a moment equals a fresh run to that moment: totals and snapshot", () => {
    const { host, posted, engines, frame, finishSeek } = realSetup();
    const scenario = { ...loadPreset('distributed-failure'), durationMs: 60_000 };
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'speed', speed: 50 });
    host.handle({ type: 'play' });
    for (let i = 0; i < 8; i++) frame(16);
    host.handle({ type: 'command', command: { type: 'node.fail', node: 1 } });
    for (let i = 0; i < 8; i++) frame(16);
    const toMs = engines[0].nowMs;
    host.handle({ type: 'command', command: { type: 'workload.set', changes: { writeRatio: 0.3 } } });
    for (let i = 0; i < 8; i++) frame(16);
    host.handle({ type: 'command', command: { type: 'purge', tier: 'all', match: { kind: 'all' } } });
    for (let i = 0; i < 8; i++) frame(16);
    expect(engines[0].nowMs).toBeGreaterThan(toMs);

    // Seek back to the moment of the second command, keeping only the first.
    host.handle({ type: 'seek', toMs, commandCount: 1 });
    finishSeek();
    const seeked = posted.filter((m) => m.type === 'seeked');
    expect(seeked).toHaveLength(1);
    const kept = seeked[0].type === 'seeked' ? seeked[0].commands : [];
    expect(kept.map((c) => c.command.type)).toEqual(['node.fail']);
    const fresh = runToEnd(scenario, kept, { untilMs: toMs });
    const rewound = engines[engines.length - 1];
    expect(rewound.nowMs).toBe(toMs);
    expect(rewound.metrics().endToEnd).toEqual(fresh.metrics().endToEnd);
    expect(rewound.metrics().tiers).toEqual(fresh.metrics().tiers);
    expect(rewound.snapshot()).toEqual(fresh.snapshot());
    expect(rewound.metrics().endToEnd.requests).toBeGreaterThan(0);
  });
});
