import { HashRing } from '../model/hashRing';
import { KeyTable } from '../model/keyTable';
import { formatCount } from '../format/readableNumbers';
import type { Scenario } from '../scenario/schema';
import { tierKinds } from '../tiers/tierRegistry';
import { keyProbabilities } from '../workload/keyProbabilities';

/** The tiers whose hit ratio a sweep predicts: the cache nodes, or each app server's local cache. */
export type PredictedTier = 'distributed' | 'local';

/** The most keys the overlay works a popularity out for: the models run over every key many times. */
export const maxOverlayKeys = 2_000_000;

/**
 * The reads that reach one tier as the models see them: each key's share of those reads, the
 * instance class it goes to, and the share of all requests that are such reads.
 */
export interface TierReads {
  /** Each key's probability of being the next read the tier sees (they sum to 1). */
  popularity: Float64Array;
  /**
   * The cache node each key's reads go to (its primary on the ring with every node up); 0 for every
   * key of the local caches, each of which sees every key.
   */
  nodeOf: Int32Array;
  /** How many keys each node may come to hold: those it is the primary or a replica of. */
  keysHeld: number[];
  /** Instances a key's reads are shared among: the app servers for local caches, 1 for a node. */
  sharedBy: number;
  /** Reads the tier sees over all requests of the workload. */
  readShare: number;
  /** Writes over all requests. */
  writeShare: number;
}

/**
 * Which reads a tier sees, as independent draws from a known popularity, or why they cannot be known
 * that way: a tier in front answers some reads first (a filtered stream), keys are scanned or (at
 * the nodes) belong to sessions, or there are too many keys to work through. A local cache sees
 * every data read its server works on; the load balancer picks a server whatever the key, so each
 * sees draws from the same popularity.
 */
export function tierReads(scenario: Scenario, tier: PredictedTier): TierReads | { reason: string } {
  const { topology, workload, policies } = scenario;
  const name = tierKinds[tier].inSentence.toLowerCase();
  if (!tierKinds[tier].configIn(scenario).enabled) return { reason: `the ${name} is off` };
  const filtered = `so the ${name} sees a filtered stream`;
  const spaces = workload.keySpaces;
  if (tier === 'distributed' && topology.appServers.local.enabled)
    return { reason: `the app-local caches answer some reads first, ${filtered}` };
  if (topology.browser.enabled && spaces.some((s) => s.kind === 'data' && s.http !== 'no-store'))
    return { reason: `the browser caches answer some reads first, ${filtered}` };
  if (topology.cdn.enabled && spaces.some((s) => s.kind === 'data' && s.http === 'public'))
    return { reason: `the CDN answers some reads first, ${filtered}` };
  const session = spaces.find((s) => s.kind === 'session');
  if (session && tier === 'distributed')
    return {
      reason: `key space "${session.name}" holds sessions, which logins write and read, not independent draws`,
    };

  const keys = new KeyTable(spaces, workload.clients);
  // Sessions skip the local caches: their reads go straight to the nodes.
  const seen = (s: (typeof spaces)[number]) => s.kind === 'data';
  const perUserKeyed = (s: (typeof spaces)[number]) => s.perUser && policies.cacheKeyIncludesUser;
  const total = spaces
    .filter(seen)
    .reduce((sum, s) => sum + (perUserKeyed(s) ? s.count * workload.clients : s.count), 0);
  if (total > maxOverlayKeys)
    return {
      reason: `the workload has ${formatCount(total)} keys, more than the overlay works through (${formatCount(maxOverlayKeys)})`,
    };

  const totalWeight = spaces.reduce((sum, s) => sum + s.weight, 0);
  const popularity = new Float64Array(total);
  const ids = new Int32Array(total);
  let readShare = 0;
  let writeShare = 0;
  let at = 0;
  for (const [index, space] of spaces.entries()) {
    const writeRatio = space.writeRatio ?? workload.writeRatio;
    writeShare += (space.weight / totalWeight) * writeRatio;
    if (!seen(space)) continue;
    const inSpace = keyProbabilities(space.popularity, space.count);
    if (inSpace === null)
      return {
        reason: `key space "${space.name}" is read in a scan: its keys come in order, not as independent draws`,
      };
    const reads = (space.weight / totalWeight) * (1 - writeRatio);
    readShare += reads;
    // A per-user key is one user's copy when shared caches key by user; else every user reads one copy.
    const byUser = perUserKeyed(space);
    const users = byUser ? workload.clients : 1;
    const shared = space.perUser && !byUser;
    at = fillSpace({ keys, space: index, shared, users, inSpace, reads }, popularity, ids, at);
  }
  if (!(readShare > 0)) return { reason: `no reads reach the ${name}` };
  const positive = normalise(popularity, readShare);
  if (tier === 'local') {
    const servers = topology.appServers.count;
    return {
      popularity,
      nodeOf: new Int32Array(total),
      keysHeld: [positive],
      sharedBy: servers,
      readShare,
      writeShare,
    };
  }
  const { nodes, virtualNodes, replication } = topology.distributed;
  const ring = new HashRing(nodes, virtualNodes);
  const nodeOf = new Int32Array(total);
  const keysHeld = new Array<number>(nodes).fill(0);
  placeOnRing(ring, replication, ids, popularity, nodeOf, keysHeld);
  return { popularity, nodeOf, keysHeld, sharedBy: 1, readShare, writeShare };
}

// The loops over every key live in small functions of their own. A loop V8 compiles while it runs
// (on-stack replacement) takes the whole function with it, and tierReads compiled so took 60-120 ms
// on a sweep worker's background thread, again for every variant, since the code after the loop had
// never run and the first variant to reach it threw the compiled code away.

/** One key space's keys as the tier sees them: its index, whether users share a per-user key's copy. */
interface SpaceKeys {
  keys: KeyTable;
  space: number;
  shared: boolean;
  users: number;
  /** Each key's probability within its space. */
  inSpace: Float64Array;
  /** The space's share of all requests that are reads. */
  reads: number;
}

/** Writes a key space's keys from `at` on, each one's share of all requests and its cache key; returns where the next space starts. */
function fillSpace(s: SpaceKeys, popularity: Float64Array, ids: Int32Array, at: number): number {
  const count = s.inSpace.length;
  for (let user = 0; user < s.users; user++) {
    for (let k = 0; k < count; k++) {
      popularity[at] = (s.reads * s.inSpace[k]) / s.users;
      ids[at] = s.shared ? s.keys.sharedCacheKey(s.space, k) : s.keys.dataKey(s.space, user, k);
      at++;
    }
  }
  return at;
}

/** Scales the shares to sum to 1 (dividing by their sum); returns how many keys have a share. */
function normalise(popularity: Float64Array, sum: number): number {
  let positive = 0;
  for (let i = 0; i < popularity.length; i++) {
    popularity[i] /= sum;
    if (popularity[i] > 0) positive++;
  }
  return positive;
}

/** Each key's primary node, and for each node the keys it holds a copy of (read keys only). */
function placeOnRing(
  ring: HashRing,
  replication: number,
  ids: Int32Array,
  popularity: Float64Array,
  nodeOf: Int32Array,
  keysHeld: number[],
): void {
  const copies: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    nodeOf[i] = ring.primaryFor(ids[i]);
    if (!(popularity[i] > 0)) continue;
    ring.nodesFor(ids[i], replication, copies);
    for (const node of copies) keysHeld[node]++;
  }
}
