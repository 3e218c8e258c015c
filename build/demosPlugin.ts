import type { Plugin } from 'vite';
import { parsedFilesPlugin } from './parsedFilesPlugin.js';

/** The module the app imports the demo scripts from, parsed and validated at build time. */
export const demosModuleId = 'virtual:cachescope-demos';

/** Serves `demos/*.md` as `virtual:cachescope-demos`, checked when the build starts. */
export function demosPlugin(options: { dir?: string } = {}): Plugin {
  return parsedFilesPlugin(
    {
      name: 'cachescope-demos',
      words: 'Cachescope demos',
      moduleId: demosModuleId,
      defaultDir: 'demos',
      reader: { path: '../src/cli/readDemos.ts', exportName: 'readDemos' },
    },
    options,
  );
}
