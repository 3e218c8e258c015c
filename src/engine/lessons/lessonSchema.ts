import { z } from '../zod';
import { tierNames } from '../scenario/commandSchema';
import { goalEventNames, goalMetricNames, goalMetrics } from './goalMetrics';

/**
 * The shape of a lesson file: YAML front matter (title, level, minutes, objectives, the starting
 * scenario) and one YAML `step` block per `## ` section. Checks that need more than one field (one
 * right answer, a window that fits the step) are refinements here; checks that need the scenario
 * (the preset, the solution's commands) are in parseLesson.
 */

const text = z.string().trim().min(1);

/** Counted over the last `lastMs` of simulated time, but never before the step began. */
export const windowSchema = z.strictObject({ lastMs: z.number().gt(0).max(3_600_000) });

const comparators = ['above', 'below', 'atLeast', 'atMost'] as const;
export type Comparator = (typeof comparators)[number];

export const checkSchema = z
  .strictObject({
    metric: z.enum(goalMetricNames).optional(),
    event: z.enum(goalEventNames).optional(),
    tier: z.enum(tierNames).optional(),
    above: z.number().optional(),
    below: z.number().optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    window: windowSchema.optional(),
    /** Overrides the generated checklist text. */
    label: text.max(200).optional(),
  })
  .superRefine((check, ctx) => {
    if ((check.metric === undefined) === (check.event === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['metric'],
        message: `expected exactly one of "metric" or "event", got ${check.metric ? 'both' : 'neither'}`,
      });
      return;
    }
    const given = comparators.filter((c) => check[c] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1] ?? 'above'],
        message:
          `expected exactly one of above, below, atLeast, atMost, got ` +
          (given.length === 0 ? 'none' : given.join(' and ')),
      });
      return;
    }
    const name = check.metric ?? 'tier.hits';
    const info = goalMetrics[name];
    if (info.kind === 'ratio' && check.tier === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['tier'],
        message: `expected the tier whose ${info.label} to check (${tierNames.join(', ')}), got nothing`,
      });
    }
    if (check.metric && !info.perTier && check.tier !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['tier'],
        message: `expected no tier: ${check.metric} is measured end to end`,
      });
    }
    if (
      check.event &&
      !['cache.hit', 'cache.miss', 'cache.eviction', 'cache.expiry', 'cache.invalidation'].includes(
        check.event,
      ) &&
      check.tier !== undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['tier'],
        message: `expected no tier: ${check.event} is counted end to end`,
      });
    }
    if (info.kind === 'total' && check.window !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['window'],
        message: `expected no window: ${info.label} are counted from the step's start`,
      });
    }
    const bound = check[given[0]]!;
    if (
      (given[0] === 'below' || given[0] === 'atMost') &&
      info.kind !== 'total' &&
      check.window === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['window'],
        message: `expected a window { lastMs: ... }: "${given[0]}" is only meaningful once there has been time to measure`,
      });
    }
    if (given[0] === 'atLeast' && bound <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['atLeast'],
        message: `expected a number > 0 (at least 0 is always true), got ${bound}`,
      });
    }
    if (info.unit === 'fraction' && (bound < 0 || bound > 1)) {
      ctx.addIssue({
        code: 'custom',
        path: [given[0]],
        message: `expected a fraction from 0 to 1 (0.8 is 80%), got ${bound}`,
      });
    }
  });

export const choiceSchema = z.strictObject({
  text,
  correct: z.boolean().default(false),
  /** Why this answer is right (or wrong); shown once the student has answered. */
  why: text.optional(),
});

export const predictionSchema = z
  .strictObject({ question: text, choices: z.array(choiceSchema).min(2).max(6) })
  .superRefine((prediction, ctx) => {
    const right = prediction.choices.flatMap((choice, i) => (choice.correct ? [i] : []));
    if (right.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message:
          `expected exactly one choice with correct: true, got ${right.length}` +
          (right.length > 1 ? ` (choices ${right.join(', ')})` : ''),
      });
    } else if (prediction.choices[right[0]].why === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices', right[0], 'why'],
        message: 'expected "why": the reason the right answer is right, shown after the student answers',
      });
    }
  });

export const stepBlockSchema = z.strictObject({
  prediction: predictionSchema.optional(),
  goal: z.strictObject({ all: z.array(checkSchema).min(1).max(8) }),
  hints: z.array(text).max(8).default([]),
  /** Commands (as in docs/scenario.md) that meet the goal; validated against the scenario in parseLesson. */
  solution: z.array(z.unknown()).max(32).default([]),
  /** Simulated time to run after applying the solution, by which the goal is met. */
  runMs: z.number().gt(0).max(600_000),
});

export const frontMatterSchema = z.strictObject({
  title: text.max(120),
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  minutes: z.number().int().min(1).max(240),
  objectives: z.array(text).min(1).max(10),
  scenario: z.strictObject({
    preset: z.string(),
    /** A partial scenario merged deeply over the preset (lists replace the preset's). */
    changes: z.record(z.string(), z.unknown()).default({}),
  }),
});

export type GoalCheck = z.infer<typeof checkSchema>;
export type Prediction = z.infer<typeof predictionSchema>;
export type StepBlock = z.infer<typeof stepBlockSchema>;
export type FrontMatter = z.infer<typeof frontMatterSchema>;
