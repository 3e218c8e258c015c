import type { Lesson } from './lesson';

/** An ordinary reading pace for instructional text, in words a minute. */
export const wordsPerMinute = 200;

/**
 * How long a newcomer needs for a lesson, measured rather than guessed: the words they read (the
 * introduction, each step's prose, its prediction's question and choices, and the right answer's why)
 * at 200 words a minute, plus each step's runMs watched at 1× speed.
 *
 * @example lessonMinutes(lesson) // { readingMinutes: 3.1, runMinutes: 0.4, minutes: 4 }
 */
export function lessonMinutes(lesson: Lesson): {
  words: number;
  readingMinutes: number;
  runMinutes: number;
  minutes: number;
} {
  const texts = [lesson.intro];
  for (const step of lesson.steps) {
    texts.push(step.prose);
    if (step.prediction) {
      texts.push(step.prediction.question, ...step.prediction.choices.map((c) => c.text));
      texts.push(...step.prediction.choices.filter((c) => c.correct).map((c) => c.why ?? ''));
    }
  }
  const words = texts.reduce((sum, text) => sum + countWords(text), 0);
  const readingMinutes = words / wordsPerMinute;
  const runMinutes = lesson.steps.reduce((sum, step) => sum + step.runMs, 0) / 60_000;
  return { words, readingMinutes, runMinutes, minutes: Math.ceil(readingMinutes + runMinutes) };
}

/** Words of Markdown text: runs of letters or digits, markup and punctuation left out. */
function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’.:-][\p{L}\p{N}]+)*/gu) ?? []).length;
}
