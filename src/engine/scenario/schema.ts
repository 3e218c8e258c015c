import { z } from '../zod';
import { appPoliciesSchema, latencySchema, topologySchema, workloadSchema } from './parts';
import { timedCommandSchema } from './commandSchema';
import { scenarioRules } from './scenarioRules';

/**
 * The scenario: everything a run depends on, as one plain, versioned, JSON-serialisable object.
 * Presets are scenarios. Scenario plus command log replays a run exactly.
 */
export const scenarioSchema = z
  .strictObject(
    {
      version: z.literal(1, { error: 'expected version 1, the only scenario format there is' }),
      name: z.string().min(1).max(120).default('Untitled scenario'),
      description: z.string().max(4000).default(''),
      /** Seed of every random draw of the run (a 32-bit unsigned integer). */
      seed: z.number().int().min(0).max(4294967295).default(1),
      durationMs: z.number().gt(0).max(1e10).default(60_000),
      /** Width of a time-series bucket. */
      bucketMs: z.number().min(1).max(1e9).default(1000),
      workload: workloadSchema.prefault({}),
      topology: topologySchema.prefault({}),
      policies: appPoliciesSchema.prefault({}),
      latency: latencySchema.prefault({}),
      /** Commands applied at set simulated times (a node fails at 20 s, say). */
      faults: z.array(timedCommandSchema).max(10_000).default([]),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type' ? 'expected an object { "version": 1, ... }' : undefined,
    },
  )
  // The checks that span fields, once every field on its own is valid.
  .superRefine(
    (scenario, ctx) => {
      for (const { path, message } of scenarioRules(scenario))
        ctx.addIssue({ code: 'custom', path: [...path], message });
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written in a file: every field optional but the version. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
