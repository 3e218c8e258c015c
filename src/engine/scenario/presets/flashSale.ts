import type { ScenarioInput } from '../schema';

/** A traffic spike on a few hot products: where a cache earns its keep, or the database falls over. */
export const flashSale: ScenarioInput = {
  version: 1,
  name: 'Flash sale',
  description:
    'An online shop with 5,000 product pages. From 20 s to 40 s a flash sale multiplies traffic by ten, ' +
    'and 80% of requests go to the 1% of products on sale. Stock changes now and then. Watch the ' +
    "database's queue during the spike with and without the cache.",
  seed: 11,
  durationMs: 60_000,
  workload: {
    clients: 1000,
    ratePerSecond: 200,
    writeRatio: 0.02,
    keySpaces: [
      {
        name: 'product',
        count: 5000,
        popularity: { kind: 'hotspot', hotFraction: 0.01, hotProbability: 0.8 },
        size: { kind: 'uniform', minBytes: 2000, maxBytes: 20_000 },
      },
    ],
    phases: [{ name: 'flash sale', startMs: 20_000, endMs: 40_000, rateMultiplier: 10 }],
  },
  topology: {
    appServers: { count: 4 },
    distributed: { nodes: 3, capacity: 2000, ttl: { seconds: 60 } },
    database: { maxConcurrent: 20 },
  },
};
