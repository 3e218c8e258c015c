import { HashRing } from '../model/hashRing';
import { KeyTable } from '../model/keyTable';
import { formatCount } from '../format/readableNumbers';
import type { Scenario } from '../scenario/schema';
import { keyProbabilities } from '../workload/keyProbabilities';

/** The most keys the overlay works a popularity out for: the models run over every key many times. */
export const maxOverlayKeys = 2_000_000;

/**
 * The reads that reach the distributed cache as the models see them: each of its keys' share of
 * those reads, the node the ring sends the key to, and the share of all requests that are such reads.
 */
export interface DistributedReads {
  /** Each key's probability of being the next read the tier sees (they sum to 1). */
  popularity: Float64Array;
  /** The node each key's reads go to (its primary on the ring with every node up). */
  nodeOf: Int32Array;
  /** How many keys each node may come to hold: those it is the primary or a replica of. */
  keysHeld: number[];
  /** Reads the tier sees over all requests of the workload. */
  readShare: number;
  /** Writes over all requests. */
  writeShare: number;
}

/**
 * Which reads the distributed cache sees, as independent draws from a known popularity, or why they
 * cannot be known that way: a tier in front answers some reads first (a filtered stream), keys are
 * scanned or belong to sessions, or there are too many keys to work through.
 */
export function distributedReads(scenario: Scenario): DistributedReads | { reason: string } {
  const { topology, workload, policies } = scenario;
  if (!topology.distributed.enabled) return { reason: 'the distributed cache is off' };
  const spaces = workload.keySpaces;
  if (topology.appServers.local.enabled)
    return {
      reason: 'the app-local caches answer some reads first, so the distributed cache sees a filtered stream',
    };
  if (topology.browser.enabled && spaces.some((s) => s.kind === 'data' && s.http !== 'no-store'))
    return {
      reason: 'the browser caches answer some reads first, so the distributed cache sees a filtered stream',
    };
  if (topology.cdn.enabled && spaces.some((s) => s.kind === 'data' && s.http === 'public'))
    return { reason: 'the CDN answers some reads first, so the distributed cache sees a filtered stream' };
  const session = spaces.find((s) => s.kind === 'session');
  if (session)
    return {
      reason: `key space "${session.name}" holds sessions, which logins write and read, not independent draws`,
    };

  const keys = new KeyTable(spaces, workload.clients);
  const perUserKeyed = (s: (typeof spaces)[number]) => s.perUser && policies.cacheKeyIncludesUser;
  const total = spaces.reduce((sum, s) => sum + (perUserKeyed(s) ? s.count * workload.clients : s.count), 0);
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
    const inSpace = keyProbabilities(space.popularity, space.count);
    if (inSpace === null)
      return {
        reason: `key space "${space.name}" is read in a scan: its keys come in order, not as independent draws`,
      };
    const writeRatio = space.writeRatio ?? workload.writeRatio;
    const reads = (space.weight / totalWeight) * (1 - writeRatio);
    readShare += reads;
    writeShare += (space.weight / totalWeight) * writeRatio;
    // A per-user key is one user's copy when shared caches key by user; else every user reads one copy.
    const byUser = perUserKeyed(space);
    const users = byUser ? workload.clients : 1;
    for (let user = 0; user < users; user++) {
      for (let k = 0; k < space.count; k++) {
        popularity[at] = (reads * inSpace[k]) / users;
        ids[at] = space.perUser && !byUser ? keys.sharedCacheKey(index, k) : keys.dataKey(index, user, k);
        at++;
      }
    }
  }
  if (!(readShare > 0)) return { reason: 'no reads reach the distributed cache: every request is a write' };
  for (let i = 0; i < total; i++) popularity[i] /= readShare;
  const { nodes, virtualNodes, replication } = topology.distributed;
  const ring = new HashRing(nodes, virtualNodes);
  const nodeOf = new Int32Array(total);
  const keysHeld = new Array<number>(nodes).fill(0);
  const copies: number[] = [];
  for (let i = 0; i < total; i++) {
    nodeOf[i] = ring.primaryFor(ids[i]);
    if (!(popularity[i] > 0)) continue;
    ring.nodesFor(ids[i], replication, copies);
    for (const node of copies) keysHeld[node]++;
  }
  return { popularity, nodeOf, keysHeld, readShare, writeShare };
}
