import { untrack } from 'svelte';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import {
  evaluateGoal,
  goalMet,
  openBucket,
  type CheckResult,
  type StepTotals,
} from '../engine/lessons/evaluateGoal';
import { formatSecondsToTenth } from '../engine/format/readableNumbers';
import type { Lesson, LessonStep } from '../engine/lessons/lesson';
import type { EndToEnd, MetricsReport } from '../engine/metrics/types';
import type { Command, TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import { lessonRunnerMachine } from '../machines/lessonRunner';
import type { LessonProgress, Moment, SavedAttempt, StepBaseline, StepMark } from './lessonProgress.svelte';

/** What a lesson needs of the app: the run's metrics, and the same actions the controls use. */
export interface LessonHost {
  readonly sim: {
    readonly metrics: MetricsReport | null;
    readonly nowMs: number;
    readonly endToEnd: EndToEnd | null;
    /** The run's length in simulated time. */
    readonly durationMs: number;
    /** The run has reached its end. */
    readonly finished: boolean;
    /** The worker is advancing the run. */
    readonly playing: boolean;
    /** The run's command log as the worker last reported it. */
    readonly commands: readonly TimedCommand[];
  };
  /** The settings in effect (the scenario with the run's commands folded in); goals on a setting read them. */
  readonly settings: Scenario | null;
  /** A seek or a load is under way: the metrics shown are still from before it. */
  readonly rewinding: boolean;
  /** Loads an exported run `{ scenario, commands }` as JSON text (the import path of the app). */
  importText(text: string): void;
  /** Whether the run is playing at its speed (not paused, not fast-forwarding to the end). */
  readonly playingAtSpeed: boolean;
  /** Applies a command now, as the controls do. */
  apply(command: Command): void;
  play(): void;
  pause(): void;
  /** Rewinds the run to toMs with the first commandCount commands of its log, and pauses there. */
  seek(toMs: number, commandCount: number): void;
}

const noTotals: StepTotals = { leaks: 0, lostWrites: 0, loggedOut: 0, cacheNodeFailures: 0 };
const noBaseline: StepBaseline = { atStepStart: noTotals, openBucketAtStart: [] };
/** Simulated times closer than this are the same moment. */
const sameMs = 1e-6;
/** While playing, the moment is saved about this often (in simulated time), so a reload loses little. */
const saveEveryMs = 1000;

/**
 * What the session waits for before the figures on screen are this step's: the lesson's run to load
 * (then, on a resume, a rewind to the saved moment), or a rewind to a mark. `capture` takes the
 * step's baseline once there.
 */
type Pending =
  | { kind: 'load'; commands: TimedCommand[]; then: Moment | null }
  | { kind: 'seek'; to: Moment; capture: boolean };

/**
 * A student working through one lesson in the app. An attempt is a run: the lesson's scenario, the
 * command log, and the marks where each step began and where its goal was first met. Back, Reset
 * step, Next after the run has gone too far, reload and reopening all seek to a recorded moment
 * through the worker's seek, so the state on screen is always the state that step began with. The
 * goal is evaluated on every metrics update of the run the student sees (no second simulation);
 * whether it is reached is derived from the live goal and the attempt, never stored.
 */
export class LessonSession {
  runner: SnapshotFrom<typeof lessonRunnerMachine>;
  /** starts[i]: where step i began, for the steps up to the current one. */
  private starts = $state.raw<StepMark[]>([]);
  /** reachedAt[i]: where step i's goal was first met in this attempt. */
  private reachedAt = $state.raw<(Moment | null)[]>([]);
  private pending = $state.raw<Pending | null>(null);
  /**
   * Said in the panel when a step could not go on from where the run was and began on a fresh run
   * instead, or when a saved attempt could not be resumed; null otherwise.
   */
  notice = $state<string | null>(null);
  /** The run was paused for this step's goal: the pause is made once per step, not again and again. */
  private pausedForGoal = false;
  private savedAtMs = -Infinity;
  /** Nothing is saved before open(): until then the host shows another run. */
  private opened = false;
  private readonly actor: Actor<typeof lessonRunnerMachine>;
  private readonly fingerprint: string;

  constructor(
    readonly lesson: Lesson,
    private readonly host: LessonHost,
    private readonly progress: LessonProgress,
  ) {
    this.fingerprint = fingerprint(lesson);
    const saved = progress.get(lesson.id);
    this.actor = createActor(lessonRunnerMachine, {
      input: { stepCount: lesson.steps.length, stepIndex: saved?.step, finished: saved?.finished },
    });
    this.runner = $state.raw(this.actor.getSnapshot());
    this.actor.subscribe((snapshot) => {
      this.runner = snapshot;
      this.save();
    });
    this.actor.start();
    const answer = saved?.answers[this.stepIndex];
    if (answer !== undefined && !this.inSandbox)
      this.actor.send({ type: 'prediction.answer', choice: answer });
  }

  get stepIndex(): number {
    return this.runner.context.stepIndex;
  }

  get step(): LessonStep {
    return this.lesson.steps[this.stepIndex];
  }

  get inSandbox(): boolean {
    return this.runner.value === 'sandbox';
  }

  /** Where the current step began (simulated ms). */
  get stepStartMs(): number {
    return this.starts[this.stepIndex]?.atMs ?? 0;
  }

  /** The run is loading or rewinding for this lesson: nothing on screen is this step's yet. */
  get settling(): boolean {
    return this.pending !== null || this.host.rewinding;
  }

  /** The goal's checks on the latest metrics, counted from the current step's mark. */
  results: CheckResult[] = $derived.by(() => {
    const metrics = this.host.sim.metrics;
    if (!metrics || this.inSandbox) return [];
    const start = this.starts[this.stepIndex];
    // Until this step's run arrives, the figures shown are another moment's.
    if (!start || this.settling || metrics.nowMs < start.atMs - sameMs)
      return this.step.goal.all.map((check) => ({ check, met: false, value: null, ready: false }));
    return evaluateGoal(this.step.goal.all, {
      metrics,
      stepStartMs: start.atMs,
      ...start.baseline,
      settings: this.host.settings ?? undefined,
    });
  });

  /** The goal's checks all hold now. */
  goalMet: boolean = $derived(goalMet(this.results));

  /** Where this step's goal was first met in this attempt, when it no longer holds now. */
  get reachedEarlier(): Moment | null {
    return this.goalMet ? null : (this.reachedAt[this.stepIndex] ?? null);
  }

  /** The step's goal holds now, or held earlier in this attempt since the step began: Next is open. */
  reached: boolean = $derived(this.goalMet || (this.reachedAt[this.stepIndex] ?? null) !== null);

  /** Simulated time the current step has run. */
  get stepElapsedMs(): number {
    return this.settling ? 0 : Math.max(0, this.host.sim.nowMs - this.stepStartMs);
  }

  /**
   * Loads the lesson: the saved attempt, resumed at the moment it was left, when there is one that
   * fits; else the scenario with the solutions of the steps before the current one applied.
   */
  open(): void {
    this.opened = true;
    const attempt = this.progress.get(this.lesson.id)?.attempt ?? null;
    const problem = attempt ? this.unfit(attempt) : null;
    if (attempt && problem === null) {
      this.starts = attempt.starts;
      this.reachedAt = attempt.reached;
      this.pausedForGoal = (attempt.reached[this.stepIndex] ?? null) !== null;
      this.load(attempt.commands, attempt.at);
      return;
    }
    this.openFresh();
    if (problem) this.notice = `Your saved attempt was not resumed: ${problem}. This step starts afresh.`;
  }

  /**
   * Follows the run (called from an effect on each update): finishes a load or a rewind the session
   * waits for, records the moment the goal is first met, pauses a run playing at its speed when the
   * goal is met (once per step: the student reads the result and moves on, rather than letting the
   * run use up the time the later steps need), and saves the moment now and then.
   */
  sync(): void {
    // What the session follows; the work below reads and writes more (the marks, the saved
    // progress) without following it.
    const { host } = this;
    const metrics = host.sim.metrics;
    const met = this.goalMet;
    const reached = this.reached;
    const playing = host.playingAtSpeed;
    const rewinding = host.rewinding;
    const pending = this.pending;
    const running = host.sim.playing;
    untrack(() => this.follow({ metrics, met, reached, playing, rewinding, pending, running }));
  }

  private follow({
    metrics,
    met,
    reached,
    playing,
    rewinding,
    pending,
    running,
  }: {
    metrics: MetricsReport | null;
    met: boolean;
    reached: boolean;
    playing: boolean;
    rewinding: boolean;
    pending: Pending | null;
    running: boolean;
  }): void {
    const { host } = this;
    if (pending) {
      if (rewinding) return;
      if (pending.kind === 'load' && pending.then && pending.then.atMs > sameMs) {
        this.seekTo(pending.then, false);
        return;
      }
      if (pending.kind === 'seek' && (!metrics || Math.abs(metrics.nowMs - pending.to.atMs) > sameMs)) return;
      this.pending = null;
      if (pending.kind === 'seek' && pending.capture) this.markStep(this.stepIndex);
      else this.save();
      return;
    }
    if (!metrics || this.inSandbox) return;
    const start = this.starts[this.stepIndex];
    if (start && metrics.nowMs < start.atMs - sameMs) {
      // The run was restarted under the lesson (the reset button): the step begins again at 0.
      this.starts = [...this.starts.slice(0, this.stepIndex), { atMs: 0, commands: 0, baseline: noBaseline }];
      this.reachedAt = this.reachedAt.slice(0, this.stepIndex);
      this.pausedForGoal = false;
    }
    if (met && (this.reachedAt[this.stepIndex] ?? null) === null) {
      const reachedAt = [...this.reachedAt];
      reachedAt[this.stepIndex] = this.now();
      this.reachedAt = reachedAt;
    }
    const reachedNow = reached || (this.reachedAt[this.stepIndex] ?? null) !== null;
    if (this.runner.context.goalMet !== reachedNow) this.actor.send({ type: 'goal.update', met: reachedNow });
    if (met && playing && !this.pausedForGoal) {
      this.pausedForGoal = true;
      host.pause();
    }
    if (!running || Math.abs(metrics.nowMs - this.savedAtMs) >= saveEveryMs) this.save();
  }

  answer = (choice: number) => this.actor.send({ type: 'prediction.answer', choice });

  /** "Show me": applies the step's solution through the same path as the controls, and plays. */
  showMe = () => {
    for (const command of this.step.solution) this.host.apply(command);
    this.actor.send({ type: 'solution.show' });
    this.host.play();
  };

  next = () => {
    if (this.settling) return;
    const before = this.stepIndex;
    this.actor.send({ type: 'step.next' });
    if (this.stepIndex !== before) this.beginStep(before);
  };

  /** Back to the start of the step before (from the sandbox: of the last step), as it was then. */
  back = () => {
    if (this.settling) return;
    const fromSandbox = this.inSandbox;
    if (!fromSandbox && this.stepIndex === 0) return;
    this.actor.send({ type: 'step.back' });
    this.rewindToStart();
  };

  /**
   * Puts the simulation back as it was when the step began (the worker replays the run up to then,
   * without the commands applied since), so the step can be tried again from the same state; its
   * goal counts from there again, with the run's totals as they were then.
   */
  resetStep = () => {
    if (this.settling) return;
    this.actor.send({ type: 'step.reset' });
    this.rewindToStart();
  };

  restart = () => {
    this.opened = true;
    this.notice = null;
    this.progress.forget(this.lesson.id);
    this.actor.send({ type: 'lesson.restart' });
    this.openFresh();
  };

  /** Saves the moment the student is at (also called when the page is left). */
  saveNow = () => this.save();

  stop(): void {
    this.save();
    this.actor.stop();
  }

  /** Why a saved attempt cannot be resumed, or null when it can. */
  private unfit(attempt: SavedAttempt): string | null {
    if (attempt.scenario !== this.fingerprint) return 'the lesson has changed since it was saved';
    const steps = this.inSandbox ? this.lesson.steps.length : this.stepIndex + 1;
    if (attempt.starts.length !== steps) return 'its steps do not match the step you were on';
    const { durationMs } = this.lesson.scenario;
    const moments = [...attempt.starts, ...attempt.reached.filter((m) => m !== null), attempt.at];
    if (moments.some((m) => m.atMs > durationMs || m.commands > attempt.commands.length))
      return 'it names moments outside its run';
    return null;
  }

  /**
   * A fresh run: the scenario with the solutions of the steps before the current one applied at 0,
   * each of those steps marked as beginning there.
   */
  private openFresh(): void {
    const { steps } = this.lesson;
    const marked = this.inSandbox ? steps.length : this.stepIndex + 1;
    const commands: TimedCommand[] = [];
    const starts: StepMark[] = [];
    for (let i = 0; i < marked; i++) {
      starts.push({ atMs: 0, commands: commands.length, baseline: noBaseline });
      if (i < marked - 1 || this.inSandbox)
        commands.push(...steps[i].solution.map((command) => ({ atMs: 0, command })));
    }
    this.starts = starts;
    this.reachedAt = [];
    this.pausedForGoal = false;
    this.notice = null;
    this.load(commands, null);
  }

  /** Loads the lesson's scenario with a command log, then (on a resume) rewinds to a moment of it. */
  private load(commands: TimedCommand[], then: Moment | null): void {
    this.pending = { kind: 'load', commands, then };
    this.host.importText(JSON.stringify({ scenario: this.lesson.scenario, commands }));
  }

  /**
   * The step goes on from where the run is, if enough of the run is left for it (its runMs); else
   * from the moment the step before first met its goal, if that leaves enough; else it begins on a
   * fresh run from 0, with the earlier steps' solutions applied, and says so.
   */
  private beginStep(previous: number): void {
    this.notice = null;
    this.pausedForGoal = false;
    const needMs = this.inSandbox ? 0 : this.step.runMs;
    const { nowMs, durationMs } = this.host.sim;
    if (durationMs - nowMs >= needMs) {
      this.markStep(this.stepIndex);
      return;
    }
    const reached = this.reachedAt[previous] ?? null;
    if (reached && durationMs - reached.atMs >= needMs) {
      this.reachedAt = this.reachedAt.slice(0, previous + 1);
      this.seekTo(reached, true);
      return;
    }
    this.openFresh();
    this.notice =
      `The run had ${formatSecondsToTenth(Math.max(0, durationMs - nowMs))} left and this step needs about ${formatSecondsToTenth(needMs)}, ` +
      "so it starts on a fresh run from 0:00, with the earlier steps' solutions applied.";
  }

  /** Marks the step as beginning at the moment the run is at now, with the run's figures as they stand. */
  private markStep(index: number): void {
    const metrics = this.host.sim.metrics;
    const baseline: StepBaseline = {
      atStepStart: pickTotals(this.host.sim.endToEnd),
      openBucketAtStart: metrics ? openBucket(metrics) : [],
    };
    this.starts = [...this.starts.slice(0, index), { ...this.now(), baseline }];
    this.reachedAt = this.reachedAt.slice(0, index);
    this.save();
  }

  /** Rewinds to the current step's mark (after Back or Reset step), forgetting what came after it. */
  private rewindToStart(): void {
    this.notice = null;
    this.pausedForGoal = false;
    const index = this.stepIndex;
    const start = this.starts[index];
    this.reachedAt = this.reachedAt.slice(0, index);
    if (!start) {
      this.openFresh();
      this.notice = 'No mark of where this step began was kept, so it starts on a fresh run.';
      return;
    }
    this.starts = this.starts.slice(0, index + 1);
    this.seekTo(start, false);
  }

  private seekTo(moment: Moment, capture: boolean): void {
    this.pending = { kind: 'seek', to: moment, capture };
    this.host.seek(moment.atMs, moment.commands);
  }

  private now(): Moment {
    return { atMs: this.host.sim.nowMs, commands: this.host.sim.commands.length };
  }

  private save(): void {
    if (!this.opened) return;
    const { stepIndex, answer } = this.runner.context;
    const saved = this.progress.get(this.lesson.id);
    const answers = { ...saved?.answers };
    if (answer !== null) answers[stepIndex] = answer;
    // While a load or a rewind is under way, the host still shows the run before it: the attempt is
    // saved as it will be once there.
    const pending = this.pending;
    let commands: TimedCommand[] = [...this.host.sim.commands];
    let at: Moment = this.now();
    if (pending?.kind === 'load') {
      commands = pending.commands;
      at = pending.then ?? { atMs: 0, commands: commands.length };
    } else if (pending?.kind === 'seek') at = pending.to;
    else if (this.host.rewinding || !this.host.sim.metrics) return;
    else this.savedAtMs = at.atMs;
    const attempt: SavedAttempt = {
      scenario: this.fingerprint,
      commands,
      starts: this.starts,
      reached: this.reachedAt,
      at,
    };
    this.progress.save(this.lesson.id, {
      step: stepIndex,
      finished: this.runner.value === 'sandbox' || (saved?.finished ?? false),
      answers,
      attempt,
    });
  }
}

function pickTotals(endToEnd: EndToEnd | null): StepTotals {
  if (!endToEnd) return noTotals;
  const { leaks, lostWrites, loggedOut, cacheNodeFailures } = endToEnd;
  return { leaks, lostWrites, loggedOut, cacheNodeFailures };
}

/** A short hash of what a lesson's run depends on: an attempt saved on another version is not replayed. */
function fingerprint(lesson: Lesson): string {
  const text = JSON.stringify([lesson.scenario, lesson.steps.length]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}
