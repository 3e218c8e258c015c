import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/createEngine';
import { parseRunDocument } from '../../src/engine/scenario/parseRunDocument';
import { parseJson } from '../../src/engine/input/jsonText';
import { parseCommands, parseScenario } from '../../src/engine/scenario/parseScenario';
import { loadPreset } from '../../src/engine/scenario/presets';
import type { Scenario } from '../../src/engine/scenario/schema';
import type { SimEvent } from '../../src/engine/events';
import { traceScenario } from '../../src/engine/workload/traceScenario';
import { EngineHost } from '../../src/worker/engineHost';
import { readTrace } from '../../src/worker/traceRun';
import type { FrameMessage, FromWorker } from '../../src/worker/protocol';
import { scenario, setup } from './hostSetup';

describe('engine host', () => {
  it('loads a scenario and posts it back validated with a first frame at time 0', () => {
    const { host, posted, lastFrame } = setup();
    host.handle({ type: 'load', scenario });
    expect(posted[0]).toMatchObject({ type: 'loaded', commands: [], preset: null });
    expect((posted[0] as { scenario: Scenario }).scenario.workload.clients).toBe(10);
    expect(lastFrame()).toMatchObject({ nowMs: 0, playing: false });
    expect(lastFrame().snapshot).toBeDefined();
  });

  it('loads a preset by name, and names the known presets when the name is wrong', () => {
    const { host, posted } = setup();
    host.handle({ type: 'load.preset', name: 'flash-sale' });
    expect(posted[0]).toMatchObject({
      type: 'loaded',
      preset: 'flash-sale',
      scenario: { name: 'Flash sale' },
    });
    host.handle({ type: 'load.preset', name: 'flash-sail' });
    const error = posted.find((m) => m.type === 'error') as { problems: string[] };
    expect(error.problems.join()).toMatch(/flash-sale/);
  });

  it('while playing advances simulated time by wall time times speed', () => {
    const { host, frame, lastFrame } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'play' });
    frame(16);
    expect(lastFrame().nowMs).toBeCloseTo(16);
    host.handle({ type: 'speed', speed: 10 });
    frame(16);
    expect(lastFrame().nowMs).toBeCloseTo(16 + 160);
    expect(lastFrame().playing).toBe(true);
  });

  it('clamps the speed to 0.1x..1000x', () => {
    const { host, frame, lastFrame } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'speed', speed: 1e6 });
    host.handle({ type: 'play' });
    frame(10);
    expect(lastFrame().nowMs).toBeCloseTo(10_000);
  });

  it('plays a speed that is not a number at 1x, as the playback controls do, rather than standing still', () => {
    const { host, frame, lastFrame } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'speed', speed: Number.NaN });
    host.handle({ type: 'play' });
    frame(16);
    expect(lastFrame().nowMs).toBeCloseTo(16);
  });

  it('stops simulating for the frame when the wall-time budget is spent, so the run lags instead of freezing', () => {
    const { host, frame, lastFrame, engines } = setup({ wallCostPerRunMs: 5, tickBudgetMs: 12 });
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'speed', speed: 1000 });
    host.handle({ type: 'play' });
    frame(16);
    // Three slices of 5 ms fit before the 12 ms budget is spent; 16 s of simulated time were asked for.
    expect(engines[0].runs).toBe(3);
    expect(lastFrame().nowMs).toBeLessThan(16_000);
  });

  it('measures the speed reached while playing, and says when it falls short of the speed asked', () => {
    const quick = setup();
    quick.host.handle({ type: 'load', scenario });
    quick.host.handle({ type: 'speed', speed: 10 });
    quick.host.handle({ type: 'play' });
    for (let i = 0; i < 40; i++) quick.frame(16);
    expect(quick.lastFrame().speedReached).toBeCloseTo(10);

    const slow = setup({ wallCostPerRunMs: 5, tickBudgetMs: 12 });
    slow.host.handle({ type: 'load', scenario: { ...scenario, durationMs: 600_000 } });
    slow.host.handle({ type: 'speed', speed: 1000 });
    slow.host.handle({ type: 'play' });
    for (let i = 0; i < 40; i++) slow.frame(16);
    const reached = slow.lastFrame().speedReached!;
    // Each 16 ms frame advanced far less than the 16 s asked: what it did advance is what is reported.
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(1000);
    expect(reached).toBeCloseTo(slow.lastFrame().nowMs / (40 * 16), -1);
    slow.host.handle({ type: 'pause' });
    expect(slow.lastFrame().speedReached).toBeUndefined();
  });

  it('fast-forwards to the end in bounded ticks and then stops', () => {
    const { host, frame, lastFrame, engines } = setup({ wallCostPerRunMs: 1 });
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'run.end' });
    let ticks = 0;
    while (host.running && ticks < 1000) {
      frame(0);
      ticks++;
    }
    expect(ticks).toBeGreaterThan(1);
    expect(lastFrame()).toMatchObject({ nowMs: 10_000, finished: true, playing: false });
    expect(engines[0].runs).toBeGreaterThan(ticks);
  });

  it('holds frames back while two are unread, and the events wait for the next frame', () => {
    const { host, clock, frames } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'frame.ack' });
    host.handle({ type: 'play' });
    for (let i = 0; i < 5; i++) {
      clock.wallMs += 20;
      host.tick();
    }
    expect(frames().length).toBe(3);
    host.handle({ type: 'frame.ack' });
    clock.wallMs += 20;
    host.tick();
    const last = frames()[frames().length - 1];
    expect(last.nowMs).toBeCloseTo(120);
    // Requests every 10 ms: those issued in the held-back frames arrive now.
    expect(last.events.filter((e) => e.type === 'request.issued').length).toBe(8);
  });

  it('steps one event while paused and sends a snapshot with it', () => {
    const { host, lastFrame } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'step.event' });
    expect(lastFrame().nowMs).toBe(10);
    expect(lastFrame().events.length).toBeGreaterThan(0);
    expect(lastFrame().snapshot).toBeDefined();
  });

  it('applies a valid command, reports the new command log, and rejects an invalid one with a message', () => {
    const { host, posted, engines } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'command', command: { type: 'node.fail', node: 1 } });
    expect(posted.find((m) => m.type === 'commands')).toEqual({
      type: 'commands',
      commands: [{ atMs: 0, command: { type: 'node.fail', node: 1 } }],
    });
    host.handle({ type: 'command', command: { type: 'database.slow', factor: -3 } });
    const error = posted.find((m) => m.type === 'error');
    expect(error).toMatchObject({ type: 'error', input: true });
    expect((error as { problems: string[] }).problems[0]).toMatch(/factor/);
    expect(engines[0].commandLog.length).toBe(1);
  });

  it('keeps the current run when a loaded scenario is invalid, and names the bad field', () => {
    const { host, posted, frame, lastFrame } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'play' });
    frame(16);
    host.handle({ type: 'load', scenario: { version: 1, durationMs: -5 } });
    const error = posted.find((m) => m.type === 'error') as { problems: string[]; input: boolean };
    expect(error.input).toBe(true);
    expect(error.problems.join()).toMatch(/durationMs/);
    frame(16);
    expect(lastFrame().nowMs).toBeCloseTo(32);
  });

  it('imports an exported run with its command log, and keeps the current run when the file is bad', () => {
    const { host, posted, engines } = setup();
    host.handle({ type: 'load', scenario });
    const run = {
      scenario: { ...scenario, seed: 7 },
      commands: [{ atMs: 5, command: { type: 'database.fail' } }],
    };
    host.handle({ type: 'import', text: JSON.stringify(run) });
    expect(engines.length).toBe(2);
    expect(engines[1].scenario.seed).toBe(7);
    expect([...posted].reverse().find((m) => m.type === 'loaded')).toMatchObject({ commands: run.commands });
    host.handle({ type: 'import', text: JSON.stringify({ scenario: { version: 2 } }) });
    expect(engines.length).toBe(2);
    expect(posted.filter((m) => m.type === 'error').length).toBe(1);
  });

  it('names where text that is not JSON came from: a file, or a share link', () => {
    const { host, posted } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'import', text: '{"scenario": ' });
    host.handle({ type: 'import', text: 'hello', source: 'share link' });
    const errors = posted.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message);
    expect(errors[0]).toMatch(/^The file is not valid JSON/);
    expect(errors[1]).toMatch(/^The share link is not valid JSON/);
  });

  it('keeps the commands a run was loaded with in the log it reports and exports after a live change', async () => {
    const { host, posted, frame, exported } = setup();
    const loadedWith = [{ atMs: 0, command: { type: 'database.slow' as const, factor: 2 } }];
    host.handle({ type: 'load', scenario, commands: loadedWith });
    host.handle({ type: 'play' });
    frame(40);
    host.handle({ type: 'command', command: { type: 'database.fail' } });
    const expected = [...loadedWith, { atMs: 40, command: { type: 'database.fail' } }];
    expect([...posted].reverse().find((m) => m.type === 'commands')).toEqual({
      type: 'commands',
      commands: expected,
    });
    host.handle({ type: 'export', requestId: 1, file: 'run' });
    expect(JSON.parse((await exported(1)).text).commands).toEqual(expected);
  });

  it('resets to time 0 with an empty command log', () => {
    const { host, frame, lastFrame, engines } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'command', command: { type: 'database.fail' } });
    host.handle({ type: 'play' });
    frame(100);
    host.handle({ type: 'reset' });
    expect(lastFrame()).toMatchObject({ nowMs: 0, playing: false });
    expect(engines[1].commandLog).toEqual([]);
  });

  it('sends only the series rows from the bucket in progress onwards', () => {
    const { host, frame, lastFrame } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'speed', speed: 100 });
    host.handle({ type: 'play' });
    frame(25); // to 2500 ms: buckets 0, 1000, 2000
    expect(lastFrame().metrics.series.map((r) => r.startMs)).toEqual([0, 1000, 2000]);
    frame(10); // to 3500 ms
    expect(lastFrame().metrics.seriesFromMs).toBe(2000);
    expect(lastFrame().metrics.series.map((r) => r.startMs)).toEqual([2000, 3000]);
  });

  it('exports the CSVs of the run so far and the scenario with its command log and moment', async () => {
    const { host, frame, exported } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'command', command: { type: 'purge', tier: 'all', match: { kind: 'all' } } });
    host.handle({ type: 'play' });
    frame(50);
    host.handle({ type: 'export', requestId: 7, file: 'summary-tiers' });
    expect(await exported(7)).toMatchObject({
      file: 'summary-tiers',
      text: 'tiers until 50 with 1 commands\n',
      atMs: 50,
    });
    host.handle({ type: 'export', requestId: 9, file: 'summary-end-to-end' });
    expect(await exported(9)).toMatchObject({ file: 'summary-end-to-end', text: 'end to end until 50\n' });
    host.handle({ type: 'export', requestId: 8, file: 'run' });
    const json = JSON.parse((await exported(8)).text);
    expect(json.scenario.seed).toBe(42);
    expect(json.atMs).toBe(50);
    expect(json.commands).toEqual([
      { atMs: 0, command: { type: 'purge', tier: 'all', match: { kind: 'all' } } },
    ]);
    // The run file opens again as it was.
    expect(parseRunDocument(json).commands).toEqual(json.commands);
  });

  it('makes the summary and the time series from one replay that formats no event', async () => {
    const { host, frame, exported, exportCalls } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'play' });
    frame(50);
    host.handle({ type: 'export', requestId: 1, file: 'summary-tiers' });
    host.handle({ type: 'export', requestId: 2, file: 'timeseries' });
    host.handle({ type: 'export', requestId: 4, file: 'summary-end-to-end' });
    expect((await exported(2)).text).toBe('series\n');
    expect(exportCalls).toEqual([{ commands: 0, untilMs: 50, options: { events: false } }]);
    // A later moment is another replay.
    frame(16);
    host.handle({ type: 'export', requestId: 3, file: 'summary-tiers' });
    expect(exportCalls.map((c) => c.untilMs)).toEqual([50, 66]);
  });

  it('streams the event log into a Blob and makes only the time window asked for', async () => {
    const { host, frame, exported, exportCalls } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'speed', speed: 100 });
    host.handle({ type: 'play' });
    frame(50); // to 5000 ms
    host.handle({ type: 'export', requestId: 1, file: 'events' });
    expect(await exported(1)).toMatchObject({ file: 'events', text: 'events\n', atMs: 5000, rows: 1 });
    host.handle({ type: 'export', requestId: 2, file: 'events', window: { fromMs: 1000, toMs: 2500 } });
    expect(await exported(2)).toMatchObject({ atMs: 2500 });
    expect(exportCalls[1]).toMatchObject({ untilMs: 2500, options: { eventsFromMs: 1000 } });
    expect(exportCalls[1].options.events).toBeUndefined();
  });

  it('answers an export that fails with what happened and what to do, and keeps the run', () => {
    const { host, posted, frame, engines } = setup({
      exportRun: () => {
        throw new RangeError('Invalid string length');
      },
    });
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'play' });
    frame(50);
    host.handle({ type: 'export', requestId: 4, file: 'events' });
    host.handle({ type: 'export', requestId: 5, file: 'summary-tiers' });
    const failures = posted.filter((m) => m.type === 'export.failed');
    expect(failures.map((m) => m.requestId)).toEqual([4, 5]);
    expect(failures[0].message).toMatch(/^The events CSV could not be made: the browser ran out of memory/);
    expect(failures[0].message).toContain('Export a shorter time window');
    expect(failures[1].message).toMatch(/^The summary CSV per tier could not be made/);
    expect(posted.some((m) => m.type === 'error')).toBe(false);
    expect(engines.length).toBe(1);
    expect(host.mode).toBe('playing');
  });

  it('says how many rows of the event log it has made while it makes a long one', async () => {
    const { host, posted, exported } = setup({
      exportRun: (_untilMs, options) => {
        options.writeEvents?.('header\n');
        for (let i = 0; i < 1_200_000; i++) options.writeEvents?.('r\n');
        return { summaryTiers: '', summaryEndToEnd: '', timeSeries: '', events: '', eventRows: 1_200_000 };
      },
    });
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'export', requestId: 3, file: 'events' });
    const progress = posted.filter((m) => m.type === 'export.progress');
    expect(progress).toEqual([
      { type: 'export.progress', requestId: 3, rows: 500_000 },
      { type: 'export.progress', requestId: 3, rows: 1_000_000 },
    ]);
    expect((await exported(3)).blob.size).toBe(7 + 2 * 1_200_000);
  });

  it('refuses an empty time window in words', () => {
    const { host, posted } = setup();
    host.handle({ type: 'load', scenario });
    host.handle({ type: 'export', requestId: 1, file: 'events', window: { fromMs: 10, toMs: 0 } });
    expect(posted.find((m) => m.type === 'export.failed')).toMatchObject({
      message: expect.stringContaining('The time window is empty'),
    });
  });
});

