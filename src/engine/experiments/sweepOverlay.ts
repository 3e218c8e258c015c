import { cheLru, fifoRandomMissRatio, ttlHitRatio } from '../analytic';
import { formatCount, formatDecimal, formatPercent } from '../format/readableNumbers';
import { expectedRequests } from '../scenario/requestBudget';
import type { Scenario } from '../scenario/schema';
import { distributedReads, type DistributedReads } from './distributedReads';

/**
 * What caching theory predicts for the distributed cache's hit ratio in one variant of a sweep
 * (`tierHitRatios.distributed`, hits over lookups at its nodes), drawn beside the simulated curve.
 */
export interface HitRatioPrediction {
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

const none = { che: null, fifoRandom: null, ttl: null, ttlOtherRule: null, ttlRule: null, notes: [] };

/** No formula, and why. */
const noFormula = (reason: string): HitRatioPrediction => ({ ...none, reason });

/**
 * The distributed cache's predicted hit ratio in a scenario, from the models of `engine/analytic`,
 * with the model's assumptions checked against the scenario. The models take every read as an
 * independent draw from a known popularity (the independent reference model) and only one way
 * for a key to leave: eviction (Che, King–Gelenbe) or expiry (the TTL models). The rate matters only
 * to the TTL models, so only they need a steady one.
 */
export function predictHitRatio(scenario: Scenario): HitRatioPrediction {
  const reads = distributedReads(scenario);
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
  const tier = scenario.topology.distributed;
  const entries = entryCapacity(scenario);
  if (typeof entries === 'string') return noFormula(entries);
  const fullest = Math.max(...reads.keysHeld);
  const evicts = fullest > entries;
  const ttlSeconds = tier.ttl.seconds;
  // With jitter the shortest TTL drawn is seconds × (1 − jitter).
  const expires = ttlSeconds !== null && ttlSeconds * (1 - tier.ttl.jitter) * 1000 < scenario.durationMs;
  if (evicts && expires) {
    return noFormula(
      `entries both expire (TTL ${formatDecimal(ttlSeconds)} s in a ${formatDecimal(scenario.durationMs / 1000)} s run) ` +
        `and are evicted (a node has room for ${formatCount(entries)} of its ${formatCount(fullest)} keys); ` +
        'the models take one way out at a time',
    );
  }
  return expires ? ttlPrediction(scenario, reads, ttlSeconds) : evictionPrediction(scenario, reads, entries);
}

/** A node's capacity in entries: its capacity, or for bytes, how many objects of the one fixed size fit. */
function entryCapacity(scenario: Scenario): number | string {
  const tier = scenario.topology.distributed;
  if (tier.capacityUnit === 'entries') return tier.capacity;
  const sizes = new Set(
    scenario.workload.keySpaces.map((s) => (s.size.kind === 'fixed' ? s.size.bytes : -1)),
  );
  const [bytes] = sizes;
  if (sizes.size !== 1 || bytes < 0)
    return 'the capacity counts bytes and objects differ in size; the models count entries';
  return Math.floor(tier.capacity / bytes);
}

/** Che or King–Gelenbe at each node over the keys the ring sends it, weighted by its share of the reads. */
function evictionPrediction(
  scenario: Scenario,
  reads: DistributedReads,
  entries: number,
): HitRatioPrediction {
  const { eviction, ttl } = scenario.topology.distributed;
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
  const notes = systemNotes(scenario, reads);
  if (scenario.topology.distributed.replication > 1) {
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
  notes.push(...coldNote(scenario, reads));
  return { ...none, [model]: hitRatio, reason: null, notes };
}

/** The TTL models over every key's read rate (λ × its popularity), for a cache that never evicts. */
function ttlPrediction(scenario: Scenario, reads: DistributedReads, ttlSeconds: number): HitRatioPrediction {
  const { ttl } = scenario.topology.distributed;
  const phase = scenario.workload.phases[0];
  if (phase)
    return noFormula(
      `the workload's rate changes over the run (phase "${phase.name}"); the TTL models need one rate`,
    );
  if (ttl.staleWhileRevalidateSeconds > 0)
    return noFormula('expired entries are still served while they refresh (stale-while-revalidate)');
  if (ttl.refreshAheadFraction > 0 || scenario.policies.stampede === 'early-refresh')
    return noFormula('entries are refreshed before they expire, which the TTL models do not do');
  const rate = scenario.workload.ratePerSecond * reads.readShare;
  // With jitter each entry's TTL is drawn from [T(1 − jitter), T]: hits per cycle follow its mean.
  const meanTtl = ttlSeconds * (1 - ttl.jitter / 2);
  const matching = ttlHitRatio(rate, reads.popularity, meanTtl, ttl.resetOnHit);
  const other = ttlHitRatio(rate, reads.popularity, meanTtl, !ttl.resetOnHit);
  const notes = systemNotes(scenario, reads);
  // Renewed by every hit, a key seldom expires: its first read, which the formula leaves out, weighs.
  if (ttl.resetOnHit) notes.push(...coldNote(scenario, reads));
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

/** What writes and stampede protection do that a model of independent reads leaves out. */
function systemNotes(scenario: Scenario, reads: DistributedReads): string[] {
  const notes: string[] = [];
  const write = scenario.policies.write;
  if (reads.writeShare > 0 && write !== 'write-around') {
    const effect =
      write === 'write-around-invalidate'
        ? 'deletes its key from the cache, which the formula of reads alone leaves out: expect fewer hits'
        : 'stores its key in the cache, which the formula of reads alone leaves out';
    notes.push(`${formatPercent(reads.writeShare)} of requests are writes, and each (${write}) ${effect}`);
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
function byNode(reads: DistributedReads): { share: number; popularity: Float64Array }[] {
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

/**
 * A note when a key's first reads (cold misses) are half a point or more of the tier's reads: the
 * expected distinct keys read, Σ 1 − e^(−N p_i), over the N reads expected.
 */
function coldNote(scenario: Scenario, reads: DistributedReads): string[] {
  const n = expectedRequests(scenario) * reads.readShare;
  if (!(n > 0)) return [];
  let distinct = 0;
  for (let i = 0; i < reads.popularity.length; i++) distinct -= Math.expm1(-n * reads.popularity[i]);
  const cold = distinct / n;
  if (cold < 0.005) return [];
  return [
    `about ${formatPercent(cold)} of the reads are a key's first (cold misses), which the formula, ` +
      "a long run's share, leaves out: a longer run shrinks them",
  ];
}
