import { createEngine } from '../createEngine';
import type { TimedCommand } from '../scenario/commandSchema';
import { evaluateGoal, goalMet, openBucket, type CheckResult } from './evaluateGoal';
import type { Lesson } from './lesson';

/** What happened to one step when the lesson was played headless, as a student following it would. */
export interface StepReplay {
  index: number;
  title: string;
  startMs: number;
  endMs: number;
  /** The goal at the step's start (must be false: nothing is given for free). */
  metAtStart: boolean;
  /**
   * Whether the goal was met at any moment without the solution, looking every quarter second for
   * twice the step's runMs (a student reads, or waits, longer than the lesson plans): must be false,
   * so that the solution, not waiting, is what meets it. Null for a step whose solution is empty (a
   * step of watching).
   */
  metWithoutSolution: boolean | null;
  /** The goal after the solution and runMs (must be true). */
  metWithSolution: boolean;
  results: CheckResult[];
}

/** How often the run without the solution is looked at. */
const lookEveryMs = 250;

/**
 * Plays a lesson headless: each step starts where the previous one ended, its solution is applied at
 * its start, and the run goes on for its runMs. Besides the run that follows the lesson, each step
 * with a solution is also run without it, from the same state (the engine replays scenario and
 * commands exactly), to show that the solution is what meets the goal.
 */
export function replayLesson(lesson: Lesson): StepReplay[] {
  const engine = createEngine(lesson.scenario, { recordEvents: false });
  const log: TimedCommand[] = [];
  let startMs = 0;
  return lesson.steps.map((step, index) => {
    engine.runUntil(startMs);
    const atStart = engine.metrics();
    const context = (metrics: typeof atStart) => ({
      metrics,
      stepStartMs: startMs,
      atStepStart: atStart.endToEnd,
      openBucketAtStart: openBucket(atStart),
    });
    const metAtStart = goalMet(evaluateGoal(step.goal.all, context(atStart)));
    const endMs = startMs + step.runMs;

    let metWithoutSolution: boolean | null = null;
    if (step.solution.length > 0) {
      const control = createEngine(lesson.scenario, { recordEvents: false, commands: log });
      const horizonMs = Math.min(startMs + 2 * step.runMs, lesson.scenario.durationMs);
      metWithoutSolution = false;
      for (let atMs = startMs + lookEveryMs; atMs <= horizonMs && !metWithoutSolution; atMs += lookEveryMs) {
        control.runUntil(atMs);
        metWithoutSolution = goalMet(evaluateGoal(step.goal.all, context(control.metrics())));
      }
    }

    for (const command of step.solution) {
      engine.apply(command);
      log.push({ atMs: startMs, command });
    }
    engine.runUntil(endMs);
    const results = evaluateGoal(step.goal.all, context(engine.metrics()));
    const replay: StepReplay = {
      index,
      title: step.title,
      startMs,
      endMs,
      metAtStart,
      metWithoutSolution,
      metWithSolution: goalMet(results),
      results,
    };
    startMs = endMs;
    return replay;
  });
}
