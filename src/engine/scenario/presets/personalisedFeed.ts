import type { ScenarioInput } from '../schema';

/** Per-user data next to shared data: what may be cached where, and keyed by whom. */
export const personalisedFeed: ScenarioInput = {
  version: 1,
  name: 'Personalised feed',
  description:
    'Each of 200 users has a feed of their own, built from posts everyone shares. Posts are public and ' +
    'the CDN may keep them; a feed is private and every shared cache must key it by user, or one user ' +
    "sees another's feed.",
  seed: 5,
  durationMs: 60_000,
  workload: {
    clients: 200,
    ratePerSecond: 300,
    writeRatio: 0.05,
    keySpaces: [
      { name: 'feed', weight: 1, count: 1, perUser: true, http: 'private', popularity: { kind: 'uniform' } },
      { name: 'post', weight: 3, count: 2000, popularity: { kind: 'zipf', alpha: 0.9 }, http: 'public' },
    ],
  },
  topology: {
    cdn: { enabled: true, capacity: 1000, ttl: { seconds: 60 } },
    distributed: { nodes: 3, capacity: 2000, ttl: { seconds: 120 } },
  },
  policies: { cacheKeyIncludesUser: true },
};
