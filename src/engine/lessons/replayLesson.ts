import { createEngine } from '../createEngine';
import type { Engine } from '../engine';
import { runToEnd } from '../run/runToEnd';
import type { TimedCommand } from '../scenario/commandSchema';
import { evaluateGoal, goalMet, openBucket, type CheckResult, type GoalContext } from './evaluateGoal';
import type { GoalCheck } from './lessonSchema';
import type { Lesson, LessonStep } from './lesson';

/**
 * Where a step can begin in the app. The app pauses the run the moment a goal is first met, and the
 * student presses Next there (`goalMet`); a student who lets it play on, or who reopens the lesson,
 * begins later, up to the end of the previous step's runMs (`runMs`).
 */
export type StartKind = 'goalMet' | 'runMs';

/** One part of the solution tried on its own (none of it: waiting alone), and how close it came. */
export interface PartialTry {
  /** Indices into the step's solution of the commands applied; empty for waiting alone. */
  applied: number[];
  /** The first look at which the goal was met, or null (it must be null). */
  metAtMs: number | null;
  /** Per check, the look that came closest to meeting it (the best figure seen). */
  closest: CheckResult[];
}

/** A step played from one of the moments at which the app would begin it. */
export interface StartReplay {
  kind: StartKind;
  startMs: number;
  /** The goal as the step begins (must be false: nothing is given for free). */
  metAtStart: boolean;
  /**
   * Every strict part of the solution applied alone, the empty part (waiting) first, each looked at
   * every quarter second for twice the step's runMs. Empty for a step of watching (no solution).
   */
  partial: PartialTry[];
  /** The first look at which the goal was met with the solution applied, or null. */
  firstMetMs: number | null;
  /** The goal runMs after the solution (must be true). */
  metWithSolution: boolean;
  results: CheckResult[];
}

/** What happened to one step when the lesson was played headless, from each of its starts. */
export interface StepReplay {
  index: number;
  title: string;
  /** The step's starts: at the previous goal's first moment met, and at the end of its runMs (one if they agree). */
  starts: StartReplay[];
  /** The goal was met as the step began, from some start. */
  metAtStart: boolean;
  /**
   * The goal was met, from some start, by waiting alone or by a strict part of the solution; null
   * for a step of watching.
   */
  metWithoutSolution: boolean | null;
  /** The goal was met runMs after the solution from every start. */
  metWithSolution: boolean;
  /** The checks after the solution, from the start that did worst (for messages). */
  results: CheckResult[];
}

/** How often a run is looked at, as a student's screen would show it (simulated time). */
export const lookEveryMs = 250;

/** The most commands whose every strict subset is tried; beyond it, only waiting alone. */
const maxSubsetCommands = 6;

/**
 * Plays a lesson headless, as the app would. Two chains of steps: in one each step begins the moment
 * the previous goal was first met (looking every 250 ms: the app pauses there); in the other, at the
 * end of the previous step's runMs. From each start, the step's solution is applied and the run goes
 * on for runMs; and every strict part of the solution (none of it first) is run for twice runMs from
 * the same state (the engine replays scenario and commands exactly), to show that the whole
 * solution, not waiting or half of it, is what meets the goal.
 */
export function replayLesson(lesson: Lesson): StepReplay[] {
  const chains = (['goalMet', 'runMs'] as const).map((kind) => ({
    kind,
    engine: createEngine(lesson.scenario, { recordEvents: false }),
    log: [] as TimedCommand[],
    startMs: 0,
  }));
  return lesson.steps.map((step, index) => {
    const starts: StartReplay[] = [];
    const played: boolean[] = [];
    for (const [i, chain] of chains.entries()) {
      // Both chains begin the course together: a start already played from the same moment and log is not played twice.
      const same = i > 0 && chain.startMs === chains[0].startMs && sameLog(chains[0].log, chain.log);
      starts.push(same ? { ...starts[0], kind: chain.kind } : playStep(lesson, step, chain));
      played.push(!same);
    }
    for (const [i, chain] of chains.entries()) {
      const replay = starts[i];
      // The step's solution stays in the log; the next step begins runMs after it, or at the moment
      // this goal was first met (replayed afresh, as the app's seek would).
      for (const command of step.solution) chain.log.push({ atMs: replay.startMs, command });
      const nextMs =
        chain.kind === 'goalMet' && replay.firstMetMs !== null
          ? replay.firstMetMs
          : replay.startMs + step.runMs;
      if (nextMs < chain.engine.nowMs || !played[i])
        chain.engine = runToEnd(lesson.scenario, chain.log, { untilMs: nextMs });
      else chain.engine.runUntil(nextMs);
      chain.startMs = nextMs;
    }
    const partial = starts.flatMap((s) => s.partial);
    const worst = starts.find((s) => !s.metWithSolution) ?? starts[starts.length - 1];
    return {
      index,
      title: step.title,
      starts,
      metAtStart: starts.some((s) => s.metAtStart),
      metWithoutSolution: step.solution.length === 0 ? null : partial.some((p) => p.metAtMs !== null),
      metWithSolution: starts.every((s) => s.metWithSolution),
      results: worst.results,
    };
  });
}

