import { describe, expect, it } from 'vitest';
import { jsonWords, yamlWords } from '../../../src/engine/input/inputWords';
import { parseWithSchema } from '../../../src/engine/input/parseWithSchema';
import { z } from '../../../src/engine/zod';

/** A small document of the kind a demo or lesson file holds, with one rule that spans fields. */
const window = z
  .strictObject({ fromMs: z.number().min(0), toMs: z.number().min(0) })
  .superRefine((w, ctx) => {
    if (w.toMs <= w.fromMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['toMs'],
        message: `expected a time after fromMs (${w.fromMs}), got ${w.toMs}`,
      });
    }
  });
const demoSchema = z.strictObject({
  title: z.string().min(1).max(20),
  speed: z.number().int().min(1).max(1000),
  policy: z.enum(['lru', 'lfu', 'sieve']),
  version: z.literal(2, { error: 'expected version 2, the demo format' }),
  shape: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('zipf'), alpha: z.number() }),
      z.strictObject({ kind: z.literal('uniform') }),
    ])
    .optional(),
  value: z.union([z.string(), z.number(), z.null()]).optional(),
  steps: z.array(z.strictObject({ window })).min(1),
});

const valid = {
  title: 'A demo',
  speed: 10,
  policy: 'lru',
  version: 2,
  steps: [{ window: { fromMs: 0, toMs: 5 } }],
};

function problemsOf(input: unknown, words = jsonWords): string[] {
  const result = parseWithSchema(demoSchema, input, words);
  if (result.ok) throw new Error('the document was accepted');
  return result.problems;
}

describe('parseWithSchema says each zod issue as "path: expected ..., got ..."', () => {
  it('accepts a valid document and returns its data', () => {
    expect(parseWithSchema(demoSchema, valid, jsonWords)).toEqual({ ok: true, data: valid });
  });

  it('names an unknown field, suggests the near one and lists the fields there', () => {
    expect(problemsOf({ ...valid, speeed: 3 })).toEqual([
      'speeed: unknown field (did you mean "speed"?); the fields here are title, speed, policy, version, shape, value, steps',
    ]);
  });

  it('gives each of several unknown fields its own problem and suggestion', () => {
    expect(problemsOf({ ...valid, steps: [{ window: { fromMs: 0, toMs: 5 }, windw: 1, zzz: 2 }] })).toEqual([
      'steps[0].windw: unknown field (did you mean "window"?); the only field here is window',
      'steps[0].zzz: unknown field; the only field here is window',
    ]);
  });

  it('says a wrong type in the words of the syntax, with a hint for a quoted number', () => {
    expect(problemsOf({ ...valid, speed: '10' })).toEqual([
      'speed: expected a whole number, got "10" (write numbers without quotes)',
    ]);
    expect(problemsOf({ ...valid, title: 3 })).toEqual(['title: expected text in double quotes, got 3']);
    expect(problemsOf({ ...valid, title: 3 }, yamlWords)).toEqual(['title: expected text, got 3']);
  });

  it('says a value out of range with its bound, and a whole number as one', () => {
    expect(problemsOf({ ...valid, speed: 0 })).toEqual(['speed: expected a whole number >= 1, got 0']);
    expect(problemsOf({ ...valid, speed: 2.5 })).toEqual(['speed: expected a whole number, got 2.5']);
    expect(problemsOf({ ...valid, title: 'x'.repeat(25) })).toEqual([
      'title: expected text of at most 20 characters, got 25 characters',
    ]);
    expect(problemsOf({ ...valid, steps: [] })).toEqual(['steps: expected at least 1 item, got 0 items']);
  });

  it('lists the values of a bad choice and suggests the near one', () => {
    expect(problemsOf({ ...valid, policy: 'seive' })).toEqual([
      'policy: expected one of "lru", "lfu", "sieve", got "seive" (did you mean "sieve"?)',
    ]);
  });

  it('says a discriminator that matches no branch at the discriminator, with a suggestion', () => {
    expect(problemsOf({ ...valid, shape: { kind: 'zipff', alpha: 1 } })).toEqual([
      'shape.kind: expected one of "zipf", "uniform", got "zipff" (did you mean "zipf"?)',
    ]);
    expect(problemsOf({ ...valid, shape: { kind: 'zipf' } })).toEqual([
      'shape.alpha: expected a number, got nothing (the field is missing)',
    ]);
  });

  it('names every type a union of plain types takes', () => {
    expect(problemsOf({ ...valid, value: [1] }, yamlWords)).toEqual([
      'value: expected text, a number, or null, got a list',
    ]);
  });

  it("adds what was got to a schema's own message, and keeps a refinement's as it is written", () => {
    expect(problemsOf({ ...valid, version: 1 })).toEqual([
      'version: expected version 2, the demo format, got 1',
    ]);
    expect(problemsOf({ ...valid, steps: [{ window: { fromMs: 9, toMs: 5 } }] })).toEqual([
      'steps[0].window.toMs: expected a time after fromMs (9), got 5',
    ]);
  });

  it('names the root by the words given, and reports every problem at once', () => {
    expect(problemsOf('hello', yamlWords)).toEqual([
      '(top): expected an object (fields on indented lines, or { ... }), got "hello"',
    ]);
    expect(problemsOf({ ...valid, speed: 0, policy: 'x', title: '' })).toHaveLength(3);
  });
});
