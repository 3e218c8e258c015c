import type { Lesson } from '../engine/lessons/lesson';
import { parseLesson } from '../engine/lessons/parseLesson';
import { readParsedFiles } from './readParsedFiles';

/**
 * Reads every `*.md` in `dir` (the course's `lessons/`), in file-name order. Node only.
 *
 * @throws Error listing every broken lesson, each problem naming its file, field and what was expected.
 */
export function readCourse(dir: string): Lesson[] {
  return readParsedFiles(dir, 'lessons', parseLesson);
}
