import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/createEngine';
import { comparisonDocument } from '../../src/engine/experiments/comparisonSpec';
import type { VariantSpec } from '../../src/engine/experiments/planComparison';
import { exportComparison } from '../../src/engine/export/comparisonCsv';
import { exportRun } from '../../src/engine/export/exportRun';
import { summaryEndToEndCsv } from '../../src/engine/export/summaryEndToEndCsv';
import { summaryTiersCsv } from '../../src/engine/export/summaryTiersCsv';
import type { MetricsReport } from '../../src/engine/metrics/types';
import { loadPreset } from '../../src/engine/scenario/presets';
import { ComparisonHost } from '../../src/worker/comparisonHost';
import type { FromComparison } from '../../src/worker/comparisonProtocol';
import type { FrameMessage } from '../../src/worker/protocol';

const scenario = { ...loadPreset('flash-sale'), durationMs: 8_000 };
const specs: VariantSpec[] = [
  { name: 'LRU', changes: [] },
  {
    name: 'S3-FIFO, small',
    changes: [
      { path: 'tiers.distributed.eviction', value: 's3fifo' },
      { path: 'tiers.distributed.capacity', value: 50 },
    ],
  },
  { name: 'Two nodes', changes: [{ path: 'tiers.distributed.nodes', value: '2' }] },
];

/** The comparison host over the real engine, its wall clock moving a millisecond per 50 simulated ones. */
function setup() {
  const clock = { wallMs: 0 };
  const posted: FromComparison[] = [];
  const host = new ComparisonHost({
    createEngine: (s, options) => {
      const engine = createEngine(s, options);
      const runUntil = engine.runUntil.bind(engine);
      engine.runUntil = (timeMs) => {
        const from = engine.nowMs;
        runUntil(timeMs);
        clock.wallMs += (engine.nowMs - from) / 50;
      };
      return engine;
    },
    post: (message) => posted.push(message),
    wallMs: () => clock.wallMs,
  });
  const frame = () => {
    clock.wallMs += 16;
    host.tick();
    host.handle({ type: 'frame.ack' });
  };
  const frames = () =>
    posted.flatMap((m) => (m.type === 'compare.frame' ? [m.frames] : [])) as FrameMessage[][];
  const last = () => frames()[frames().length - 1];
  return { host, posted, frame, frames, last };
}

/** A variant's figures as its last frame carried them, as the summary CSVs read a report. */
const reportOf = (frame: FrameMessage): MetricsReport => ({ ...frame.metrics, series: [] });

