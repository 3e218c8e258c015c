import { createStream } from '../../src/engine/random';
import { createZipf } from '../../src/engine/workload/zipf';
import { replayTrace } from '../../src/engine/replay/replayTrace';
import type { Trace } from '../../src/engine/replay/trace';
import { startRedisServer } from './redisServer';
import type { RespClient } from './respClient';

/** A workload to compare on: Zipf over `keys` ranks, and a share of one-time keys never asked again. */
export interface TraceShape {
  name: string;
  keys: number;
  alpha: number;
  /** Share of requests for a key nobody asks for again (a scan, a crawler). */
  oneTimeShare: number;
  requests: number;
  seed: number;
}

/**
 * A seeded trace of `shape`, its keys interned in order of first request, its times those of
 * Poisson arrivals at `requestsPerSecond` (Infinity: all at 0, for a replay at full rate).
 */
export function makeTrace(shape: TraceShape, requestsPerSecond: number): Trace {
  const random = createStream(shape.seed, 'keys');
  const arrivals = createStream(shape.seed, 'arrivals');
  const nextRank = createZipf(shape.keys, shape.alpha, random);
  const ids = new Map<number, number>();
  const keys = new Int32Array(shape.requests);
  const times = new Float64Array(shape.requests);
  let oneTime = shape.keys;
  let nowMs = 0;
  for (let i = 0; i < shape.requests; i++) {
    const rank = random.next() < shape.oneTimeShare ? oneTime++ : nextRank();
    let id = ids.get(rank);
    if (id === undefined) ids.set(rank, (id = ids.size));
    keys[i] = id;
    if (Number.isFinite(requestsPerSecond)) nowMs += arrivals.exponential(1000 / requestsPerSecond);
    times[i] = nowMs;
  }
  return {
    times,
    keys,
    sizes: new Float64Array(shape.requests).fill(1),
    ops: new Uint8Array(shape.requests),
    keyNames: [],
    distinctKeys: ids.size,
    requests: shape.requests,
  };
}

/** Every key name has the same length, so every key costs Redis the same memory. */
function keyName(prefix: string, id: number): string {
  return `${prefix}:${id.toString().padStart(8, '0')}`;
}
const value = 'v';

/**
 * Sets maxmemory so that Redis holds about `keys` keys of the trace's shape, and returns it. Redis
 * counts memory, not keys: it evicts when used_memory exceeds maxmemory, and used_memory also holds
 * the server's own structures, the client's buffers (resized now and then by the server's cron) and
 * the key table's bucket array (8 bytes a bucket, a power of two). Every key here costs the same
 * (names of one length, one value), so the count held is steady once eviction starts. This fills
 * Redis one SET at a time (a pipeline or a long reply such as INFO's would grow the client's buffers
 * and move the figure) until DBSIZE stops growing, then moves maxmemory by the keys missing or over
 * times the bytes a key costs, and again until it holds `keys`. The replay reads DBSIZE as it goes
 * (see heldKeys) and the model is given what Redis really held.
 */
async function holdKeys(client: RespClient, keys: number): Promise<number> {
  await client.command('CONFIG', 'SET', 'maxmemory', '0');
  await client.command('FLUSHALL', 'SYNC');
  const info = String(await client.command('INFO', 'memory'));
  const usedMemory = Number(/^used_memory:(\d+)/m.exec(info)?.[1]);
  // What a small key costs (its entry, name, value object and bucket) to start with; then measured.
  let bytesPerKey = 80;
  let maxmemory = usedMemory + keys * bytesPerKey;
  let previous: { maxmemory: number; held: number } | null = null;
  for (let round = 0; round < 8; round++) {
    await client.command('CONFIG', 'SET', 'maxmemory', '0');
    await client.command('FLUSHALL', 'SYNC');
    await client.command('CONFIG', 'SET', 'maxmemory', String(maxmemory));
    for (let id = 0; id < keys * 2; id++) {
      // As the replay's misses do, so that the client's buffers are as they will be.
      await client.command('GET', keyName('c', id));
      await client.command('SET', keyName('c', id), value);
    }
    const held = Number(await client.command('DBSIZE'));
    if (held === keys) break;
    if (previous !== null && previous.held !== held) {
      bytesPerKey = Math.max(1, (maxmemory - previous.maxmemory) / (held - previous.held));
    }
    previous = { maxmemory, held };
    maxmemory = Math.round(maxmemory + (keys - held) * bytesPerKey);
  }
  await client.command('FLUSHALL', 'SYNC');
  return maxmemory;
}

