// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import course from 'virtual:cachescope-lessons';
import { createEngine } from '../../../src/engine/createEngine';
import type { Engine } from '../../../src/engine/engine';
import type { Command, TimedCommand } from '../../../src/engine/scenario/commandSchema';
import { LessonProgress, type ProgressStorage } from '../../../src/state/lessonProgress.svelte';
import { SimStore } from '../../../src/state/simStore.svelte';
import LessonPanel from '../../../src/ui/lessons/LessonPanel.svelte';

function memoryStorage(): ProgressStorage & { value: string | null } {
  return {
    value: null,
    getItem() {
      return this.value;
    },
    setItem(_key: string, value: string) {
      this.value = value;
    },
  };
}

/** The app as the panel sees it, with a real engine standing in for the worker. */
function fakeApp() {
  const sim = new SimStore();
  let engine: Engine | null = null;
  /** The commands the engine was created with (its own log holds only those applied since). */
  let loadedWith: TimedCommand[] = [];
  const commandLog = () => [...loadedWith, ...engine!.commandLog];
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
  const app = {
    sim,
    rewinding: false,
    get settings() {
      return engine ? engine.settings() : null;
    },
    playingAtSpeed: true,
    pause: vi.fn(),
    importText: vi.fn((text: string) => {
      const { scenario, commands } = JSON.parse(text);
      loadedWith = commands;
      engine = createEngine(scenario, { recordEvents: false, commands });
      sim.receive({ type: 'loaded', scenario, commands, preset: null });
    }),
    apply: vi.fn((command: Command) => {
      engine!.apply(command);
      sim.receive({ type: 'commands', commands: commandLog() });
    }),
    play: vi.fn(),
    /** Rewinds as the worker does: a new engine from the scenario and the commands kept, run to toMs. */
    seek: vi.fn(async (toMs: number, commandCount: number) => {
      loadedWith = commandLog()
        .filter((c) => c.atMs <= toMs)
        .slice(0, commandCount);
      engine = createEngine(engine!.scenario, { recordEvents: false, commands: loadedWith });
      engine.runUntil(toMs);
      sim.receive({ type: 'seeked', nowMs: toMs, commands: loadedWith });
      await sendFrame(false);
    }),
  };
  /** Runs the engine to `ms` and hands the UI one frame of its metrics. */
  const runTo = async (ms: number) => {
    engine!.runUntil(ms);
    await sendFrame(true);
  };
  return { app, runTo };
}

const checks = () => screen.getAllByTestId('goal-check');

