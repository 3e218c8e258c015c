/**
 * The words every message about a person's input uses for where a value is and what it was: the
 * same in a scenario, a run file, a share link, a lesson or a demo. Messages read
 * `path: expected ..., got ...`.
 */

/** The text a person wrote: JSON (scenarios, run files, share links) or YAML (lessons, demos). */
export type Syntax = 'json' | 'yaml';

/** How messages name the place and the value, for one kind of document. */
export interface InputWords {
  syntax: Syntax;
  /** How a problem with the whole document names its place: `(the scenario)`, `(top)`. */
  root: string;
}

/** Scenarios and run files, written in JSON. */
export const jsonWords: InputWords = { syntax: 'json', root: '(the scenario)' };
/** Lesson files' YAML blocks. */
export const yamlWords: InputWords = { syntax: 'yaml', root: '(top)' };

/** `workload.keySpaces[1].name`; the empty path is the document's root name. */
export function formatPath(path: readonly PropertyKey[], root: string): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? root : out;
}

/** A value the way a person would read it in their file (in YAML an empty value is null). */
export function describeValue(value: unknown, syntax: Syntax): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return syntax === 'yaml' ? 'null (an empty value)' : 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** What a type looks like when written in the document's syntax. */
export function typeWords(expected: string, syntax: Syntax): string {
  switch (expected) {
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'string':
      return syntax === 'yaml' ? 'text' : 'text in double quotes';
    case 'boolean':
      return 'true or false';
    case 'object':
      return syntax === 'yaml' ? 'an object (fields on indented lines, or { ... })' : 'an object { ... }';
    case 'array':
      return syntax === 'yaml' ? 'a list (lines starting with "- ", or [ ... ])' : 'a list [ ... ]';
    default:
      return expected;
  }
}

/** A problem found by a check of our own (one that spans fields): where it is and what is wrong. */
export interface InputProblem {
  path: readonly PropertyKey[];
  /** `expected a time after startMs (5000), got 3000`: the message without its place. */
  message: string;
}

/** `12,000,000`: counts in messages, grouped as a person reads them. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