describe('engine host event counts', () => {
  it('counts every event of the run per bucket, animated or dropped, and starts over on a seek', () => {
    const posted: FromWorker[] = [];
    const clock = { wallMs: 0 };
    // A tiny engine buffer and few events per frame, so that most events are dropped or sampled away.
    const host = new EngineHost(
      {
        createEngine: (s, options) => createEngine(s, { ...options, eventBufferSize: 50 }),
        parseScenario,
        parseCommands,
        parseJson,
        parseRunDocument,
        loadPreset,
        readTrace,
        traceScenario,
        exportRun: () => ({
          summaryTiers: '',
          summaryEndToEnd: '',
          timeSeries: '',
          events: '',
          eventRows: 0,
        }),
        post: (message) => posted.push(message),
        wallMs: () => clock.wallMs,
      },
      { maxEventsPerFrame: 20 },
    );
    const run = { ...scenario, durationMs: 4000, workload: { ratePerSecond: 500 } };
    host.handle({ type: 'load', scenario: run });
    host.handle({ type: 'run.end' });
    for (let i = 0; i < 1000 && host.mode === 'fastForward'; i++) {
      clock.wallMs += 16;
      host.tick();
      host.handle({ type: 'frame.ack' });
    }
    host.handle({ type: 'events.estimate', requestId: 1 });
    const estimate = posted.find((m) => m.type === 'events.estimated');
    if (estimate?.type !== 'events.estimated') throw new Error('no estimate');
    const all: SimEvent[] = [];
    const reference = createEngine(parseScenario(run), { recordEvents: false, onEvent: (e) => all.push(e) });
    reference.runUntil(4000);
    const total = estimate.counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(all.length);
    const frames = posted.filter((m): m is FrameMessage => m.type === 'frame');
    expect(frames[frames.length - 1].eventsTotal).toBe(all.length);
    expect(estimate).toMatchObject({ atMs: 4000, bucketMs: 1000 });
    expect(estimate.counts.length).toBeGreaterThanOrEqual(4);
    expect(estimate.bytesPerRow).toBeGreaterThan(30);
    host.handle({ type: 'seek', toMs: 1000 });
    for (let i = 0; i < 1000 && host.mode === 'seeking'; i++) {
      clock.wallMs += 16;
      host.tick();
    }
    host.handle({ type: 'events.estimate', requestId: 2 });
    const again = [...posted].reverse().find((m) => m.type === 'events.estimated');
    if (again?.type !== 'events.estimated') throw new Error('no estimate');
    const before = all.filter((e) => e.t <= 1000).length;
    expect(again.counts.reduce((a, b) => a + b, 0)).toBe(before);
  });
});
