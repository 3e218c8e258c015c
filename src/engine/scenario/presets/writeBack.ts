import type { ScenarioInput } from '../schema';

/** Fast writes that live only in the cache for a while, and a crash that loses them. */
export const writeBack: ScenarioInput = {
  version: 1,
  name: 'Write-back and lost writes',
  description:
    'Likes and view counters are written to the cache and flushed to the database 5 s later. Writes are ' +
    'fast and the database sees far fewer of them, until cache node 0 crashes at 30 s and every write it ' +
    'had not flushed is lost.',
  seed: 41,
  durationMs: 60_000,
  workload: {
    clients: 100,
    ratePerSecond: 200,
    writeRatio: 0.3,
    keySpaces: [{ name: 'counter', count: 300, popularity: { kind: 'zipf', alpha: 0.9 } }],
  },
  topology: {
    distributed: { nodes: 2, capacity: 1000, ttl: { seconds: null } },
  },
  policies: { write: 'write-back', writeBackFlushMs: 5000 },
  faults: [
    { atMs: 30_000, command: { type: 'node.fail', node: 0 } },
    { atMs: 40_000, command: { type: 'node.recover', node: 0 } },
  ],
};
