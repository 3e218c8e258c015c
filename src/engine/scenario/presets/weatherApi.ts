import type { ScenarioInput } from '../schema';

/** API caching at its easiest: few keys, heavy skew, data that may be minutes old. */
export const weatherApi: ScenarioInput = {
  version: 1,
  name: 'Weather API',
  description:
    'A public weather API: 50 cities, a few of them asked for far more than the rest (Zipf). A forecast ' +
    'changes every few minutes, so a long TTL is fine, and the app marks responses public so the CDN ' +
    'answers most requests before they reach the app.',
  seed: 7,
  durationMs: 60_000,
  workload: {
    clients: 100,
    ratePerSecond: 300,
    writeRatio: 0.002,
    keySpaces: [
      {
        name: 'forecast',
        count: 50,
        popularity: { kind: 'zipf', alpha: 1 },
        http: 'public',
        size: { kind: 'fixed', bytes: 2000 },
      },
    ],
  },
  topology: {
    cdn: { enabled: true, capacity: 1000, ttl: { seconds: 300 } },
    distributed: { nodes: 2, ttl: { seconds: 600 } },
  },
};
