import type { z as zodTypes } from 'zod';
import { z } from '../zod';
import { describeValue, typeWords, type Syntax } from './inputWords';
import { suggest } from './suggest';

type RawIssue = zodTypes.core.$ZodRawIssue;

/**
 * zod's error map in our words: each issue becomes `expected ..., got ...`, with a "did you mean"
 * where a name was misspelt. It reads only what zod hands an error map (the issue, its input and
 * the schema that owns it, through their public API), never zod's internals, so a zod upgrade
 * keeps the messages. A message a schema declares itself wins over these (zod's precedence).
 *
 * An unknown-field issue names several fields at once: its message has one line per field, in the
 * order of `issue.keys`. A union whose branches all failed is left to parseWithSchema, which picks
 * the branch that came closest.
 */
export function zodMessages(syntax: Syntax): (issue: RawIssue) => string | undefined {
  const got = (value: unknown) => describeValue(value, syntax);
  return (issue) => {
    switch (issue.code) {
      case 'invalid_type': {
        const expected = issue.expected === 'number' && isWholeNumber(issue.schema) ? 'int' : issue.expected;
        return `expected ${typeWords(expected, syntax)}, got ${got(issue.input)}${typeHint(expected, issue.input)}`;
      }
      case 'too_small':
      case 'too_big':
        return boundMessage(issue, syntax);
      case 'invalid_value':
        return `${expectedValues(issue.values)}, got ${got(issue.input)}${suggestValue(issue.input, issue.values)}`;
      case 'invalid_format':
        return `expected text in the format ${issue.format}, got ${got(issue.input)}`;
      case 'not_multiple_of':
        return `expected a multiple of ${issue.divisor}, got ${got(issue.input)}`;
      case 'unrecognized_keys': {
        const known = issue.schema instanceof z.ZodObject ? Object.keys(issue.schema.shape) : [];
        const list =
          known.length === 1
            ? `; the only field here is ${known[0]}`
            : known.length > 1
              ? `; the fields here are ${known.join(', ')}`
              : '';
        return issue.keys.map((key) => `unknown field${suggest(key, known)}${list}`).join('\n');
      }
      case 'invalid_union': {
        // A discriminator that matches no branch: zod lists the values it may take.
        const options = (issue as { options?: unknown[] }).options;
        const key = (issue as { discriminator?: string }).discriminator;
        if (!options || key === undefined) return undefined;
        const value = isRecord(issue.input) ? issue.input[key] : undefined;
        return `${expectedValues(options)}, got ${got(value)}${suggestValue(value, options)}`;
      }
      default:
        return undefined;
    }
  };
}

function boundMessage(issue: RawIssue & { code: 'too_small' | 'too_big' }, syntax: Syntax): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const input = issue.input;
  const atLeast = small ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'array':
    case 'set': {
      const n = Array.isArray(input) ? input.length : 0;
      return `expected ${atLeast} ${count(bound, 'item')}, got ${count(n, 'item')}`;
    }
    case 'string':
      if (small && bound === 1) return `expected some text, got ${describeValue(input, syntax)}`;
      return `expected text of ${atLeast} ${count(bound, 'character')}, got ${count(String(input).length, 'character')}`;
    default: {
      const noun = isWholeNumber(issue.schema) ? 'a whole number' : 'a number';
      const inclusive = issue.inclusive !== false;
      const op = small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
      return `expected ${noun} ${op} ${bound}, got ${describeValue(input, syntax)}`;
    }
  }
}

function expectedValues(values: readonly unknown[]): string {
  const written = values.map((value) => JSON.stringify(value));
  return `expected ${written.length === 1 ? written[0] : `one of ${written.join(', ')}`}`;
}

function suggestValue(value: unknown, values: readonly unknown[]): string {
  return typeof value === 'string' ? suggest(value, values.map(String)) : '';
}

/** A hint for the usual slip of quoting a number or a boolean. */
function typeHint(expected: string, value: unknown): string {
  const isNumber = expected === 'number' || expected === 'int';
  if (isNumber && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return ' (write numbers without quotes)';
  if (expected === 'boolean' && (value === 'true' || value === 'false'))
    return ' (write true or false without quotes)';
  return '';
}

function isWholeNumber(schema: unknown): boolean {
  return schema instanceof z.ZodNumber && (schema.format ?? '').includes('int');
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
