import type { ScenarioInput } from '../schema';

/** A scan through the whole catalogue mixed with skewed reads: the pattern that flushes an LRU cache. */
export const evictionScan: ScenarioInput = {
  version: 1,
  name: 'Eviction under a scan',
  description:
    'Most reads favour a few popular items, but one read in five comes from a report that walks every ' +
    'item in order. The cache holds 500 of 5,000 items: under LRU the scan pushes the popular items out. ' +
    'Try SIEVE, S3-FIFO, ARC or W-TinyLFU.',
  seed: 19,
  durationMs: 60_000,
  workload: {
    clients: 20,
    ratePerSecond: 300,
    writeRatio: 0,
    keySpaces: [
      {
        name: 'item',
        count: 5000,
        popularity: {
          kind: 'mix',
          parts: [
            { weight: 0.8, popularity: { kind: 'zipf', alpha: 1 } },
            { weight: 0.2, popularity: { kind: 'scan' } },
          ],
        },
      },
    ],
  },
  topology: {
    appServers: { count: 1 },
    distributed: { nodes: 1, capacity: 500, eviction: 'lru', ttl: { seconds: null } },
    database: { bufferPool: { enabled: false } },
  },
};
