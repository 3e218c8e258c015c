import { cheLru, fifoRandomMissRatio, ttlHitRatio } from '../analytic';
import { formatCount, formatDecimal, formatPercent } from '../format/readableNumbers';
import { expectedRequests } from '../scenario/requestBudget';
import { tierKinds } from '../tiers/tierRegistry';
import type { TierConfig } from '../scenario/parts';
import type { Scenario } from '../scenario/schema';
import { tierReads, type PredictedTier, type TierReads } from './tierReads';

export type { PredictedTier } from './tierReads';

/**
 * What caching theory predicts for one tier's hit ratio in one variant of a sweep
 * (`tierHitRatios[tier]`, hits over lookups at its instances), drawn beside the simulated curve.
 */
export interface HitRatioPrediction {
  /** The tier predicted: the app-local caches in a sweep of their settings, else the distributed cache. */
  tier: PredictedTier;
  /** Che's approximation, for an LRU cache that evicts and never expires entries in the run. */
  che: number | null;
  /** King and Gelenbe's result (exact, or its approximation for large caches), for FIFO and Random. */
  fifoRandom: number | null;
  /** The TTL model of this cache's rule, for a cache whose entries expire and are never evicted. */
  ttl: number | null;
  /** The TTL model of the other rule, drawn only to compare: the cache does not follow it. */
  ttlOtherRule: number | null;
  /** The cache's TTL rule: set when an entry is filled (λT/(1+λT)), or renewed by each hit (1−e^(−λT)). */
  ttlRule: 'set-on-fill' | 'reset-on-hit' | null;
  /** Why no formula applies, for a line under the chart; null when one does. */
  reason: string | null;
  /** What the simulation has that the formula leaves out, each a sentence. */
  notes: string[];
}

type Prediction = Omit<HitRatioPrediction, 'tier'>;

const none = { che: null, fifoRandom: null, ttl: null, ttlOtherRule: null, ttlRule: null, notes: [] };

/** No formula, and why. */
const noFormula = (reason: string): Prediction => ({ ...none, reason });

/** The tier a sweep of `path` predicts: the one it changes when that is the local caches. */
export function predictedTier(path: string): PredictedTier {
  return path.startsWith('tiers.local.') ? 'local' : 'distributed';
}

/**
 * A tier's predicted hit ratio in a scenario, from the models of `engine/analytic`,
 * with the model's assumptions checked against the scenario. The models take every read as an
 * independent draw from a known popularity (the independent reference model) and only one way
 * for a key to leave: eviction (Che, King–Gelenbe) or expiry (the TTL models). The rate matters only
 * to the TTL models, so only they need a steady one.
 */
export function predictHitRatio(scenario: Scenario, tier: PredictedTier = 'distributed'): HitRatioPrediction {
  return { tier, ...prediction(scenario, tier) };
}

function prediction(scenario: Scenario, tier: PredictedTier): Prediction {
  const reads = tierReads(scenario, tier);
  if ('reason' in reads) return noFormula(reads.reason);
  // A preset shortened with durationMs keeps faults past its end, which never happen.
  const faults = scenario.faults.filter((fault) => fault.atMs < scenario.durationMs);
  const first = faults[0];
  if (first) {
    return noFormula(
      `the scenario's faults change the system during the run (${faults.length}, the first ` +
        `${first.command.type} at ${formatDecimal(first.atMs / 1000)} s)`,
    );
  }
  const config = tierKinds[tier].configIn(scenario);
  const entries = entryCapacity(scenario, config);
  if (typeof entries === 'string') return noFormula(entries);
  const fullest = Math.max(...reads.keysHeld);
  const evicts = fullest > entries;
  const ttlSeconds = config.ttl.seconds;
  // With jitter the shortest TTL drawn is seconds × (1 − jitter).
  const expires = ttlSeconds !== null && ttlSeconds * (1 - config.ttl.jitter) * 1000 < scenario.durationMs;
  if (evicts && expires) {
    return noFormula(
      `entries both expire (TTL ${formatDecimal(ttlSeconds)} s in a ${formatDecimal(scenario.durationMs / 1000)} s run) ` +
        `and are evicted (${tier === 'local' ? 'a server' : 'a node'} has room for ${formatCount(entries)} of its ${formatCount(fullest)} keys); ` +
        'the models take one way out at a time',
    );
  }
  const setting = { scenario, tier, config, reads };
  return expires ? ttlPrediction(setting, ttlSeconds) : evictionPrediction(setting, entries);
}

