import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../engine/inputError';

/**
 * Reads every `*.md` in `dir` in file-name order and parses each as `folder/name` (lessons, demos).
 * Node only.
 *
 * @throws Error listing every broken file, each problem naming its file, field and what was expected.
 */
export function readParsedFiles<T>(
  dir: string,
  folder: string,
  parse: (text: string, file: string) => T,
): T[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const parsed: T[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      parsed.push(parse(readFileSync(join(dir, name), 'utf8'), `${folder}/${name}`));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return parsed;
}
