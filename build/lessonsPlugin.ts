import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { readCourse as ReadCourse } from '../src/cli/readCourse';

/** The module the app imports the course from: every lesson, parsed and validated at build time. */
export const lessonsModuleId = 'virtual:cachescope-lessons';
const resolvedId = `\0${lessonsModuleId}`;

/**
 * The parser runs through Vite's module runner rather than a static import, so that loading
 * vite.config does not pull the engine's TypeScript into the config bundle.
 */
async function loadCourse(dir: string) {
  const parser = fileURLToPath(new URL('../src/cli/readCourse.ts', import.meta.url));
  const { module } = await runnerImport<{ readCourse: typeof ReadCourse }>(parser, {
    configFile: false,
    logLevel: 'silent',
  });
  return module.readCourse(dir);
}

/**
 * Validates the course when the build starts (a broken lesson fails the build with its file, field
 * and expectation) and serves it as `virtual:cachescope-lessons`, already parsed: the page ships
 * plain data, not a YAML parser, and cannot meet a lesson the build did not check.
 */
export function lessonsPlugin(options: { dir?: string } = {}): Plugin {
  let dir = resolve(options.dir ?? 'lessons');
  /** Parsed at build start, served by load: the course is read once per build. */
  let course: Promise<unknown> | null = null;
  return {
    name: 'cachescope-lessons',
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? 'lessons');
    },
    async buildStart() {
      course = loadCourse(dir);
      try {
        await course;
      } catch (error) {
        course = null;
        this.error(`Cachescope lessons: ${(error as Error).message}`);
      }
    },
    resolveId(id) {
      return id === lessonsModuleId ? resolvedId : null;
    },
    load: {
      filter: { id: new RegExp(`^\\0${lessonsModuleId}$`) },
      async handler(id) {
        if (id !== resolvedId) return null;
        for (const name of readdirSync(dir)) if (name.endsWith('.md')) this.addWatchFile(join(dir, name));
        const lessons = await (course ?? loadCourse(dir));
        course = null; // in dev, a changed lesson is read again
        return `export default ${JSON.stringify(lessons)};`;
      },
    },
  };
}
