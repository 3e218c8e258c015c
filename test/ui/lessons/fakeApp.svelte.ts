import { tick } from 'svelte';
import { vi } from 'vitest';
import { createEngine } from '../../../src/engine/createEngine';
import type { Engine } from '../../../src/engine/engine';
import type { Command, TimedCommand } from '../../../src/engine/scenario/commandSchema';
import type { ProgressStorage } from '../../../src/state/lessonProgress.svelte';
import { SimStore } from '../../../src/state/simStore.svelte';

export function memoryStorage(initial: string | null = null): ProgressStorage & { value: string | null } {
  return {
    value: initial,
    getItem() {
      return this.value;
    },
    setItem(_key: string, value: string) {
      this.value = value;
    },
  };
}

/** What the fake does with loads and seeks: at once, as before, or held until `settle()`, as the worker does. */
class FakeFlags {
  rewinding = $state(false);
  playingAtSpeed = $state(true);
}

/**
 * The app as the lesson panel sees it, with a real engine standing in for the worker. With
 * `{ deferred: true }`, a load or a seek is answered only when the test calls `settle()`, and until
 * then the old run stays on screen with `rewinding` set, as in the browser.
 */
export function fakeApp({ deferred = false }: { deferred?: boolean } = {}) {
  const sim = new SimStore();
  const flags = new FakeFlags();
  let engine: Engine | null = null;
  /** The commands the engine was created with (its own log holds only those applied since). */
  let loadedWith: TimedCommand[] = [];
  const commandLog = () => [...loadedWith, ...engine!.commandLog].sort((a, b) => a.atMs - b.atMs);
  let held: (() => void)[] = [];
  /** Hands the UI one frame of the engine's metrics, as the worker does. */
  const sendFrame = async (playing: boolean) => {
    const { series, ...rest } = engine!.metrics();
    sim.receive({
      type: 'frame',
      nowMs: engine!.nowMs,
      durationMs: engine!.scenario.durationMs,
      playing,
      finished: engine!.nowMs >= engine!.scenario.durationMs,
      events: [],
      dropped: 0,
      metrics: { ...rest, seriesFromMs: 0, series },
    });
    await tick();
  };
  const later = (work: () => void) => {
    if (!deferred) return work();
    flags.rewinding = true;
    held.push(work);
  };
  const app = {
    sim,
    get rewinding() {
      return flags.rewinding;
    },
    get settings() {
      return engine ? engine.settings() : null;
    },
    get playingAtSpeed() {
      return flags.playingAtSpeed;
    },
    set playingAtSpeed(value: boolean) {
      flags.playingAtSpeed = value;
    },
    pause: vi.fn(),
    importText: vi.fn((text: string) =>
      later(() => {
        const { scenario, commands } = JSON.parse(text);
        loadedWith = commands;
        engine = createEngine(scenario, { recordEvents: false, commands });
        sim.receive({ type: 'loaded', scenario, commands, preset: null });
        void sendFrame(false);
      }),
    ),
    apply: vi.fn((command: Command) => {
      engine!.apply(command);
      sim.receive({ type: 'commands', commands: commandLog() });
    }),
    play: vi.fn(),
    /** Rewinds as the worker does: a new engine from the scenario and the commands kept, run to toMs. */
    seek: vi.fn((toMs: number, commandCount: number) =>
      later(() => {
        loadedWith = commandLog()
          .filter((c) => c.atMs <= toMs)
          .slice(0, commandCount);
        engine = createEngine(engine!.scenario, { recordEvents: false, commands: loadedWith });
        engine.runUntil(toMs);
        sim.receive({ type: 'seeked', nowMs: toMs, commands: loadedWith });
        void sendFrame(false);
      }),
    ),
  };
  /** Runs the engine to `ms` and hands the UI one frame of its metrics. */
  const runTo = async (ms: number, playing = true) => {
    engine!.runUntil(ms);
    await sendFrame(playing);
  };
  /** Answers the loads and seeks held so far, in order, as the worker would. */
  const settle = async () => {
    while (held.length > 0) {
      const work = held;
      held = [];
      for (const job of work) job();
      flags.rewinding = held.length > 0;
      await tick();
      await tick();
    }
    flags.rewinding = false;
    await tick();
  };
  return { app, runTo, settle };
}