/** What a prediction is worked out from: the variant, the tier and its settings, the reads it sees. */
interface Setting {
  scenario: Scenario;
  tier: PredictedTier;
  config: TierConfig;
  reads: TierReads;
}

/** An instance's capacity in entries: its capacity, or for bytes, how many objects of the one fixed size fit. */
function entryCapacity(scenario: Scenario, config: TierConfig): number | string {
  if (config.capacityUnit === 'entries') return config.capacity;
  const sizes = new Set(
    scenario.workload.keySpaces.map((s) => (s.size.kind === 'fixed' ? s.size.bytes : -1)),
  );
  const [bytes] = sizes;
  if (sizes.size !== 1 || bytes < 0)
    return 'the capacity counts bytes and objects differ in size; the models count entries';
  return Math.floor(config.capacity / bytes);
}

/**
 * Che or King–Gelenbe at each node over the keys the ring sends it, weighted by its share of the
 * reads; at a local cache over every key, the same at each server.
 */
function evictionPrediction(setting: Setting, entries: number): Prediction {
  const { scenario, reads } = setting;
  const { eviction, ttl } = setting.config;
  const ttlSeconds = ttl.seconds;
  const model =
    eviction === 'lru' ? 'che' : eviction === 'fifo' || eviction === 'random' ? 'fifoRandom' : null;
  if (model === null)
    return noFormula(`the models cover LRU (Che's approximation), FIFO and Random, not ${eviction} eviction`);
  let hitRatio = 0;
  for (const { share, popularity } of byNode(reads)) {
    const hits =
      model === 'che'
        ? cheLru(popularity, entries).hitRatio
        : 1 - fifoRandomMissRatio(popularity, entries).missRatio;
    hitRatio += share * hits;
  }
  // The nodes' shares sum to 1 up to rounding, which must not take a ratio past 1.
  hitRatio = Math.min(1, hitRatio);
  const notes = systemNotes(setting);
  if (setting.tier === 'distributed' && scenario.topology.distributed.replication > 1) {
    notes.push(
      `each node also keeps copies of other nodes' keys (replication ${scenario.topology.distributed.replication}), ` +
        'which take room but serve none of its reads: expect fewer hits than the formula',
    );
  }
  if (ttl.refreshAheadFraction > 0 && ttlSeconds !== null) {
    notes.push(
      'refresh-ahead reloads entries near their expiry with no read asking, which moves them in the ' +
        'eviction order; the formula has no such loads',
    );
  }
  notes.push(...coldNote(setting));
  return { ...none, [model]: hitRatio, reason: null, notes };
}

/**
 * The TTL models over every key's read rate at one instance (λ × its popularity, over the servers
 * for a local cache), for a cache that never evicts.
 */
function ttlPrediction(setting: Setting, ttlSeconds: number): Prediction {
  const { scenario, reads } = setting;
  const { ttl } = setting.config;
  const phase = scenario.workload.phases[0];
  if (phase)
    return noFormula(
      `the workload's rate changes over the run (phase "${phase.name}"); the TTL models need one rate`,
    );
  if (ttl.staleWhileRevalidateSeconds > 0)
    return noFormula('expired entries are still served while they refresh (stale-while-revalidate)');
  if (ttl.refreshAheadFraction > 0 || scenario.policies.stampede === 'early-refresh')
    return noFormula('entries are refreshed before they expire, which the TTL models do not do');
  const rate = (scenario.workload.ratePerSecond * reads.readShare) / reads.sharedBy;
  // With jitter each entry's TTL is drawn from [T(1 − jitter), T]: hits per cycle follow its mean.
  const meanTtl = ttlSeconds * (1 - ttl.jitter / 2);
  const matching = ttlHitRatio(rate, reads.popularity, meanTtl, ttl.resetOnHit);
  const other = ttlHitRatio(rate, reads.popularity, meanTtl, !ttl.resetOnHit);
  const notes = systemNotes(setting);
  if (reads.sharedBy > 1 && scenario.topology.appServers.loadBalancer === 'round-robin') {
    notes.push(
      `round-robin hands the ${reads.sharedBy} servers requests in turn, so each server's are more evenly ` +
        'spaced than the Poisson arrivals the TTL models assume',
    );
  }
  // Renewed by every hit, a key seldom expires: its first read, which the formula leaves out, weighs.
  if (ttl.resetOnHit) notes.push(...coldNote(setting));
  if (ttl.resetOnHit && ttl.jitter > 0)
    notes.push('the TTL is jittered, and renewed by hits: the formula takes its mean, an approximation');
  const runs = scenario.durationMs / 1000 / ttlSeconds;
  if (runs < 5) {
    notes.push(
      `the run lasts ${formatDecimal(runs)} TTLs; the formula is a long run's share, ` +
        'and in a short one the last, unfinished TTL of each key weighs more',
    );
  }
  return {
    ...none,
    ttl: matching,
    ttlOtherRule: other,
    ttlRule: ttl.resetOnHit ? 'reset-on-hit' : 'set-on-fill',
    reason: null,
    notes,
  };
}

