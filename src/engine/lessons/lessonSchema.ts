import { z } from '../zod';
import { tierNames } from '../tiers/tierNames';
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

const comparators = ['above', 'below', 'atLeast', 'atMost', 'risesBy', 'dropsBy'] as const;
export type Comparator = (typeof comparators)[number];

/** A setting's value, as a check on the settings in effect compares it. */
const settingValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const checkSchema = z
  .strictObject({
    metric: z.enum(goalMetricNames).optional(),
    event: z.enum(goalEventNames).optional(),
    tier: z.enum(tierNames).optional(),
    above: z.number().optional(),
    below: z.number().optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    /** At least this much above the same metric over the same window just before the step began. */
    risesBy: z.number().gt(0).optional(),
    /** At least this much below the same metric over the same window just before the step began. */
    dropsBy: z.number().gt(0).optional(),
    window: windowSchema.optional(),
    /** A setting in effect, by path (`tiers.distributed.eviction`); see goalSettings.ts. */
    setting: z.string().min(1).max(120).optional(),
    /** The value the setting must have. */
    is: settingValue.optional(),
    /** Overrides the generated checklist text. */
    label: text.max(200).optional(),
  })
  .superRefine((check, ctx) => {
    const subjects = (['metric', 'event', 'setting'] as const).filter((k) => check[k] !== undefined);
    if (subjects.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [subjects[1] ?? 'metric'],
        message: `expected exactly one of "metric", "event" or "setting", got ${subjects.length === 0 ? 'none' : subjects.join(' and ')}`,
      });
      return;
    }
    const given = comparators.filter((c) => check[c] !== undefined);
    if (check.setting !== undefined) {
      const extra = [...given, ...(['tier', 'window'] as const).filter((k) => check[k] !== undefined)];
      if (check.is === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['is'],
          message: `expected "is": the value ${check.setting} must have`,
        });
      else if (extra.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: [extra[0]],
          message: `expected only "is" (and "label") with a setting, got ${extra.join(' and ')}`,
        });
      return;
    }
    if (check.is !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['is'], message: 'expected "is" only with a "setting"' });
      return;
    }
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1] ?? 'above'],
        message:
          `expected exactly one of ${comparators.join(', ')}, got ` +
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
    const relative = given[0] === 'risesBy' || given[0] === 'dropsBy';
    if (relative && info.kind === 'total') {
      ctx.addIssue({
        code: 'custom',
        path: [given[0]],
        message: `expected one of above, below, atLeast, atMost: ${info.label} are counted from the step's start, so there is nothing before it to compare with`,
      });
    } else if (relative && check.window === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['window'],
        message: `expected a window { lastMs: ... }: "${given[0]}" compares that window with the same length of time just before the step began`,
      });
    }
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
