import type { z } from 'zod';
import { suggest } from './suggest';

/**
 * zod's issues as `path: expected ..., got ...`, in the words of docs/scenario.md, so that a lesson's
 * author reads the same kind of message as a scenario's.
 *
 * @param root the value that was checked, to quote what was given.
 * @param fieldNames known field names, to suggest one for a misspelt field.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  fieldNames: readonly string[],
): string[] {
  return issues.flatMap((issue) => {
    const got = valueAt(root, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        return [
          `${formatPath(issue.path)}: expected ${typeWords(issue.expected)}, got ${describeValue(got)}`,
        ];
      case 'invalid_value': {
        const values = issue.values.map((v) => JSON.stringify(v));
        const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
        const hint = typeof got === 'string' ? suggest(got, issue.values.map(String)) : '';
        return [`${formatPath(issue.path)}: expected ${expected}, got ${describeValue(got)}${hint}`];
      }
      case 'unrecognized_keys':
        return issue.keys.map(
          (key) => `${formatPath([...issue.path, key])}: unknown field${suggest(key, fieldNames)}`,
        );
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = Number(small ? issue.minimum : issue.maximum);
        if (issue.origin === 'array') {
          const n = Array.isArray(got) ? got.length : 0;
          return [
            `${formatPath(issue.path)}: expected ${small ? 'at least' : 'at most'} ${bound} ${bound === 1 ? 'item' : 'items'}, got ${n}`,
          ];
        }
        if (issue.origin === 'string') {
          return [
            `${formatPath(issue.path)}: expected ${small ? 'some text' : `text of at most ${bound} characters`}, got ${describeValue(got)}`,
          ];
        }
        const op = small ? (issue.inclusive === false ? '>' : '>=') : issue.inclusive === false ? '<' : '<=';
        return [`${formatPath(issue.path)}: expected a number ${op} ${bound}, got ${describeValue(got)}`];
      }
      default:
        return [`${formatPath(issue.path)}: ${issue.message}`];
    }
  });
}

/** `steps[2].goal.all[0].metric`; the root is `(top)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out === '' ? '(top)' : out;
}

/** A value the way a person would read it in their file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function typeWords(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object (fields on indented lines, or { ... })';
    case 'array':
      return 'a list (lines starting with "- ", or [ ... ])';
    default:
      return expected;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
