import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Markdown files of a folder at the project's root (`lessons`, `demos`), named as the build names them, in order. */
export function readMarkdownFiles(folder: string): { file: string; text: string }[] {
  const dir = join(import.meta.dirname, '../..', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ file: `${folder}/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}
