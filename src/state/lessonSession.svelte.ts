import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { evaluateGoal, goalMet, openBucket, type CheckResult, type StepTotals } from '../engine/lessons/evaluateGoal';
import type { SeriesRow } from '../engine/metrics/types';
import type { Lesson, LessonStep } from '../engine/lessons/lesson';
import type { EndToEnd, MetricsReport } from '../engine/metrics/types';
import type { Command, TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import { lessonRunnerMachine } from '../machines/lessonRunner';
import type { LessonProgress } from './lessonProgress.svelte';

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
    /** The run's command log as the worker last reported it. */
    readonly commands: readonly TimedCommand[];
  };
  /** The settings in effect (the scenario with the run's commands folded in); goals on a setting read them. */
  readonly settings: Scenario | null;
  /** A seek is under way: the metrics shown are still from before it. */
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

/**
 * A student working through one lesson in the app: the lesson runner machine, the goal evaluated on
 * every metrics update of the run the student sees (no second simulation), and progress saved as it
 * changes.
 */
export class LessonSession {
  runner: SnapshotFrom<typeof lessonRunnerMachine>;
  /** Simulated time at which the current step began; its goal counts from here. */
  stepStartMs = $state(0);
  private atStepStart = $state.raw<StepTotals>(noTotals);
  /** The bucket in progress when the step began, as it stood then (see GoalContext). */
  private openBucketAtStart = $state.raw<readonly SeriesRow[]>([]);
  /**
   * Said in the panel when a step could not go on from where the run was and began on a fresh run
   * instead; null otherwise.
   */
  notice = $state<string | null>(null);
  /** Commands in the run's log when the step began: those applied in the step come after them. */
  private stepStartCommands = 0;
  private readonly actor: Actor<typeof lessonRunnerMachine>;

  constructor(
    readonly lesson: Lesson,
    private readonly host: LessonHost,
    private readonly progress: LessonProgress,
  ) {
    const saved = progress.get(lesson.id);
    this.actor = createActor(lessonRunnerMachine, {
      input: {
        stepCount: lesson.steps.length,
        stepIndex: saved?.step,
        completed: saved?.completed,
        finished: saved?.finished,
      },
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

  /** The goal's checks on the latest metrics. A run restarted from 0 (the reset button) restarts the step too. */
  results: CheckResult[] = $derived.by(() => {
    const metrics = this.host.sim.metrics;
    if (!metrics || this.inSandbox) return [];
    // Until the rewound run arrives, the figures shown are from after the step's start.
    if (this.host.rewinding)
      return this.step.goal.all.map((check) => ({ check, met: false, value: null, ready: false }));
    const restarted = metrics.nowMs < this.stepStartMs;
    return evaluateGoal(this.step.goal.all, {
      metrics,
      stepStartMs: restarted ? 0 : this.stepStartMs,
      atStepStart: restarted ? noTotals : this.atStepStart,
      openBucketAtStart: restarted ? [] : this.openBucketAtStart,
      settings: this.host.settings ?? undefined,
    });
  });

  goalMet: boolean = $derived(goalMet(this.results));

  /** Loads the lesson's scenario, with the solutions of the steps before the current one applied. */
  open(): void {
    const before = this.inSandbox ? this.lesson.steps : this.lesson.steps.slice(0, this.stepIndex);
    const commands: TimedCommand[] = before.flatMap((step) =>
      step.solution.map((command) => ({ atMs: 0, command })),
    );
    this.host.importText(JSON.stringify({ scenario: this.lesson.scenario, commands }));
    this.stepStartMs = 0;
    this.atStepStart = noTotals;
    this.openBucketAtStart = [];
    this.stepStartCommands = commands.length;
  }

  /**
   * Tells the runner how the goal stands now (called on each metrics update). The moment the goal is
   * met, a run playing at its speed pauses: the student reads the result and moves on, rather than
   * letting the run use up the time the later steps need.
   */
  observe(met: boolean): void {
    if (this.runner.context.goalMet === met || this.inSandbox) return;
    this.actor.send({ type: 'goal.update', met });
    if (met && this.host.playingAtSpeed) this.host.pause();
  }

  answer = (choice: number) => this.actor.send({ type: 'prediction.answer', choice });

  /** "Show me": applies the step's solution through the same path as the controls, and plays. */
  showMe = () => {
    for (const command of this.step.solution) this.host.apply(command);
    this.actor.send({ type: 'solution.show' });
    this.host.play();
  };

  next = () => {
    const before = this.stepIndex;
    this.actor.send({ type: 'step.next' });
    if (this.stepIndex !== before) this.beginStep();
  };

  back = () => {
    this.actor.send({ type: 'step.back' });
    this.beginStep();
  };

  /**
   * Puts the simulation back as it was when the step began (the worker replays the run up to then,
   * without the commands applied since), so the step can be tried again from the same state; its
   * goal counts from there again, with the run's totals as they were then.
   */
  resetStep = () => {
    this.actor.send({ type: 'step.reset' });
    if (this.host.sim.nowMs < this.stepStartMs) {
      // The run itself was restarted under the step (the reset button): the step starts at 0 now.
      this.stepStartMs = 0;
      this.atStepStart = noTotals;
      this.openBucketAtStart = [];
      this.stepStartCommands = 0;
    }
    this.notice = null;
    this.host.seek(this.stepStartMs, this.stepStartCommands);
  };

  restart = () => {
    this.notice = null;
    this.progress.forget(this.lesson.id);
    this.actor.send({ type: 'lesson.restart' });
    this.open();
  };

  stop(): void {
    this.actor.stop();
  }

  /**
   * The step goes on from where the run is, if enough of the run is left for it (its runMs); else
   * (the run went on, or ran to its end, in an earlier step) it begins on a fresh run from 0, with
   * the earlier steps' solutions applied, as reopening the lesson would, and says so.
   */
  private beginStep(): void {
    const { nowMs, durationMs } = this.host.sim;
    const needMs = this.inSandbox ? 0 : this.step.runMs;
    if (durationMs - nowMs < needMs) {
      this.open();
      this.notice =
        `The run had ${formatSeconds(durationMs - nowMs)} left and this step needs about ${formatSeconds(needMs)}, ` +
        "so it starts on a fresh run from 0:00, with the earlier steps' solutions applied.";
      return;
    }
    this.notice = null;
    this.stepStartMs = this.host.sim.nowMs;
    this.atStepStart = this.host.sim.endToEnd ?? noTotals;
    this.openBucketAtStart = this.host.sim.metrics ? openBucket(this.host.sim.metrics) : [];
    this.stepStartCommands = this.host.sim.commands.length;
  }

  private save(): void {
    const { stepIndex, completed, answer } = this.runner.context;
    const saved = this.progress.get(this.lesson.id);
    const answers = { ...saved?.answers };
    if (answer !== null) answers[stepIndex] = answer;
    this.progress.save(this.lesson.id, {
      step: stepIndex,
      completed,
      finished: this.runner.value === 'sandbox' || (saved?.finished ?? false),
      answers,
    });
  }
}

/** Simulated seconds for a sentence: "12 s", "0.5 s". */
function formatSeconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 100) / 10)} s`;
}
