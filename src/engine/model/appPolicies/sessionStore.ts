import type { NodeId } from '../../events';
import type { CacheInstance } from '../cache/cacheInstance';
import { cacheKey } from '../cacheKey';
import type { Model } from '../model';
import { answer, type Request } from '../request';
import { backToApp } from '../journey/handlers/cacheNode';
import { respondFromApp } from '../journey/handlers/app';
import { acknowledgeWrite, recordAcknowledgement } from './writePolicy';

// Sessions keep the distributed cache as their store of record: storing is the acknowledgement,
// and a session missing from it is a user logged out.

/** Stores a version of a session in every copy of its key. */
function storeSession(m: Model, req: Request, key: number, version: number): void {
  const nodes = m.cluster.nodes;
  for (const n of m.cluster.copiesFor(key))
    nodes[n].write(key, req.dataKey, version, req.sizeBytes, m.clock.nowMs, req.id, false);
}

/**
 * A session key was not in the cache (its store of record): a user who was logged in is logged
 * out. Either way the app logs the user in, storing a new session, and answers.
 */
export function sessionMissing(m: Model, req: Request): void {
  if (m.sessions.loginAfterLoss(req.client)) {
    m.metrics.loggedOut++;
    const node: NodeId = req.node >= 0 ? `cache:${req.node}` : 'app';
    if (m.sink.on) m.sink.emit({ type: 'session.lost', t: m.clock.nowMs, client: req.client, node });
  }
  const version = m.truth.nextVersion(req.dataKey);
  recordAcknowledgement(m, req, version);
  m.truth.commit(req.dataKey, version, m.clock.nowMs);
  storeSession(m, req, cacheKey(m, req), version);
  answer(req, version, req.dataKey, 'session-store');
  respondFromApp(m, req);
}

/** A session write reaches its node: storing it is the acknowledgement. */
export function storeSessionWrite(m: Model, req: Request, node: CacheInstance, key: number): void {
  const version = m.truth.nextVersion(req.dataKey);
  acknowledgeWrite(m, req, version);
  m.truth.commit(req.dataKey, version, m.clock.nowMs);
  storeSession(m, req, key, version);
  answer(req, version, req.dataKey, 'session-store');
  backToApp(m, req, node);
}
