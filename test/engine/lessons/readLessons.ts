import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lesson files of the course, as the build and the app see them: `lessons/NN-name.md`, in order. */
export function readLessonFiles(): { file: string; text: string }[] {
  const dir = join(import.meta.dirname, '../../../lessons');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ file: `lessons/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
