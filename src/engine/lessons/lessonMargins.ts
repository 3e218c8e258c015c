import { describeCheck, describeStanding } from './describeCheck';
import type { CheckResult } from './evaluateGoal';
import type { Lesson } from './lesson';
import { closer, replayLesson } from './replayLesson';

/** One check of one step: how close waiting (or part of the solution) came, and where the solution got. */
export interface MarginRow {
  lesson: number;
  step: number;
  check: string;
  /** The closest any strict part of the solution came, waiting included, from the worse start; null for a step of watching. */
  withoutSolution: string | null;
  /** The figure runMs after the solution, from the worse start. */
  withSolution: string;
  /** The latest first moment the goal was met after the solution, counted from the step's start (ms). */
  metAfterMs: number | null;
}

/**
 * The margins between waiting and solving for every check of every step, so that a thin margin can
 * be seen before a student finds it: the table in the lesson test's report.
 */
export function lessonMargins(lesson: Lesson): MarginRow[] {
  return replayLesson(lesson).flatMap((step) =>
    lesson.steps[step.index].goal.all.map((check, c) => {
      const without = step.starts.flatMap((s) => s.partial.map((p) => p.closest[c]));
      const withSolution = step.starts.map((s) => s.results[c]);
      const firsts = step.starts.map((s) => (s.firstMetMs === null ? null : s.firstMetMs - s.startMs));
      return {
        lesson: lesson.number,
        step: step.index + 1,
        check: describeCheck(check),
        withoutSolution: without.length === 0 ? null : standing(without.reduce(closer)),
        withSolution: standing(withSolution.reduce((a, b) => (closer(a, b) === a ? b : a))),
        metAfterMs: firsts.includes(null) ? null : Math.max(...(firsts as number[])),
      };
    }),
  );
}

function standing(result: CheckResult | undefined): string {
  if (!result) return '-';
  return `${describeStanding(result) ?? 'nothing measured'}${result.met ? ' (met)' : ''}`;
}
