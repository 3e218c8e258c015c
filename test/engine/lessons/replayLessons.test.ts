import { describe, expect, it } from 'vitest';
import { describeCommand } from '../../../src/engine/applyCommand';
import {
  describeCheck,
  parseLesson,
  replayLesson,
  type CheckResult,
  type Lesson,
} from '../../../src/engine/lessons/index';
import { lessonMinutes } from '../../../src/engine/lessons/lessonMinutes';
import { readLessonFiles } from './readLessons';

/**
 * Learn Git Branching's level test, for caching: every lesson file validates, and played headless as
 * the app plays it, each step's goal is unmet at the step's start, still unmet if the student only
 * waits or does only part of what the step asks, and met once the step's solution is applied. Each
 * step is played from both moments the app can begin it: where the previous goal was first met (the
 * app pauses there) and at the end of the previous step's runMs.
 */
const files = readLessonFiles();
const lessons: Lesson[] = files.map(({ file, text }) => parseLesson(text, file));

describe('the course', () => {
  it('has at least 14 lessons, numbered in order from 1 without gaps or repeats', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(14);
    expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1));
  });

  it('asks predictions with exactly one right answer, and says why it is right', () => {
    for (const lesson of lessons) {
      for (const step of lesson.steps) {
        if (!step.prediction) continue;
        const right = step.prediction.choices.filter((c) => c.correct);
        expect(right, `${lesson.file}: ${step.title}`).toHaveLength(1);
        expect(right[0].why, `${lesson.file}: ${step.title}`).toBeTruthy();
      }
    }
  });

  it('names cache nodes as the app does, from 1, in the text of every step that fails or recovers one', () => {
    for (const lesson of lessons) {
      for (const step of lesson.steps) {
        const text = [step.prose, ...step.hints].join('\n');
        expect(text, `${lesson.file}: ${step.title}`).not.toMatch(/\bnode 0\b/i);
        for (const command of step.solution) {
          if (command.type !== 'node.fail' && command.type !== 'node.recover') continue;
          // The command counts from 0; the Faults control and the topology say "node 1" for node 0.
          expect(step.hints.join('\n'), `${lesson.file}: ${step.title}`).toContain(
            `node ${command.node + 1}`,
          );
          expect(step.prose, `${lesson.file}: ${step.title}`).toContain(`node ${command.node + 1}`);
        }
      }
    }
  });

  it('says no fewer minutes than its words at 200 a minute and its runs at 1x take, and lesson 1 fits in 5', () => {
    for (const lesson of lessons) {
      const measured = lessonMinutes(lesson);
      expect(
        lesson.minutes,
        `${lesson.file}: ${measured.words} words and ${measured.runMinutes} min of runs`,
      ).toBeGreaterThanOrEqual(measured.minutes);
    }
    const first = lessons[0];
    expect(lessonMinutes(first).minutes).toBeLessThanOrEqual(5);
    expect(first.minutes, 'lesson 1 promises more than 5 minutes').toBeLessThanOrEqual(5);
  });

  it('gives every step a hint and asks at least one prediction per lesson', () => {
    for (const lesson of lessons) {
      expect(
        lesson.steps.some((s) => s.prediction),
        lesson.file,
      ).toBe(true);
      for (const step of lesson.steps)
        expect(step.hints.length, `${lesson.file}: ${step.title}`).toBeGreaterThan(0);
    }
  });
});

describe.each(lessons.map((lesson) => [lesson.file, lesson] as const))('%s', (_file, lesson) => {
  const replay = replayLesson(lesson);
  const figures = (results: CheckResult[]) =>
    results.map((r) => `${describeCheck(r.check)} (got ${r.value ?? String(r.setting)})`);

  it.each(replay.map((step) => [step.index, step.title, step] as const))(
    'step %i "%s": from where the app begins it, the goal is unmet at first, unmet by waiting or by part of the solution, met after all of it',
    (_index, _title, step) => {
      for (const start of step.starts) {
        const where = `starting at ${start.startMs} ms (${start.kind === 'goalMet' ? 'the previous goal first met' : "the previous step's runMs"})`;
        expect(start.metAtStart, `${where}: the goal is already met when the step starts`).toBe(false);
        for (const part of start.partial) {
          const what =
            part.applied.length === 0
              ? 'waiting alone'
              : `only ${part.applied.map((i) => describeCommand(lesson.steps[step.index].solution[i])).join(' and ')}`;
          expect(part.metAtMs, `${where}: ${what} meets the goal at ${part.metAtMs} ms`).toBeNull();
        }
        const unmet = figures(start.results.filter((r) => !r.met));
        expect(unmet, `${where}: checks still unmet after the solution`).toEqual([]);
        expect(start.metWithSolution).toBe(true);
      }
    },
  );
});
