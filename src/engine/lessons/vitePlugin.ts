import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { InputError } from '../inputError';
import type { Lesson } from './lesson';
import { parseLesson } from './parseLesson';

/** The module the app imports the course from: every lesson, parsed and validated at build time. */
export const lessonsModuleId = 'virtual:cachescope-lessons';
const resolvedId = `\0${lessonsModuleId}`;

/**
 * Reads every `lessons/*.md`, in file-name order; a broken lesson throws an InputError naming its
 * file, field and what was expected.
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

/**
 * Validates the course when the build starts (a broken lesson fails the build with its file, field
 * and expectation) and serves it as `virtual:cachescope-lessons`, already parsed: the page ships
 * plain data, not a YAML parser, and cannot meet a lesson the build did not check.
 */
export function lessonsPlugin(options: { dir?: string } = {}): Plugin {
  let dir = options.dir ?? 'lessons';
  return {
    name: 'cachescope-lessons',
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? 'lessons');
    },
    buildStart() {
      try {
        readCourse(dir);
      } catch (error) {
        this.error(`Cachescope lessons: ${(error as Error).message}`);
      }
    },
    resolveId(id) {
      return id === lessonsModuleId ? resolvedId : null;
    },
    load(id) {
      if (id !== resolvedId) return null;
      for (const name of readdirSync(dir)) if (name.endsWith('.md')) this.addWatchFile(join(dir, name));
      return `export default ${JSON.stringify(readCourse(dir))};`;
    },
  };
}
