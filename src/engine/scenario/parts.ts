import { z } from '../zod';
import { futureKnowingPolicies, livePolicyNames } from '../policies/names';

/**
 * The parts a scenario is made of. Every field has a default, so a scenario file states only what it
 * changes. Objects are strict: a misspelt field is an error that names it, not a silently ignored
 * setting.
 */

export const nonNegative = (max: number) => z.number().min(0).max(max);
export const fraction = z.number().min(0).max(1);

/** Key popularity. A mix draws one of its parts by weight, then a key from that part. */
const basePopularity = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('uniform') }),
  z.strictObject({ kind: z.literal('zipf'), alpha: z.number().min(0).max(5) }),
  z.strictObject({
    kind: z.literal('hotspot'),
    /** The share of keys that are hot. */
    hotFraction: z.number().gt(0).max(1),
    /** The share of requests that go to the hot keys. */
    hotProbability: fraction,
  }),
  /** Walks the keys in order, wrapping: the pattern that flushes an LRU cache. */
  z.strictObject({ kind: z.literal('scan') }),
]);
// One discriminated union over every kind, mix included, so that a mistake inside a mix's part is
// reported at that part (a plain union of the two reported it at the mix, against the wrong list).
export const popularitySchema = z.discriminatedUnion('kind', [
  ...basePopularity.options,
  z.strictObject({
    kind: z.literal('mix'),
    parts: z
      .array(z.strictObject({ weight: z.number().gt(0), popularity: basePopularity }))
      .min(1)
      .max(16),
  }),
]);

/** Object sizes in bytes. */
export const sizeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), bytes: z.number().int().min(1).max(1e9) }),
  z.strictObject({
    kind: z.literal('uniform'),
    minBytes: z.number().int().min(1).max(1e9),
    maxBytes: z.number().int().min(1).max(1e9),
  }),
]);

/**
 * A family of keys the clients request, such as `product:17` or `feed:u3`.
 * `perUser` keys exist once per client (a feed, a cart, a session); `http` is the Cache-Control the
 * app sends, which decides whether the browser and the CDN may keep a copy.
 */
export const keySpaceSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case name such as "product" (letters, digits, dashes)'),
  /** Share of requests that go to this key space, relative to the others. */
  weight: z.number().gt(0).max(1e6).default(1),
  /** Number of distinct keys (per user for per-user key spaces). */
  count: z.number().int().min(1).max(10_000_000).default(1000),
  popularity: popularitySchema.default({ kind: 'zipf', alpha: 0.8 }),
  /** Share of this key space's requests that are writes; defaults to the workload's writeRatio. */
  writeRatio: fraction.optional(),
  perUser: z.boolean().default(false),
  /** 'data' lives in the database; 'session' lives only in the distributed cache (its store of record). */
  kind: z.enum(['data', 'session']).default('data'),
  /** Holds secrets (tokens, card numbers): caching it anywhere shared is the lesson's security risk. */
  sensitive: z.boolean().default(false),
  http: z.enum(['public', 'private', 'no-store']).default('no-store'),
  size: sizeSchema.default({ kind: 'fixed', bytes: 1000 }),
});

/** A period with a different request rate: a flash sale, a quiet night. */
export const phaseSchema = z.strictObject({
  name: z.string().max(80).default('phase'),
  startMs: nonNegative(1e12),
  endMs: nonNegative(1e12),
  rateMultiplier: z.number().min(0).max(1000),
});

export const workloadSchema = z.strictObject({
  /** Number of users; each has its own browser cache and per-user keys. */
  clients: z.number().int().min(1).max(100_000).default(10),
  /** Requests per second from all clients together (open-loop Poisson arrivals). */
  ratePerSecond: z.number().gt(0).max(10_000_000).default(200),
  /** Share of requests that are writes, for key spaces that do not set their own. */
  writeRatio: fraction.default(0.05),
  keySpaces: z
    .array(keySpaceSchema)
    .min(1)
    .max(32)
    .prefault([{ name: 'item' }]),
  phases: z.array(phaseSchema).max(64).default([]),
});

export const ttlSchema = z.strictObject({
  /** Time to live in seconds; null keeps entries until evicted or invalidated. */
  seconds: nonNegative(1e9).nullable().default(60),
  /** Each entry's TTL is drawn uniformly from [seconds × (1 − jitter), seconds]. */
  jitter: fraction.default(0),
  /** Whether a hit restarts the entry's TTL (sliding expiration). */
  resetOnHit: z.boolean().default(false),
  /** After expiry, serve the stale copy for this long while one background refresh runs. */
  staleWhileRevalidateSeconds: nonNegative(1e9).default(0),
  /** On a hit with less than this share of the TTL left, refresh in the background (0 is off). */
  refreshAheadFraction: z.number().min(0).max(0.99).default(0),
});

/** A live eviction policy. Belady's OPT is refused with the reason: it needs every future request. */
export const evictionSchema = z.enum(livePolicyNames as [string, ...string[]], {
  error: (issue) => {
    const policy = issue.input;
    if (typeof policy !== 'string' || !(futureKnowingPolicies as readonly string[]).includes(policy))
      return undefined;
    return (
      `"${policy}" (Belady's OPT) needs to know every future request, so only trace replay can use it ` +
      `(npm run sim -- --trace FILE --policy ${policy} --capacity N); expected a live policy: ` +
      livePolicyNames.map((name) => `"${name}"`).join(', ')
    );
  },
});

