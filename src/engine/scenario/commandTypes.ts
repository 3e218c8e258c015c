/**
 * The type of every command a run may log. A module of its own, with no schema library, so that the
 * page's first script can tell a command from junk (in saved lesson progress) without loading zod;
 * commandSchema validates each command in full, and a test holds the two lists equal.
 */
export const commandTypes = [
  'tier.configure',
  'policies.set',
  'workload.set',
  'keySpace.set',
  'latency.set',
  'bus.configure',
  'purge',
  'node.fail',
  'node.recover',
  'server.fail',
  'server.recover',
  'database.slow',
  'database.fail',
  'database.recover',
  'traffic.spike',
] as const;

export type CommandType = (typeof commandTypes)[number];
