// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import course from 'virtual:cachescope-lessons';
import { LessonProgress } from '../../../src/state/lessonProgress.svelte';
import LessonPanel from '../../../src/ui/lessons/LessonPanel.svelte';
import { fakeApp, memoryStorage } from './fakeApp.svelte';

const checks = () => screen.getAllByTestId('goal-check');

describe('LessonPanel', () => {
  it('lists every lesson with its progress', () => {
    render(LessonPanel, { app: fakeApp().app, progress: new LessonProgress(memoryStorage()) });
    const list = screen.getByRole('navigation', { name: 'Lessons' });
    expect(within(list).getAllByRole('button')).toHaveLength(course.length);
    expect(screen.getByTestId('lesson-status-01-hits-and-misses').textContent).toBe('Not started');
  });

  it('says so above the list when saved progress from an older version was ignored, and lists it as not started', () => {
    const old = JSON.stringify({
      version: 1,
      lessons: { '01-hits-and-misses': { step: 1, completed: [0] } },
    });
    render(LessonPanel, { app: fakeApp().app, progress: new LessonProgress(memoryStorage(old)) });
    expect(screen.getByRole('status').textContent).toMatch(/from another version of Cachescope was ignored/);
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

    // The prediction: the goal's figures wait for the answer, and the answer waits for the run.
    expect(checks()[0].textContent).not.toMatch(/\d+%/);
    await fireEvent.click(screen.getByRole('button', { name: 'Well over 80%' }));
    expect(checks()[0].textContent).toMatch(/hit ratio above \d+%/);
    const feedback = () => screen.getByTestId('prediction-feedback').textContent;
    expect(feedback()).toMatch(/You predicted: Well over 80%/);
    expect(feedback()).not.toMatch(/Right/);

    // The goal is unmet until the run has gone far enough, then ticks by itself.
    const next = screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    await runTo(3000);
    expect(checks()[0].dataset.met).toBe('false');
    expect(next.disabled).toBe(true);
    expect(feedback()).not.toMatch(/Right/);
    await runTo(10000);
    expect(checks()[0].dataset.met).toBe('true');
    expect(next.disabled).toBe(false);
    // Now the answer, beside what was measured.
    // Over the span the goal reads, not the run's totals since its start.
    expect(feedback()).toMatch(
      /You predicted: Well over 80%; measured: \d+(\.\d)?% tier hit ratio over the last 5 s\./,
    );
    expect(feedback()).toMatch(/Right\. Each item misses once/);

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
    expect(saved).toMatchObject({ step: 1, finished: false, answers: { 0: 2 } });
    // The attempt: where each step began, where each goal was first met, and the moment now.
    expect(saved.attempt.starts.map((m: { atMs: number }) => m.atMs)).toEqual([0, 10000]);
    expect(saved.attempt.reached).toEqual([
      { atMs: 10000, commands: 0 },
      { atMs: 15000, commands: 1 },
    ]);
    expect(saved.attempt.at).toEqual({ atMs: 15000, commands: 1 });
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
    expect(
      screen.getByText(
        /The run had 0 s left and this step needs about 5 s, so it starts on a fresh run from 0:00/,
      ),
    ).toBeTruthy();

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
      finished: false,
      answers: {},
      attempt: null,
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
      finished: true,
      answers: {},
      attempt: null,
    });
    render(LessonPanel, { app: fakeApp().app, progress: new LessonProgress(storage) });
    expect(screen.getByTestId('lesson-status-02-ttl-freshness').textContent).toBe('Done');
    await fireEvent.click(screen.getByRole('button', { name: /2\. TTL/ }));
    expect(screen.getByRole('region', { name: 'Sandbox' })).toBeTruthy();
  });
});

const lesson = (id: string) => course.find((l) => l.id.startsWith(id))!;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const goalReachedShown = () => screen.queryByText(/Goal reached/) !== null;

/** Runs the fake in half-second frames until every check has ticked (or `limitMs` is reached). */
async function runUntilMet(
  app: ReturnType<typeof fakeApp>['app'],
  runTo: (ms: number) => Promise<void>,
  limitMs: number,
) {
  while (app.sim.nowMs < limitMs) {
    await runTo(app.sim.nowMs + 500);
    if (checks().every((c) => c.dataset.met === 'true')) return app.sim.nowMs;
  }
  throw new Error(`the goal was not met by ${limitMs} ms`);
}

