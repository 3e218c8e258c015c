import type { z } from 'zod';
import { describeValue, formatPath, typeWords, type InputWords } from './inputWords';
import { zodMessages } from './zodMessages';

type Issue = z.core.$ZodIssue;

/** What a document was checked into: its value with every default, or every problem in it. */
export type SchemaResult<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/**
 * Checks `input` against a schema and says each problem as `path: expected ..., got ...` (see
 * zodMessages). Scenarios, run files, lessons and demos all go through here, so their authors read
 * the same kind of message.
 *
 * A schema may declare its own message: one that starts with "expected " and does not say what was
 * got has `, got ...` added; a refinement's (`superRefine`) message is used as it is written.
 *
 * @example
 * const result = parseWithSchema(scenarioSchema, { version: 1, seed: -1 }, jsonWords);
 * if (!result.ok) result.problems; // ['seed: expected a whole number >= 0, got -1']
 */
export function parseWithSchema<T>(schema: z.ZodType<T>, input: unknown, words: InputWords): SchemaResult<T> {
  const result = schema.safeParse(input, { reportInput: true, error: zodMessages(words.syntax) });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: describeIssues(result.error.issues, [], words) };
}

function describeIssues(issues: readonly Issue[], base: readonly PropertyKey[], words: InputWords): string[] {
  return issues.flatMap((issue) => describeIssue(issue, [...base, ...issue.path], words));
}

function describeIssue(issue: Issue, path: readonly PropertyKey[], words: InputWords): string[] {
  if (issue.code === 'unrecognized_keys') {
    const lines = issue.message.split('\n');
    return issue.keys.map((key, i) => `${formatPath([...path, key], words.root)}: ${lines[i] ?? lines[0]}`);
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const types = issue.errors.map(wrongTypeOf);
    if (types.every((type) => type !== null)) {
      // A value of one of a few plain types (text, a number, ...): name them all.
      const expected = orList(types.map((type) => typeWords(type, words.syntax)));
      return [
        `${formatPath(path, words.root)}: expected ${expected}, got ${describeValue(issue.input, words.syntax)}`,
      ];
    }
    // Every branch failed: the one with the fewest problems is the one the person meant.
    const closest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    return describeIssues(closest, path, words);
  }
  const { message } = issue;
  const declared = issue.code !== 'custom' && message.startsWith('expected ') && !/\bgot\b/.test(message);
  const got = declared ? `, got ${describeValue(issue.input, words.syntax)}` : '';
  return [`${formatPath(path, words.root)}: ${message}${got}`];
}

/** The type a union's branch expected, when its one problem is that the value has another type. */
function wrongTypeOf(branch: readonly Issue[]): string | null {
  const [only] = branch;
  return branch.length === 1 && only.code === 'invalid_type' && only.path.length === 0 ? only.expected : null;
}

/** `text, a number, true or false, or null` */
function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
}
