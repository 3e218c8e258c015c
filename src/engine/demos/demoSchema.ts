import { z } from '../zod';
import { checkSchema } from '../lessons/lessonSchema';

/**
 * The shape of a demo file: YAML front matter (title, minutes, the starting scenario) and one YAML
 * `beat` block per `## ` section. Checks that need the scenario or the neighbouring beats (the
 * commands, the moments in order, windows that fit the beat) are in parseDemo.
 */

const text = z.string().trim().min(1);

export const beatBlockSchema = z.strictObject({
  /** The simulated moment the beat begins. */
  atMs: z.number().min(0).max(3_600_000),
  /** Commands (as in docs/scenario.md) applied at atMs; validated against the scenario in parseDemo. */
  commands: z.array(z.unknown()).max(32).default([]),
  /** What the run shows by the end of the beat: the checks of a lesson's goal. */
  expect: z.strictObject({ all: z.array(checkSchema).min(1).max(8) }).optional(),
});

export const demoFrontMatterSchema = z.strictObject({
  title: text.max(120),
  minutes: z.number().int().min(1).max(60),
  scenario: z.strictObject({
    preset: z.string(),
    /** A partial scenario merged deeply over the preset (lists replace the preset's). */
    changes: z.record(z.string(), z.unknown()).default({}),
  }),
});

export type BeatBlock = z.infer<typeof beatBlockSchema>;
export type DemoFrontMatter = z.infer<typeof demoFrontMatterSchema>;
