import { writeAtNode } from '../../appPolicies/writePolicy';
import { Lookup, type CacheInstance } from '../../cache/cacheInstance';
import { cacheKey } from '../../cacheKey';
import { anyEpoch } from '../../messages';
import type { Model } from '../../model';
import { answer, type Request } from '../../request';
import { send } from '../moves';
import { Stage } from '../stages';
import { toDatabase } from './database';

/** The node's answer travels back to the app. */
export function backToApp(m: Model, req: Request, node: CacheInstance): void {
  send(m, req, node.id, m.servers[req.server].id, m.settings.appToCacheMs, Stage.AppFromCache);
}

/** Stage.CacheNode: the node looks the key up, or stores a write. */
export function atNode(m: Model, req: Request): void {
  const node = m.cluster.nodes[req.node];
  const key = cacheKey(m, req);
  if (!node.up || !node.enabled) return backToApp(m, req, node); // it failed while the request travelled: a miss the app handles
  if (req.op === 'write') return writeAtNode(m, req, node, key);
  const found = node.lookup(key, m.clock.nowMs, req.id);
  if (found !== Lookup.Miss) {
    const entry = node.found!;
    if (found === Lookup.Hit && m.refresh.refreshesEarly(m, entry)) {
      // XFetch: this request recomputes the value before it expires, so the key never goes cold.
      req.epoch = node.epoch(key);
      return loadAfterNodeMiss(m, req, node, key);
    }
    answer(req, entry.version, entry.dataKey, 'distributed');
    if (found === Lookup.HitStale) m.refresh.fromDatabase(m, node, key, entry);
    else m.refresh.maybeAhead(m, node, entry, req, key);
    return backToApp(m, req, node);
  }
  req.epoch = node.epoch(key);
  if (m.settings.keySpaces[req.space].kind === 'session') return backToApp(m, req, node);
  loadAfterNodeMiss(m, req, node, key);
}

/** A miss (or an early refresh): under a lock the request may have to wait; read-through loads here. */
function loadAfterNodeMiss(m: Model, req: Request, node: CacheInstance, key: number): void {
  if (m.settings.stampede === 'lock' && m.stampede.lockedByOther(key, m.clock.nowMs, req)) {
    req.locked = true;
    return backToApp(m, req, node);
  }
  if (m.settings.readPolicy === 'read-through') {
    req.dbToNode = true;
    return toDatabase(m, req, node.id);
  }
  backToApp(m, req, node);
}

/** Stage.CacheFromDatabase: the database answered the node (read-through, write-through). */
export function atNodeFromDatabase(m: Model, req: Request): void {
  const node = m.cluster.nodes[req.node];
  const key = cacheKey(m, req);
  if (req.op === 'write') {
    // Write-through: the node stores the committed version at the commit's instant (commitWrite).
  } else if (!req.failed) {
    fillCopies(m, key, req, req.epoch);
  }
  m.stampede.releaseLock(req, key);
  send(m, req, node.id, m.servers[req.server].id, m.settings.appToCacheMs, Stage.AppFromCache);
}

/** Every copy of a key takes the loaded value; only the node that missed checks the key's write epoch. */
function fillCopies(m: Model, key: number, req: Request, epoch: number): void {
  const nodes = m.cluster.nodes;
  for (const n of m.cluster.copiesFor(key)) {
    nodes[n].fill(
      key,
      req.valueKey,
      req.version,
      req.sizeBytes,
      m.clock.nowMs,
      req.id,
      n === req.node ? epoch : anyEpoch,
    );
  }
}
