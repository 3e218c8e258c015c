import type { ScenarioInput } from '../schema';

/** Every tier at once, from the browser to the database's own page cache. */
export const layered: ScenarioInput = {
  version: 1,
  name: 'Layered caches',
  description:
    "A request passes the browser's cache, the CDN, the app server's in-process cache, the distributed " +
    "cache and the database's buffer pool. Public articles can be kept everywhere; each user's profile " +
    'only in private or user-keyed caches. See which tier answers what.',
  seed: 29,
  durationMs: 60_000,
  workload: {
    clients: 100,
    ratePerSecond: 300,
    writeRatio: 0.02,
    keySpaces: [
      { name: 'article', weight: 3, count: 2000, popularity: { kind: 'zipf', alpha: 0.9 }, http: 'public' },
      {
        name: 'profile',
        weight: 1,
        count: 1,
        perUser: true,
        http: 'private',
        popularity: { kind: 'uniform' },
      },
    ],
  },
  topology: {
    browser: { enabled: true, capacity: 50, ttl: { seconds: 30 } },
    cdn: { enabled: true, capacity: 500, ttl: { seconds: 60 } },
    appServers: { count: 2, local: { enabled: true, capacity: 200, ttl: { seconds: 10 } } },
    distributed: { nodes: 3, capacity: 1000, ttl: { seconds: 300 } },
    database: { bufferPool: { enabled: true, capacity: 1000 } },
  },
};
