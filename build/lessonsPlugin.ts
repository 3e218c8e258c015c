import type { Plugin } from 'vite';
import { parsedFilesPlugin } from './parsedFilesPlugin.js';

/** The module the app imports the course from: every lesson, parsed and validated at build time. */
export const lessonsModuleId = 'virtual:cachescope-lessons';

/** Serves `lessons/*.md` as `virtual:cachescope-lessons`, checked when the build starts. */
export function lessonsPlugin(options: { dir?: string } = {}): Plugin {
  return parsedFilesPlugin(
    {
      name: 'cachescope-lessons',
      words: 'Cachescope lessons',
      moduleId: lessonsModuleId,
      defaultDir: 'lessons',
      reader: { path: '../src/cli/readCourse.ts', exportName: 'readCourse' },
    },
    options,
  );
}