export interface Comparison {
  trace: string;
  policy: 'redis-lru' | 'redis-lfu';
  samples: number;
  /** Requests per second asked for (Infinity: as fast as one client gets replies). */
  requestsPerSecond: number;
  /** Redis servers that replayed the trace side by side; the figures are their means. */
  replicas: number;
  /** Requests per second reached. */
  achievedPerSecond: number;
  /** Keys Redis held (the median of DBSIZE during the replay), the model's capacity. */
  capacity: number;
  /** DBSIZE read during the replay once Redis evicted: least and most. */
  heldRange: [number, number];
  redisMissRatio: number;
  /** The model's miss ratio on the same trace with the real send times, mean over `modelSeeds`. */
  modelMissRatio: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Replays `trace` cache-aside into Redis (GET; SET on a miss), one request after the other, each
 * sent at its time from the start (or at once when the trace's times are all 0), and returns the
 * misses, each request's real send time in Unix milliseconds, and DBSIZE every 500 requests once
 * Redis has evicted.
 */
async function replayCacheAside(
  client: RespClient,
  trace: Trace,
): Promise<{ misses: number; sentMs: Float64Array; held: number[] }> {
  const { keys, times, requests } = trace;
  const sentMs = new Float64Array(requests);
  const origin = performance.timeOrigin;
  const start = performance.now();
  let misses = 0;
  const held: number[] = [];
  let full = false;
  const everSet = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const due = start + times[i];
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait - 0.5);
    sentMs[i] = origin + performance.now();
    const name = keyName('k', keys[i]);
    if ((await client.command('GET', name)) === null) {
      misses++;
      everSet.add(keys[i]);
      await client.command('SET', name, value);
    }
    if (i % 500 === 499) {
      // Redis has evicted once it holds fewer keys than were ever set.
      const size = Number(await client.command('DBSIZE'));
      full ||= size < everSet.size;
      if (full) held.push(size);
    }
  }
  return { misses, sentMs, held };
}

/** What one replay into Redis measured, and the trace with its real send times for the model. */
export interface RedisRun {
  /** The trace's requests at the real send times, shifted so that its seconds and minutes start
   * where Unix time's do: Redis's LRU clock counts Unix seconds, and its LFU decay Unix minutes. */
  timed: Trace;
  misses: number;
  /** Keys Redis held: the median of DBSIZE during the replay, once it evicted. */
  capacity: number;
  heldRange: [number, number];
  achievedPerSecond: number;
}

export interface RunSettings {
  shape: TraceShape;
  policy: 'redis-lru' | 'redis-lfu';
  samples: number;
  requestsPerSecond: number;
  /** Keys for Redis to hold (maxmemory is set to hold about this many). */
  capacity: number;
}

/** Replays one trace cache-aside into a fresh redis-server with the run's policy and samples. */
export async function runOnRedis(binary: string, run: RunSettings): Promise<RedisRun> {
  const trace = makeTrace(run.shape, run.requestsPerSecond);
  const server = await startRedisServer(binary);
  try {
    const { client } = server;
    await client.command('CONFIG', 'SET', 'maxmemory-policy', run.policy.replace('redis-', 'allkeys-'));
    await client.command('CONFIG', 'SET', 'maxmemory-samples', String(run.samples));
    await holdKeys(client, run.capacity);
    const { misses, sentMs, held } = await replayCacheAside(client, trace);
    if (held.length === 0) throw new Error(`redis did not evict: the trace ${run.shape.name} is too short`);
    const sorted = held.sort((a, b) => a - b);
    const base = Math.floor(sentMs[0] / 60_000) * 60_000;
    const seconds = (sentMs[trace.requests - 1] - sentMs[0]) / 1000;
    return {
      timed: { ...trace, times: sentMs.map((ms) => ms - base) },
      misses,
      capacity: sorted[sorted.length >> 1],
      heldRange: [sorted[0], sorted[sorted.length - 1]],
      achievedPerSecond: seconds > 0 ? trace.requests / seconds : Infinity,
    };
  } finally {
    await server.stop();
  }
}

/** The model's miss ratio on Redis's run, the mean over policy seeds 1..seeds. */
export function modelMissRatio(run: RunSettings, redis: RedisRun, seeds = 5): number {
  let sum = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    sum += replayTrace(redis.timed, {
      policy: run.policy,
      capacity: redis.capacity,
      samples: run.samples,
      seed,
    }).missRatio;
  }
  return sum / seeds;
}

/**
 * Replays one trace into `replicas` fresh redis-servers side by side (one is the default; more
 * average out Redis's own random draws, which cannot be seeded, for runs that mostly wait for their
 * send times) and through the model on each replica's send times, and returns both miss ratios.
 */
export async function compareWithRedis(binary: string, run: RunSettings, replicas = 1): Promise<Comparison> {
  const runs = await Promise.all(Array.from({ length: replicas }, () => runOnRedis(binary, run)));
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const capacities = runs.map((redis) => redis.capacity);
  return {
    trace: run.shape.name,
    policy: run.policy,
    samples: run.samples,
    requestsPerSecond: run.requestsPerSecond,
    replicas,
    achievedPerSecond: mean(runs.map((redis) => redis.achievedPerSecond)),
    capacity: Math.round(mean(capacities)),
    heldRange: [
      Math.min(...runs.map((redis) => redis.heldRange[0])),
      Math.max(...runs.map((redis) => redis.heldRange[1])),
    ],
    redisMissRatio: mean(runs.map((redis) => redis.misses / redis.timed.requests)),
    modelMissRatio: mean(runs.map((redis) => modelMissRatio(run, redis))),
  };
}