describe('LessonPanel: an attempt is a run', () => {
  it('after Reset step on a reached step, neither says "Goal reached" nor opens Next', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await runUntilMet(app, runTo, 30000);
    expect(goalReachedShown()).toBe(true);
    await fireEvent.click(button('Reset step'));
    await tick();
    expect(app.sim.nowMs).toBe(0);
    expect(checks().every((c) => c.dataset.met === 'false')).toBe(true);
    expect(goalReachedShown()).toBe(false);
    expect(button('Next').disabled).toBe(true);
  });

  it('when a reached goal no longer holds, says when it was met instead of "Goal reached"', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await runUntilMet(app, runTo, 30000);
    await fireEvent.click(button('Next'));
    await fireEvent.click(button('Show me'));
    const metAt = await runUntilMet(app, runTo, 30000);
    // The student turns the cache back on: the goal of step 2 (cache off) no longer holds.
    app.apply({ type: 'tier.configure', tier: 'distributed', changes: { enabled: true } });
    await runTo(Math.min(30000, metAt + 8000));
    expect(checks().some((c) => c.dataset.met === 'false')).toBe(true);
    expect(goalReachedShown()).toBe(false);
    expect(screen.getByText(/The goal was met at 0:\d\d\.\d{3} and no longer holds now/)).toBeTruthy();
    expect(button('Next').disabled).toBe(false);
  });

  it('Back restores the step before as it began: clock, totals and settings (lesson 2)', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /2\. TTL/ }));
    const steps = lesson('02').steps.length;
    await runUntilMet(app, runTo, 40000);
    const starts: { ms: number; requests: number; commands: number }[] = [
      { ms: 0, requests: 0, commands: 0 },
    ];
    for (let i = 1; i < steps; i++) {
      await fireEvent.click(button('Next'));
      starts.push({
        ms: app.sim.nowMs,
        requests: app.sim.endToEnd!.requests,
        commands: app.sim.commands.length,
      });
      await fireEvent.click(button('Show me'));
      await runUntilMet(app, runTo, 40000);
    }
    for (let i = steps - 2; i >= 0; i--) {
      await fireEvent.click(button('Back'));
      await tick();
      expect(screen.getByTestId('lesson-step').textContent).toBe(`Step ${i + 1} of ${steps}`);
      expect(app.sim.nowMs).toBe(starts[i].ms);
      expect(app.sim.endToEnd?.requests ?? 0).toBe(starts[i].requests);
      expect(app.sim.commands).toHaveLength(starts[i].commands);
      expect(checks().every((c) => c.dataset.met === 'false')).toBe(true);
      expect(goalReachedShown()).toBe(false);
    }
  });

  it('opening another lesson after reaching a step of the first does not open its Next (lesson 1, then 13)', async () => {
    const { app, runTo, settle } = fakeApp({ deferred: true });
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await settle();
    await runUntilMet(app, runTo, 30000);
    await fireEvent.click(screen.getByRole('button', { name: '← All lessons' }));
    await fireEvent.click(screen.getByRole('button', { name: /13\. / }));
    // The run on screen is still lesson 1's until lesson 13's has loaded.
    expect(goalReachedShown()).toBe(false);
    expect(button('Next').disabled).toBe(true);
    await settle();
    expect(app.sim.nowMs).toBe(0);
    expect(checks().every((c) => c.dataset.met === 'false')).toBe(true);
    expect(button('Next').disabled).toBe(true);
    await fireEvent.click(button('Next'));
    expect(screen.getByTestId('lesson-step').textContent).toMatch(/^Step 1 of/);
  });

  it('Next after the run has ended goes on from where the goal was met, with the earlier steps done (lesson 13)', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /13\. / }));
    const { steps, scenario } = lesson('13');
    await runUntilMet(app, runTo, scenario.durationMs);
    await fireEvent.click(button('Next'));
    await fireEvent.click(button('Show me'));
    const metAt = await runUntilMet(app, runTo, scenario.durationMs);
    const commandsThen = app.sim.commands.length;
    expect(commandsThen).toBe(steps[1].solution.length);
    // The student lets the run go on to its end.
    await runTo(scenario.durationMs);
    app.importText.mockClear();
    await fireEvent.click(button('Next'));
    await tick();
    expect(screen.getByTestId('lesson-step').textContent).toBe(`Step 3 of ${steps.length}`);
    expect(app.importText).not.toHaveBeenCalled();
    expect(app.sim.nowMs).toBe(metAt);
    expect(app.sim.commands).toHaveLength(commandsThen);
    expect(screen.queryByText(/fresh run/)).toBeNull();
  });

  it('pauses the run when its goal was met while paused and the student plays on', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    app.playingAtSpeed = false;
    // Stepped while paused until the goal holds.
    while (checks().some((c) => c.dataset.met === 'false')) await runTo(app.sim.nowMs + 500, false);
    expect(app.pause).not.toHaveBeenCalled();
    app.playingAtSpeed = true;
    await tick();
    expect(app.pause).toHaveBeenCalledOnce();
    // Once per step: playing on after that pause is the student's choice.
    app.playingAtSpeed = false;
    await tick();
    app.playingAtSpeed = true;
    await tick();
    expect(app.pause).toHaveBeenCalledOnce();
  });

  it('a reload mid-step resumes the lesson at the same moment with the same totals', async () => {
    const storage = memoryStorage();
    const first = fakeApp();
    const view = render(LessonPanel, { app: first.app, progress: new LessonProgress(storage) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Well over 80%' }));
    await runUntilMet(first.app, first.runTo, 30000);
    await fireEvent.click(button('Next'));
    await fireEvent.click(button('Show me'));
    await first.runTo(first.app.sim.nowMs + 2250, false);
    const moment = {
      ms: first.app.sim.nowMs,
      totals: first.app.sim.endToEnd,
      commands: first.app.sim.commands,
    };
    const stepStart = JSON.parse(storage.value!).lessons['01-hits-and-misses'].attempt.starts[1].atMs;
    view.unmount();

    // A new page on the same storage: the lesson reopens by itself, in the same step, at the same moment.
    const again = fakeApp({ deferred: true });
    render(LessonPanel, { app: again.app, progress: new LessonProgress(storage) });
    await again.settle();
    expect(screen.getByTestId('lesson-step').textContent).toBe('Step 2 of 3');
    expect(again.app.sim.nowMs).toBe(moment.ms);
    expect(again.app.sim.endToEnd).toEqual(moment.totals);
    expect(again.app.sim.commands).toEqual(moment.commands);
    expect(again.app.seek).toHaveBeenCalledWith(moment.ms, moment.commands.length);
    // The goal still counts from the step's start, and Reset step goes back there.
    await again.runTo(moment.ms + 5000);
    expect(checks().every((c) => c.dataset.met === 'true')).toBe(true);
    await fireEvent.click(button('Reset step'));
    await again.settle();
    expect(again.app.sim.nowMs).toBe(stepStart);
  });
});

