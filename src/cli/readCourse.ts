import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/inputError';
import type { Lesson } from '../engine/lessons/lesson';
import { parseLesson } from '../engine/lessons/parseLesson';

/**
 * Reads every `*.md` in `dir` (the course's `lessons/`), in file-name order. Node only.
 *
 * @throws Error listing every broken lesson, each problem naming its file, field and what was expected.
 */
export function readCourse(dir: string): Lesson[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      lessons.push(parseLesson(readFileSync(join(dir, name), 'utf8'), `lessons/${name}`));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return lessons;
}
