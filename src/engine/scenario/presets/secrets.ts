import type { ScenarioInput } from '../schema';

/** A security mistake: a response holding each user's secret is marked cacheable by everyone. */
export const secrets: ScenarioInput = {
  version: 1,
  name: 'Secrets in a shared cache',
  description:
    "Each user's payment token comes from the same URL, and the app marks it Cache-Control: public by " +
    "mistake. The CDN keeps one copy and hands it to whoever asks next: users see other users' tokens. " +
    'Mark it private or no-store and the leaks stop.',
  seed: 43,
  durationMs: 60_000,
  workload: {
    clients: 100,
    ratePerSecond: 200,
    writeRatio: 0.01,
    keySpaces: [
      { name: 'catalog', weight: 4, count: 1000, popularity: { kind: 'zipf', alpha: 0.9 }, http: 'public' },
      {
        name: 'payment-token',
        weight: 1,
        count: 1,
        perUser: true,
        sensitive: true,
        http: 'public',
        popularity: { kind: 'uniform' },
      },
    ],
  },
  topology: {
    cdn: { enabled: true, capacity: 2000, ttl: { seconds: 60 } },
  },
  policies: { cacheKeyIncludesUser: false },
};
