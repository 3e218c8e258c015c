// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import course from 'virtual:cachescope-lessons';
import { createEngine } from '../../../src/engine/createEngine';
import type { Engine } from '../../../src/engine/engine';
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
  const app = {
    sim,
    importText: vi.fn((text: string) => {
      const { scenario } = JSON.parse(text);
      engine = createEngine(scenario, { recordEvents: false });
      sim.receive({ type: 'loaded', scenario, commands: [], preset: null });
    }),
    apply: vi.fn((command) => engine!.apply(command)),
    play: vi.fn(),
  };
  /** Runs the engine to `ms` and hands the UI one frame of its metrics, as the worker does. */
  const runTo = async (ms: number) => {
    engine!.runUntil(ms);
    const { series, ...rest } = engine!.metrics();
    sim.receive({
      type: 'frame',
      nowMs: ms,
      durationMs: engine!.scenario.durationMs,
      playing: true,
      finished: false,
      events: [],
      dropped: 0,
      metrics: { ...rest, seriesFromMs: 0, series },
    });
    await tick();
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