describe('LessonPanel', () => {
  it('lists every lesson with its progress', () => {
    render(LessonPanel, { app: fakeApp().app, progress: new LessonProgress(memoryStorage()) });
    const list = screen.getByRole('navigation', { name: 'Lessons' });
    expect(within(list).getAllByRole('button')).toHaveLength(course.length);
    expect(screen.getByTestId('lesson-status-01-hits-and-misses').textContent).toBe('Not started');
  });

  it('runs lesson 1: loads its scenario, asks, ticks the goal from the run metrics, moves on, shows and saves', async () => {
    const { app, runTo } = fakeApp();
    const storage = memoryStorage();
    render(LessonPanel, { app, progress: new LessonProgress(storage) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    expect(app.importText).toHaveBeenCalledOnce();
    expect(screen.getByTestId('lesson-step').textContent).toBe('Step 1 of 3');
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));

    // The prediction: answer, then see why.
    await fireEvent.click(screen.getByRole('button', { name: 'Well over 80%' }));
    expect(screen.getByRole('status').textContent).toMatch(/Right\. Each item misses once/);

    // The goal is unmet until the run has gone far enough, then ticks by itself.
    const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    await runTo(3000);
    expect(checks()[0].dataset.met).toBe('false');
    expect(next.disabled).toBe(true);
    await runTo(10000);
    expect(checks()[0].dataset.met).toBe('true');
    expect(next.disabled).toBe(false);

    await fireEvent.click(next);
    expect(screen.getByTestId('lesson-step').textContent).toBe('Step 2 of 3');
    expect(checks().every((c) => c.dataset.met === 'false')).toBe(true);

    // Show me applies the solution through the app, as the controls do, and plays.
    await fireEvent.click(screen.getByRole('button', { name: 'Show me' }));
    expect(app.apply).toHaveBeenCalledWith({
      type: 'tier.configure',
      tier: 'distributed',
      changes: { enabled: false },
    });
    expect(app.play).toHaveBeenCalled();
    await runTo(15000);
    expect(checks().every((c) => c.dataset.met === 'true')).toBe(true);

    const saved = JSON.parse(storage.value!).lessons['01-hits-and-misses'];
    expect(saved).toMatchObject({ step: 1, completed: [0, 1], finished: false });
  });

  it('reset step puts the run back where the step began, measures the goal from there again, and show me still works', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await runTo(10000);
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const atStepStart = app.sim.metrics;

    // The student turns the cache off and lets the run go on until the goal is met.
    await fireEvent.click(screen.getByRole('button', { name: 'Show me' }));
    await runTo(15000);
    expect(checks().every((c) => c.dataset.met === 'true')).toBe(true);
    expect(app.sim.commands).toHaveLength(1);

    await fireEvent.click(screen.getByRole('button', { name: 'Reset step' }));
    await tick();
    expect(app.seek).toHaveBeenCalledWith(10000, 0);
    // The run is as it was when the step began: same time, same figures, the change undone.
    expect(app.sim.nowMs).toBe(10000);
    expect(app.sim.metrics).toEqual(atStepStart);
    expect(app.sim.commands).toEqual([]);
    expect(checks().every((c) => c.dataset.met === 'false')).toBe(true);

    // Show me again: the same change, now at the step's start, meets the goal again.
    const showMe = screen.getByRole('button', { name: 'Show me' }) as HTMLButtonElement;
    expect(showMe.disabled).toBe(false);
    await fireEvent.click(showMe);
    expect(app.sim.commands).toEqual([
      { atMs: 10000, command: { type: 'tier.configure', tier: 'distributed', changes: { enabled: false } } },
    ]);
    await runTo(12000);
    expect(checks().some((c) => c.dataset.met === 'false')).toBe(true);
    await runTo(15000);
    expect(checks().every((c) => c.dataset.met === 'true')).toBe(true);
  });

  it('pauses a run playing at its speed the moment the goal is met, and not a run fast-forwarding', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await runTo(3000);
    expect(app.pause).not.toHaveBeenCalled();
    await runTo(10000);
    expect(checks()[0].dataset.met).toBe('true');
    expect(app.pause).toHaveBeenCalledOnce();

    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    app.playingAtSpeed = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Show me' }));
    await runTo(15000);
    expect(checks().every((c) => c.dataset.met === 'true')).toBe(true);
    expect(app.pause).toHaveBeenCalledOnce();
  });

  it('begins a step on a fresh run, and says so, when the run has too little time left for it', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next' })); // disabled: nothing happens
    // The student lets the whole 30 s run go by in step 1; step 2 needs 5 s of run.
    await runTo(30000);
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', false);
    expect(app.importText).toHaveBeenCalledOnce();
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('lesson-step').textContent).toBe('Step 2 of 3');
    expect(app.importText).toHaveBeenCalledTimes(2);
    expect(app.sim.nowMs).toBe(0);
    expect(screen.getByText(/The run had 0 s left and this step needs about 5 s, so it starts on a fresh run from 0:00/)).toBeTruthy();

    // The step works on the fresh run: show me, and the goal is met within the step's time.
    await fireEvent.click(screen.getByRole('button', { name: 'Show me' }));
    await runTo(5000);
    expect(checks().every((c) => c.dataset.met === 'true')).toBe(true);
    // On to step 3 with 25 s left, enough: the run goes on, with no notice.
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(app.importText).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/fresh run/)).toBeNull();
  });

  it('tells the student when the run ends before the goal is met', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await runTo(20000);
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    // The student never turns the cache off, and the run ends.
    await runTo(30000);
    expect(checks().some((c) => c.dataset.met === 'false')).toBe(true);
    expect(screen.getByText(/The run has reached its end before this goal\. Reset step/)).toBeTruthy();
  });

  it('reopens a lesson where the saved progress left it, with the earlier solutions applied', async () => {
    const storage = memoryStorage();
    new LessonProgress(storage).save('01-hits-and-misses', {
      step: 2,
      completed: [0, 1],
      finished: false,
      answers: {},
    });
    const { app } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(storage) });
    expect(screen.getByTestId('lesson-status-01-hits-and-misses').textContent).toBe('2 of 3 steps');
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    expect(screen.getByTestId('lesson-step').textContent).toBe('Step 3 of 3');
    const loaded = JSON.parse(app.importText.mock.calls[0][0]);
    expect(loaded.commands).toEqual([
      { atMs: 0, command: { type: 'tier.configure', tier: 'distributed', changes: { enabled: false } } },
    ]);
  });

  it('opens a finished lesson as a sandbox', async () => {
    const storage = memoryStorage();
    new LessonProgress(storage).save('02-ttl-freshness', {
      step: 2,
      completed: [0, 1, 2],
      finished: true,
      answers: {},
    });
    render(LessonPanel, { app: fakeApp().app, progress: new LessonProgress(storage) });
    expect(screen.getByTestId('lesson-status-02-ttl-freshness').textContent).toBe('Done');
    await fireEvent.click(screen.getByRole('button', { name: /2\. TTL/ }));
    expect(screen.getByRole('region', { name: 'Sandbox' })).toBeTruthy();
  });
});
