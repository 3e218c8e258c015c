import { expect } from 'vitest';
import { createEngine } from '../../src/engine/createEngine';
import type { Engine } from '../../src/engine/engine';
import { parseRunDocument } from '../../src/engine/scenario/parseRunDocument';
import { parseCommands, parseJson, parseScenario } from '../../src/engine/scenario/parseScenario';
import { loadPreset } from '../../src/engine/scenario/presets';
import { EngineHost } from '../../src/worker/engineHost';
import type { FrameMessage, FromWorker } from '../../src/worker/protocol';

/** A host over the real engine, so that a seek is checked against what the run really was. */
/** The real validators and presets, as the worker gives them to its host. */
export const hostParsers = { parseScenario, parseCommands, parseJson, parseRunDocument, loadPreset };

export function realSetup() {
  const clock = { wallMs: 0 };
  const posted: FromWorker[] = [];
  const engines: Engine[] = [];
  const host = new EngineHost({
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
    ...hostParsers,
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