/** What writes, the bus and stampede protection do that a model of independent reads leaves out. */
function systemNotes({ scenario, tier, reads }: Setting): string[] {
  const notes: string[] = [];
  const write = scenario.policies.write;
  // Write-around leaves the nodes alone, but the server that wrote still drops its local copy.
  const deletes = write === 'write-around-invalidate' || write === 'write-around';
  if (reads.writeShare > 0 && (write !== 'write-around' || tier === 'local')) {
    const cache = tier === 'local' ? "its server's local cache" : 'the cache';
    const effect = deletes
      ? `deletes its key from ${cache}, which the formula of reads alone leaves out: expect fewer hits`
      : `stores its key in ${cache}, which the formula of reads alone leaves out`;
    notes.push(`${formatPercent(reads.writeShare)} of requests are writes, and each (${write}) ${effect}`);
  }
  if (tier === 'local' && reads.writeShare > 0 && scenario.topology.bus.enabled) {
    notes.push("the bus drops every server's copy of a written key: expect fewer hits than the formula");
  }
  if (scenario.policies.stampede === 'coalesce' || scenario.policies.stampede === 'lock') {
    notes.push(
      `stampede protection (${scenario.policies.stampede}) changes how reads that miss one key together ` +
        'are counted; the formula has no loads in flight',
    );
  }
  return notes;
}

/** Each node's share of the reads and the popularity of its keys among them. */
function byNode(reads: TierReads): { share: number; popularity: Float64Array }[] {
  const nodes = reads.keysHeld.length;
  const shares = new Float64Array(nodes);
  const counts = new Int32Array(nodes);
  for (let i = 0; i < reads.popularity.length; i++) {
    shares[reads.nodeOf[i]] += reads.popularity[i];
    counts[reads.nodeOf[i]]++;
  }
  const popularities = Array.from(counts, (count) => new Float64Array(count));
  const filled = new Int32Array(nodes);
  for (let i = 0; i < reads.popularity.length; i++) {
    const node = reads.nodeOf[i];
    popularities[node][filled[node]++] = reads.popularity[i] / shares[node];
  }
  return popularities
    .map((popularity, node) => ({ share: shares[node], popularity }))
    .filter((node) => node.share > 0);
}

/** Σ 1 − e^(−n p_i): the keys n independent reads are expected to touch. Its own function, so the
 * loop V8 compiles as it runs is this one, not the note's strings around it. */
function expectedDistinct(popularity: Float64Array, n: number): number {
  let distinct = 0;
  for (let i = 0; i < popularity.length; i++) distinct -= Math.expm1(-n * popularity[i]);
  return distinct;
}

/**
 * A note when a key's first reads (cold misses) are half a point or more of the tier's reads: the
 * expected distinct keys read, Σ 1 − e^(−N p_i), over the N reads an instance expects.
 */
function coldNote({ scenario, reads }: Setting): string[] {
  const n = (expectedRequests(scenario) * reads.readShare) / reads.sharedBy;
  if (!(n > 0)) return [];
  const cold = expectedDistinct(reads.popularity, n) / n;
  if (cold < 0.005) return [];
  return [
    `about ${formatPercent(cold)} of the reads are a key's first (cold misses), which the formula, ` +
      "a long run's share, leaves out: a longer run shrinks them",
  ];
}
