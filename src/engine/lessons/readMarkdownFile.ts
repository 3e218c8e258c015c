import { parse as parseYaml, YAMLError } from 'yaml';
import { InputError } from '../inputError';
import { parseScenario } from '../scenario/parseScenario';
import { isPresetName, presetInputs, presetNames } from '../scenario/presets/index';
import type { Scenario } from '../scenario/schema';
import type { z } from '../zod';
import { yamlWords } from '../input/inputWords';
import { parseWithSchema } from '../input/parseWithSchema';
import { suggest } from '../input/suggest';
import { mergeDeep } from './mergeDeep';
import { splitLesson, type LessonParts, type SectionWords } from './splitLesson';

/**
 * The pieces a lesson and a demo file share: a numbered file name, YAML front matter that names a
 * preset and its changes, and `## ` sections with one YAML block each. Every problem found is pushed
 * onto the caller's list, in the words of docs/scenario.md.
 */

const fileNamePattern = /^(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/** What every file of this kind starts with. */
interface FrontWithScenario {
  scenario: { preset: string; changes: Record<string, unknown> };
}

export interface FileHead<F> {
  /** The file name without its folders. */
  baseName: string;
  /** The numeric prefix of the file name, or null when the name is not numbered. */
  number: number | null;
  parts: LessonParts;
  frontMatter: F | null;
  /** The preset with the changes, validated; null when the front matter or the scenario is wrong. */
  scenario: Scenario | null;
}

/**
 * Reads a file's name, layout, front matter and starting scenario.
 *
 * @param example a good file name, for the message about a bad one (`01-hits-and-misses.md`).
 */
export function readFileHead<F extends FrontWithScenario>(
  text: string,
  file: string,
  kind: { example: string; words?: SectionWords; schema: z.ZodType<F> },
  problems: string[],
): FileHead<F> {
  const baseName = file.split('/').pop() ?? file;
  const nameMatch = fileNamePattern.exec(baseName);
  if (!nameMatch) {
    problems.push(
      `file name: expected a number, a dash and lower-case words, ending in .md (such as ${kind.example}), got "${baseName}"`,
    );
  }
  const parts = splitLesson(text, kind.words);
  problems.push(...parts.problems);
  const frontMatter = readBlock(
    parts.frontMatter,
    parts.frontMatterLine,
    'front matter',
    kind.schema,
    problems,
  );
  return {
    baseName,
    number: nameMatch ? Number(nameMatch[1]) : null,
    parts,
    frontMatter,
    scenario: frontMatter ? startingScenario(frontMatter, problems) : null,
  };
}

/** A block of YAML checked against its schema, or null with its problems pushed. */
export function readBlock<T>(
  yaml: string,
  firstLine: number,
  what: string,
  schema: z.ZodType<T>,
  problems: string[],
): T | null {
  const block = readYaml(yaml, firstLine, what, problems);
  if (!block.ok) return null;
  const result = parseWithSchema(schema, block.value ?? {}, yamlWords);
  if (result.ok) return result.data;
  problems.push(...result.problems);
  return null;
}

function readYaml(
  text: string,
  firstLine: number,
  what: string,
  problems: string[],
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseYaml(text) };
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
    const at = error.linePos?.[0];
    const where = at ? `line ${firstLine + at.line - 1}, column ${at.col}` : `line ${firstLine}`;
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    problems.push(`${what}, ${where}: not valid YAML: ${reason}`);
    return { ok: false };
  }
}

function startingScenario(front: FrontWithScenario, problems: string[]): Scenario | null {
  const { preset, changes } = front.scenario;
  if (!isPresetName(preset)) {
    problems.push(
      `scenario.preset: expected one of ${presetNames.join(', ')}, got "${preset}"${suggest(preset, presetNames)}`,
    );
    return null;
  }
  try {
    return parseScenario(mergeDeep(presetInputs[preset], changes));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(
      ...error.problems.map((problem) => `scenario (preset "${preset}" with changes): ${problem}`),
    );
    return null;
  }
}