/** One step from where a chain stands: its parts of the solution, then the solution itself. */
function playStep(
  lesson: Lesson,
  step: LessonStep,
  chain: { kind: StartKind; engine: Engine; log: TimedCommand[]; startMs: number },
): StartReplay {
  const { engine, log, startMs } = chain;
  engine.runUntil(startMs);
  const atStart = engine.metrics();
  const needsSettings = step.goal.all.some((check) => check.setting !== undefined);
  const look = (run: Engine): CheckResult[] =>
    evaluateGoal(step.goal.all, {
      metrics: run.metrics(),
      stepStartMs: startMs,
      atStepStart: atStart.endToEnd,
      openBucketAtStart: openBucket(atStart),
      settings: needsSettings ? run.settings() : undefined,
    } satisfies GoalContext);
  const metAtStart = goalMet(look(engine));

  const partial: PartialTry[] = [];
  if (step.solution.length > 0) {
    const horizonMs = Math.min(startMs + 2 * step.runMs, lesson.scenario.durationMs);
    for (const applied of strictSubsets(step.solution.length)) {
      const commands = applied.map((i) => ({ atMs: startMs, command: step.solution[i] }));
      const control = createEngine(lesson.scenario, { recordEvents: false, commands: [...log, ...commands] });
      let closest: CheckResult[] = [];
      let metAtMs: number | null = null;
      for (
        let atMs = startMs + lookEveryMs;
        atMs <= horizonMs + 1e-6 && metAtMs === null;
        atMs += lookEveryMs
      ) {
        control.runUntil(atMs);
        const results = look(control);
        closest = closest.length === 0 ? results : results.map((r, i) => closer(r, closest[i]));
        if (goalMet(results)) metAtMs = atMs;
      }
      partial.push({ applied, metAtMs, closest });
    }
  }

  for (const command of step.solution) engine.apply(command);
  let firstMetMs: number | null = null;
  const endMs = startMs + step.runMs;
  for (let atMs = startMs + lookEveryMs; atMs < endMs && firstMetMs === null; atMs += lookEveryMs) {
    engine.runUntil(atMs);
    if (goalMet(look(engine))) firstMetMs = atMs;
  }
  engine.runUntil(endMs);
  const results = look(engine);
  const metWithSolution = goalMet(results);
  if (firstMetMs === null && metWithSolution) firstMetMs = endMs;
  return { kind: chain.kind, startMs, metAtStart, partial, firstMetMs, metWithSolution, results };
}

/** Every strict subset of 0..n-1 (the empty one first), or only the empty one past maxSubsetCommands. */
function strictSubsets(n: number): number[][] {
  if (n > maxSubsetCommands) return [[]];
  const subsets: number[][] = [];
  for (let mask = 0; mask < (1 << n) - 1; mask++)
    subsets.push([...Array(n).keys()].filter((i) => (mask >> i) & 1));
  return subsets;
}

/** Of two looks at one check, the one closer to meeting it (met first, then judged, then by its figure). */
export function closer(a: CheckResult, b: CheckResult): CheckResult {
  if (a.met !== b.met) return a.met ? a : b;
  if (a.ready !== b.ready) return a.ready ? a : b;
  if (a.value === null) return b;
  if (b.value === null) return a;
  return falling(a.check) ? (a.value < b.value ? a : b) : a.value > b.value ? a : b;
}

/** A check met by a figure that falls (below, at most). */
export function falling(check: GoalCheck): boolean {
  return check.below !== undefined || check.atMost !== undefined;
}

function sameLog(a: readonly TimedCommand[], b: readonly TimedCommand[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
