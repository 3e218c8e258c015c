import type { ScenarioInput } from '../schema';

/** A write-heavy workload on which to compare invalidate, update, write-through and write-back. */
export const writePolicies: ScenarioInput = {
  version: 1,
  name: 'Write policies',
  description:
    'Account balances, read and written often (three requests in ten are writes). Switch the write ' +
    'policy and compare stale reads, database writes and write latency: delete on write, update on ' +
    'write, write-through, write-back.',
  seed: 17,
  durationMs: 60_000,
  workload: {
    clients: 50,
    ratePerSecond: 200,
    writeRatio: 0.3,
    keySpaces: [{ name: 'account', count: 500, popularity: { kind: 'zipf', alpha: 0.9 } }],
  },
  topology: {
    distributed: { nodes: 2, capacity: 1000, ttl: { seconds: 300 } },
  },
  policies: { write: 'write-around-invalidate', writeBackFlushMs: 2000 },
};
