import { z } from '../zod';
import {
  appPoliciesSchema,
  evictionSchema,
  fraction,
  latencySchema,
  nonNegative,
  popularitySchema,
  topologySchema,
  ttlSchema,
} from './parts';
import { tierNames, type TierName } from '../tiers/tierNames';

/** Re-exported for the schema's users; the names live in tiers/tierNames (no zod there). */
export { tierNames, type TierName };

/**
 * The schema's fields, each optional and without its default: a command's `changes` name only what
 * they change. (zod's `.partial()` keeps defaults, so `{ lossProbability: 0 }` would also have set
 * `enabled: false`.)
 */
function changesOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
      return [key, (inner as z.ZodType).optional()];
    }),
  );
  return z.strictObject(shape) as unknown as ReturnType<z.ZodObject<Shape>['partial']>;
}

/** Which keys a purge drops. */
export const purgeMatchSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('key'), key: z.string().min(1) }),
  z.strictObject({ kind: z.literal('prefix'), prefix: z.string().min(1) }),
  z.strictObject({ kind: z.literal('all') }),
]);

const tierChangesSchema = z.strictObject({
  enabled: z.boolean().optional(),
  capacity: z.number().int().min(1).max(100_000_000).optional(),
  eviction: evictionSchema.optional(),
  samples: z.number().int().min(1).max(64).optional(),
  ttl: changesOf(ttlSchema).optional(),
  /** Distributed cache only: copies of each key written from now on (at most the number of nodes). */
  replication: z.number().int().min(1).max(8).optional(),
});

/**
 * What a person does during a run. Each command is applied at a simulated time; the scenario plus
 * the log of timed commands replays the run exactly.
 */
export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tier.configure'), tier: z.enum(tierNames), changes: tierChangesSchema }),
  z.strictObject({ type: z.literal('policies.set'), changes: changesOf(appPoliciesSchema) }),
  z.strictObject({
    type: z.literal('workload.set'),
    changes: z.strictObject({
      ratePerSecond: z.number().gt(0).max(10_000_000).optional(),
      writeRatio: fraction.optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('keySpace.set'),
    name: z.string(),
    changes: z.strictObject({
      count: z.number().int().min(1).max(10_000_000).optional(),
      popularity: popularitySchema.optional(),
      writeRatio: fraction.optional(),
      http: z.enum(['public', 'private', 'no-store']).optional(),
    }),
  }),
  z.strictObject({ type: z.literal('latency.set'), changes: changesOf(latencySchema) }),
  z.strictObject({ type: z.literal('bus.configure'), changes: changesOf(topologySchema.shape.bus.unwrap()) }),
  z.strictObject({ type: z.literal('purge'), tier: z.enum([...tierNames, 'all']), match: purgeMatchSchema }),
  z.strictObject({ type: z.literal('node.fail'), node: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('node.recover'), node: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('server.fail'), server: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('server.recover'), server: z.number().int().min(0) }),
  /** Multiplies every database query's time (a slow disk, a missing index). */
  z.strictObject({ type: z.literal('database.slow'), factor: z.number().min(1).max(1000) }),
  z.strictObject({ type: z.literal('database.fail') }),
  z.strictObject({ type: z.literal('database.recover') }),
  z.strictObject({
    type: z.literal('traffic.spike'),
    multiplier: z.number().min(0).max(1000),
    durationMs: nonNegative(1e12),
  }),
]);

export const timedCommandSchema = z.strictObject({
  atMs: nonNegative(1e12),
  command: commandSchema,
});

export type Command = z.infer<typeof commandSchema>;
export type TimedCommand = z.infer<typeof timedCommandSchema>;
export type PurgeMatch = z.infer<typeof purgeMatchSchema>;