describe('a comparison in its worker', () => {
  it('keeps every variant at one moment, and each is, byte for byte, its scenario run alone with the one log', async () => {
    const { host, posted, frame, frames, last } = setup();
    host.handle({ type: 'speed', speed: 20 });
    host.handle({ type: 'compare.open', document: comparisonDocument(scenario, specs, []) });
    const loaded = posted.find((m) => m.type === 'compare.loaded');
    if (loaded?.type !== 'compare.loaded') throw new Error('not loaded');
    expect(loaded.variants.map((v) => v.name)).toEqual(['LRU', 'S3-FIFO, small', 'Two nodes']);

    host.handle({ type: 'play' });
    while (last()[0].nowMs < 3_000) frame();
    // Mid-run, a fault goes to every variant at the moment they share.
    host.handle({ type: 'command', command: { type: 'node.fail', node: 1 } });
    for (let i = 0; i < 10_000 && host.mode !== 'paused'; i++) frame();

    for (const set of frames()) {
      expect(set).toHaveLength(3);
      expect(new Set(set.map((f) => f.nowMs)).size).toBe(1);
    }
    const commandsMessage = posted.filter((m) => m.type === 'commands').pop();
    if (commandsMessage?.type !== 'commands') throw new Error('no command log');
    const log = commandsMessage.commands;
    expect(log).toHaveLength(1);
    expect(log[0].atMs).toBeGreaterThanOrEqual(3_000);
    expect(log[0].atMs).toBeLessThan(scenario.durationMs);

    const end = last();
    expect(end.every((f) => f.finished && f.nowMs === scenario.durationMs)).toBe(true);
    for (const [i, variant] of loaded.variants.entries()) {
      const alone = exportRun(variant.scenario, log, scenario.durationMs, { events: false });
      expect(summaryTiersCsv(reportOf(end[i]))).toBe(alone.summaryTiers);
      expect(summaryEndToEndCsv(reportOf(end[i]))).toBe(alone.summaryEndToEnd);
    }
    // The variants differ: the comparison shows different things side by side.
    expect(summaryTiersCsv(reportOf(end[0]))).not.toBe(summaryTiersCsv(reportOf(end[1])));

    host.handle({ type: 'export', requestId: 7 });
    const file = posted.find((m) => m.type === 'compare.exported');
    if (file?.type !== 'compare.exported') throw new Error('no file');
    expect(file.atMs).toBe(scenario.durationMs);
    expect(file.summaryTiers).toBe(exportComparison(loaded.variants, log, scenario.durationMs).summaryTiers);
  });

  it("opens a link's comparison at its moment, every variant replayed there with the link's commands", () => {
    const { host, posted, frame, last } = setup();
    const commands = [{ atMs: 1_500, command: { type: 'database.slow' as const, factor: 5 } }];
    const text = JSON.stringify(comparisonDocument(scenario, specs.slice(0, 2), commands, 4_000));
    host.handle({ type: 'compare.open', text });
    for (let i = 0; i < 10_000 && host.mode !== 'paused'; i++) frame();
    const loaded = posted.find((m) => m.type === 'compare.loaded');
    if (loaded?.type !== 'compare.loaded') throw new Error('not loaded');
    const end = last();
    expect(end.map((f) => f.nowMs)).toEqual([4_000, 4_000]);
    for (const [i, variant] of loaded.variants.entries()) {
      expect(summaryTiersCsv(reportOf(end[i]))).toBe(
        exportRun(variant.scenario, commands, 4_000, { events: false }).summaryTiers,
      );
    }
  });

  it("keeps a press of Play made while a link's comparison is still replaying, and plays once it is there", () => {
    const { host, frame, last } = setup();
    const text = JSON.stringify(comparisonDocument(scenario, specs.slice(0, 2), [], 4_000));
    host.handle({ type: 'compare.open', text });
    expect(host.mode).toBe('seeking');
    host.handle({ type: 'play' });
    for (let i = 0; i < 10_000 && host.mode === 'seeking'; i++) frame();
    expect(host.mode).toBe('playing');
    frame();
    expect(last()[0].nowMs).toBeGreaterThan(4_000);
  });

  it('fails a node only the bigger variants have in those alone, and says which variant it skipped and why', () => {
    const { host, posted, frame, last } = setup();
    host.handle({ type: 'speed', speed: 20 });
    host.handle({ type: 'compare.open', document: comparisonDocument(scenario, specs, []) });
    host.handle({ type: 'play' });
    while (last()[0].nowMs < 2_000) frame();
    // Node 3 exists in the three-node variants, not in "Two nodes".
    host.handle({ type: 'command', command: { type: 'node.fail', node: 2 } });
    expect(posted.some((m) => m.type === 'error')).toBe(false);
    expect(posted.filter((m) => m.type === 'notice')).toEqual([
      {
        type: 'notice',
        message: 'Cache node 3 fails in “LRU”, “S3-FIFO, small” only: “Two nodes” has 2 cache nodes.',
      },
    ]);
    frame();
    const nodeState = (f: FrameMessage, id: string) => f.snapshot?.nodes.find((n) => n.id === id)?.state;
    const shown = posted.flatMap((m) =>
      m.type === 'compare.frame' && m.frames[0].snapshot ? [m.frames] : [],
    );
    const after = shown[shown.length - 1];
    expect(after.map((f) => nodeState(f, 'cache:2'))).toEqual(['down', 'down', undefined]);
    expect(after.map((f) => nodeState(f, 'cache:1'))).toEqual(['up', 'up', 'up']);

    // The one log holds the fault; each variant's replay (the CSVs) runs the part that reaches it.
    for (let i = 0; i < 10_000 && host.mode !== 'paused'; i++) frame();
    const log = posted.filter((m) => m.type === 'commands').pop();
    expect(log?.type === 'commands' && log.commands.map((c) => c.command)).toEqual([
      { type: 'node.fail', node: 2 },
    ]);
    const loaded = posted.find((m) => m.type === 'compare.loaded');
    if (loaded?.type !== 'compare.loaded' || log?.type !== 'commands') throw new Error('not loaded');
    const end = last();
    for (const [i, variant] of loaded.variants.entries()) {
      const alone = exportRun(variant.scenario, i < 2 ? log.commands : [], scenario.durationMs, {
        events: false,
      });
      expect(summaryTiersCsv(reportOf(end[i])), variant.name).toBe(alone.summaryTiers);
    }
    host.handle({ type: 'export', requestId: 3 });
    const file = posted.find((m) => m.type === 'compare.exported');
    expect(file?.type === 'compare.exported' && file.summaryTiers).toBe(
      exportComparison(loaded.variants, log.commands, scenario.durationMs).summaryTiers,
    );
  });

  it('refuses a node no variant has, for all of them, naming the variant with the most nodes', () => {
    const { host, posted } = setup();
    host.handle({ type: 'compare.open', document: comparisonDocument(scenario, specs, []) });
    host.handle({ type: 'command', command: { type: 'node.fail', node: 3 } });
    const error = posted.find((m) => m.type === 'error');
    expect(error).toMatchObject({ input: true });
    expect(error?.type === 'error' && error.message).toContain('variant "LRU" cannot apply it');
    expect(error?.type === 'error' && error.problems.join('\n')).toContain('got 3');
    expect(posted.some((m) => m.type === 'commands' || m.type === 'notice')).toBe(false);
  });

  it('says what is wrong with a damaged or invalid link, and keeps the comparison shown', () => {
    const { host, posted } = setup();
    host.handle({ type: 'compare.open', text: '{"scenario": ' });
    host.handle({
      type: 'compare.open',
      document: { ...comparisonDocument(scenario, specs, []), variants: [specs[0]] },
    });
    const errors = posted.filter((m) => m.type === 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ input: true });
    expect(errors[0].type === 'error' && errors[0].message).toContain('share link');
    expect(errors[1].type === 'error' && errors[1].message).toContain('2 to 4 variants, not 1');
    expect(posted.some((m) => m.type === 'compare.loaded')).toBe(false);
  });
});

describe('playing a comparison', () => {
  it('runs every variant to the end together, and a reset starts them all over with no commands', () => {
    const { host, posted, frame, last } = setup();
    host.handle({ type: 'compare.open', document: comparisonDocument(scenario, specs.slice(0, 2), []) });
    host.handle({ type: 'command', command: { type: 'database.fail' } });
    host.handle({ type: 'run.end' });
    for (let i = 0; i < 10_000 && host.mode !== 'paused'; i++) frame();
    expect(last().map((f) => [f.nowMs, f.finished])).toEqual([
      [scenario.durationMs, true],
      [scenario.durationMs, true],
    ]);
    host.handle({ type: 'reset' });
    const loads = posted.filter((m) => m.type === 'compare.loaded');
    expect(loads).toHaveLength(2);
    expect(loads[1].type === 'compare.loaded' && loads[1].commands).toEqual([]);
    expect(last().map((f) => f.nowMs)).toEqual([0, 0]);
  });
});
