import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';

/** A folder of Markdown files the build parses and checks, and the virtual module that serves them. */
export interface ParsedFiles {
  /** The plugin's name, and what its errors start with ("Cachescope lessons"). */
  name: string;
  words: string;
  moduleId: string;
  /** The folder, relative to the project's root (`lessons`). */
  defaultDir: string;
  /** The Node module under src/cli that reads the folder, relative to build/, and its function. */
  reader: { path: string; exportName: string };
}

/**
 * The parser runs through Vite's module runner rather than a static import, so that loading
 * vite.config does not pull the engine's TypeScript into the config bundle.
 */
async function loadFiles(files: ParsedFiles, dir: string): Promise<unknown> {
  const parser = fileURLToPath(new URL(files.reader.path, import.meta.url));
  const { module } = await runnerImport<Record<string, (dir: string) => unknown>>(parser, {
    configFile: false,
    logLevel: 'silent',
  });
  return module[files.reader.exportName](dir);
}

/**
 * Validates the files when the build starts (a broken one fails the build with its file, field and
 * expectation) and serves them as a virtual module, already parsed: the page ships plain data, not a
 * YAML parser, and cannot meet a file the build did not check.
 */
export function parsedFilesPlugin(files: ParsedFiles, options: { dir?: string } = {}): Plugin {
  const resolvedId = `\0${files.moduleId}`;
  let dir = resolve(options.dir ?? files.defaultDir);
  /** Parsed at build start, served by load: the folder is read once per build. */
  let parsed: Promise<unknown> | null = null;
  return {
    name: files.name,
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? files.defaultDir);
    },
    async buildStart() {
      parsed = loadFiles(files, dir);
      try {
        await parsed;
      } catch (error) {
        parsed = null;
        this.error(`${files.words}: ${(error as Error).message}`);
      }
    },
    resolveId(id) {
      return id === files.moduleId ? resolvedId : null;
    },
    load: {
      filter: { id: new RegExp(`^\\0${files.moduleId}$`) },
      async handler(id) {
        if (id !== resolvedId) return null;
        for (const name of readdirSync(dir)) if (name.endsWith('.md')) this.addWatchFile(join(dir, name));
        const value = await (parsed ?? loadFiles(files, dir));
        parsed = null; // in dev, a changed file is read again
        return `export default ${JSON.stringify(value)};`;
      },
    },
  };
}
