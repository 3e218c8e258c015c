import { expect } from 'vitest';
import { createEngine } from '../../src/engine/createEngine';
import type { Engine } from '../../src/engine/engine';
import type { ExportRunOptions, RunCsv } from '../../src/engine/export/exportRun';
import { EngineHost } from '../../src/worker/engineHost';
import { engineParts } from '../../src/worker/engineParts';
import type { FrameMessage, FromWorker } from '../../src/worker/protocol';
import { createFakeEngine } from './fakeEngine';

/*
 * Hosts for the worker's tests: one over a fake engine with a fake wall clock, one over the real
 * engine, so that a seek is checked against what the run really was.
 */

/** One call the host made to exportRun, with its options. */
interface ExportCall {
  commands: number;
  untilMs: number;
  options: ExportRunOptions;
}

export function setup(
  options: {
    wallCostPerRunMs?: number;
    tickBudgetMs?: number;
    maxEventsPerFrame?: number;
    exportRun?: (untilMs: number, options: ExportRunOptions) => RunCsv;
  } = {},
) {
  const exportCalls: ExportCall[] = [];
  const clock = { wallMs: 0, wallCostPerRunMs: options.wallCostPerRunMs ?? 0 };
  const posted: FromWorker[] = [];
  const engines: ReturnType<typeof createFakeEngine>[] = [];
  const host = new EngineHost(
    {
      // The parsers and presets are the app's own; the engine and the exports are fakes.
      ...engineParts,
      createEngine: (scenario, engineOptions) => {
        // Like the real engine, its commandLog holds only the commands applied after creation.
        const engine = createFakeEngine(scenario, engineOptions, clock);
        engines.push(engine);
        return engine;
      },
      exportRun: (_scenario, commands, untilMs, exportOptions = {}) => {
        exportCalls.push({ commands: commands.length, untilMs, options: exportOptions });
        if (options.exportRun) return options.exportRun(untilMs, exportOptions);
        exportOptions.writeEvents?.('events\n');
        return {
          summaryTiers: `tiers until ${untilMs} with ${commands.length} commands\n`,
          summaryEndToEnd: `end to end until ${untilMs}\n`,
          timeSeries: 'series\n',
          events: '',
          eventRows: 1,
        };
      },
      post: (message) => posted.push(message),
      wallMs: () => clock.wallMs,
    },
    { tickBudgetMs: options.tickBudgetMs ?? 12, maxEventsPerFrame: options.maxEventsPerFrame ?? 1500 },
  );
  const frames = () => posted.filter((m): m is FrameMessage => m.type === 'frame');
  const lastFrame = () => frames()[frames().length - 1];
  /** Moves the wall clock on by one display frame and ticks, then acknowledges the frame. */
  const frame = (wallMs = 16) => {
    clock.wallMs += wallMs;
    host.tick();
    host.handle({ type: 'frame.ack' });
  };
  /** The file the host posted for a request, as text. */
  const exported = async (requestId: number) => {
    const message = posted.find((m) => m.type === 'exported' && m.requestId === requestId);
    if (!message || message.type !== 'exported') throw new Error(`no file for request ${requestId}`);
    return { ...message, text: await message.blob.text() };
  };
  return { host, posted, clock, engines, frames, lastFrame, frame, exportCalls, exported };
}

export const scenario = { version: 1 as const, seed: 42, durationMs: 10_000, bucketMs: 1000 };

/** A host over the real engine, so that a seek is checked against what the run really was. */
export function realSetup() {
  const clock = { wallMs: 0 };
  const posted: FromWorker[] = [];
  const engines: Engine[] = [];
  const host = new EngineHost({
    ...engineParts,
    createEngine: (s, options) => {
      // The fake wall clock moves with the work done: a wall millisecond per 50 simulated ones.
      const engine = createEngine(s, options);
      const runUntil = engine.runUntil.bind(engine);
      engine.runUntil = (timeMs) => {
        const from = engine.nowMs;
        runUntil(timeMs);
        clock.wallMs += (engine.nowMs - from) / 50;
      };
      engines.push(engine);
      return engine;
    },
    exportRun: () => ({ summaryTiers: '', summaryEndToEnd: '', timeSeries: '', events: '', eventRows: 0 }),
    post: (message) => posted.push(message),
    wallMs: () => clock.wallMs,
  });
  const frame = (wallMs: number) => {
    clock.wallMs += wallMs;
    host.tick();
    host.handle({ type: 'frame.ack' });
  };
  const frames = () => posted.filter((m): m is FrameMessage => m.type === 'frame');
  /** Ticks until the seek is done (each tick bounded by the wall-time budget). */
  const finishSeek = () => {
    for (let i = 0; i < 10_000 && host.mode === 'seeking'; i++) frame(16);
    expect(host.mode).toBe('paused');
  };
  return { host, posted, engines, frame, frames, finishSeek };
}
