/**
 * How large a run may be and still fit in a browser tab. The limits are checked by scenarioRules
 * (the scenario) and commandRules (commands that grow a key space).
 */

/** Per-user key spaces hold count × clients keys; more than this will not fit in a browser tab. */
export const maxPerUserKeys = 10_000_000;
/** Keys of all the key spaces together: each key has a row in every tier's tables. */
export const maxTotalKeys = 10_000_000;
/** Time buckets in one run (durationMs / bucketMs): each keeps a row per tier, for the whole run. */
export const maxBuckets = 100_000;

/** Keys a key space holds: its count, once per client when per-user. */
export function keysOf(count: number, perUser: boolean, clients: number): number {
  return perUser ? count * clients : count;
}