describe('LessonPanel: what it says at the end of a step', () => {
  it('reports a rise against the step start as the figure now and the points it rose (lesson 5, S3-FIFO)', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /5\. Memory pressure/ }));
    await runUntilMet(app, runTo, 20000);
    await fireEvent.click(button('Next'));
    await fireEvent.click(screen.getByRole('button', { name: /Raise it clearly/ }));
    await fireEvent.click(button('Show me'));
    await runUntilMet(app, runTo, 40000);
    const feedback = screen.getByTestId('prediction-feedback').textContent;
    // Not "7.3% tier hit ratio", which reads as the ratio itself: the ratio now, then the rise.
    expect(feedback).toMatch(
      /measured: \d+(\.\d)?% tier hit ratio over the last [\d.]+ s \(\d+(\.\d)? points above \(\d+(\.\d)?% before the step\)\)/,
    );
  });

  it('on the last step, a reached goal points to Finish, not to a next step', async () => {
    const { app, runTo } = fakeApp();
    render(LessonPanel, { app, progress: new LessonProgress(memoryStorage()) });
    await fireEvent.click(screen.getByRole('button', { name: /1\. Hits, misses and latency/ }));
    await runUntilMet(app, runTo, 30000);
    expect(screen.getByText(/Goal reached\. On to the next step\./)).toBeTruthy();
    await fireEvent.click(button('Next'));
    await fireEvent.click(button('Show me'));
    await runUntilMet(app, runTo, 30000);
    await fireEvent.click(button('Next'));
    await fireEvent.click(button('Show me'));
    await runUntilMet(app, runTo, 30000);
    expect(screen.getByText(/Goal reached \(shown\)\. Press Finish to end the lesson\./)).toBeTruthy();
    expect(screen.queryByText(/On to the next step/)).toBeNull();
  });
});