export function tierSchema(defaults: { enabled: boolean; capacity: number; ttlSeconds: number | null }) {
  return z.strictObject({
    enabled: z.boolean().default(defaults.enabled),
    /** Capacity of one instance of the tier (one browser, one app server, one cache node). */
    capacity: z.number().int().min(1).max(100_000_000).default(defaults.capacity),
    capacityUnit: z.enum(['entries', 'bytes']).default('entries'),
    eviction: evictionSchema.default('lru'),
    /** Redis's maxmemory-samples, for redis-lru and redis-lfu. */
    samples: z.number().int().min(1).max(64).default(5),
    ttl: ttlSchema.prefault({ seconds: defaults.ttlSeconds }),
  });
}

export const topologySchema = z.strictObject({
  /** A private HTTP cache in each client. */
  browser: tierSchema({ enabled: false, capacity: 100, ttlSeconds: 30 }).prefault({}),
  /** One shared HTTP cache at the edge. */
  cdn: tierSchema({ enabled: false, capacity: 10_000, ttlSeconds: 60 }).prefault({}),
  appServers: z
    .strictObject({
      count: z.number().int().min(1).max(64).default(2),
      /** Requests one server works on at once; more wait in its queue. */
      workers: z.number().int().min(1).max(100_000).default(64),
      /** CPU time a request takes at the server, in milliseconds. */
      serviceTimeMs: nonNegative(60_000).default(1),
      loadBalancer: z.enum(['round-robin', 'least-connections', 'random']).default('round-robin'),
      /** An in-process cache in each app server. */
      local: tierSchema({ enabled: false, capacity: 1000, ttlSeconds: 10 }).prefault({}),
    })
    .prefault({}),
  /** Redis/Memcached-like nodes; capacity is per node. */
  distributed: tierSchema({ enabled: true, capacity: 10_000, ttlSeconds: 300 })
    .extend({
      nodes: z.number().int().min(1).max(64).default(3),
      virtualNodes: z.number().int().min(1).max(1000).default(100),
      /** Copies of each key on distinct nodes (1 is no replication). */
      replication: z.number().int().min(1).max(8).default(1),
      /** How long a recovered node stays in the warming state. */
      warmupMs: nonNegative(1e9).default(5000),
    })
    .prefault({}),
  database: z
    .strictObject({
      /** Queries the primary runs at once; more wait in its queue. */
      maxConcurrent: z.number().int().min(1).max(100_000).default(50),
      readMs: nonNegative(60_000).default(5),
      writeMs: nonNegative(60_000).default(10),
      /** Extra time for a read whose page is not in the buffer pool. */
      diskReadMs: nonNegative(60_000).default(8),
      /** Queue length at which the database counts as overloaded. */
      overloadQueue: z.number().int().min(1).max(10_000_000).default(200),
      /** The database's own page cache (keys stand for pages; no TTL applies). */
      bufferPool: tierSchema({ enabled: true, capacity: 5000, ttlSeconds: null }).prefault({}),
      replicas: z.number().int().min(0).max(8).default(0),
      replicationLagMs: nonNegative(1e9).default(100),
      /** Send reads to the replicas (round robin) instead of the primary. */
      readsFromReplicas: z.boolean().default(false),
    })
    .prefault({}),
  /** Pub/sub that tells app-local caches and the CDN to drop a written key. */
  bus: z
    .strictObject({
      enabled: z.boolean().default(false),
      delayMs: nonNegative(1e9).default(50),
      lossProbability: fraction.default(0),
    })
    .prefault({}),
});

export const appPoliciesSchema = z.strictObject({
  /** cache-aside: the app reads the database and fills the cache itself; read-through: the cache does. */
  read: z.enum(['cache-aside', 'read-through']).default('cache-aside'),
  write: z
    .enum(['write-around-invalidate', 'write-around', 'update-on-write', 'write-through', 'write-back'])
    .default('write-around-invalidate'),
  /** Under write-back, how long a dirty entry waits before it is written to the database. */
  writeBackFlushMs: nonNegative(1e9).default(1000),
  stampede: z.enum(['none', 'coalesce', 'lock', 'early-refresh']).default('none'),
  /** How often a request waiting on another's lock looks again. */
  lockRetryMs: z.number().min(0.1).max(60_000).default(5),
  /** XFetch's beta for probabilistic early refresh (1 is the usual value). */
  earlyRefreshBeta: z.number().min(0).max(100).default(1),
  /** Whether shared caches key per-user data by user; false is the misconfiguration that leaks. */
  cacheKeyIncludesUser: z.boolean().default(true),
});

/** Average one-way latency of each hop, in milliseconds; each draw varies by ± jitter of it. */
export const latencySchema = z.strictObject({
  clientToCdnMs: nonNegative(60_000).default(20),
  cdnToAppMs: nonNegative(60_000).default(5),
  appToCacheMs: nonNegative(60_000).default(0.5),
  appToDatabaseMs: nonNegative(60_000).default(1),
  jitter: fraction.default(0.2),
});

export type Popularity = z.infer<typeof popularitySchema>;
export type ObjectSize = z.infer<typeof sizeSchema>;
export type KeySpace = z.infer<typeof keySpaceSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Workload = z.infer<typeof workloadSchema>;
export type TierConfig = z.infer<ReturnType<typeof tierSchema>>;
export type TtlConfig = z.infer<typeof ttlSchema>;
export type Topology = z.infer<typeof topologySchema>;
export type DistributedConfig = Topology['distributed'];
export type DatabaseConfig = Topology['database'];
export type AppPolicies = z.infer<typeof appPoliciesSchema>;
export type Latency = z.infer<typeof latencySchema>;
