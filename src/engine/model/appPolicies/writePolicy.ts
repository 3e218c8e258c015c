import type { CacheInstance } from '../cache/cacheInstance';
import { cacheKey } from '../cacheKey';
import type { AppServer } from '../components/appServer';
import type { Model } from '../model';
import { answer, type Request } from '../request';
import { backToApp } from '../journey/handlers/cacheNode';
import { fromDatabase, toDatabase } from '../journey/handlers/database';
import { send } from '../journey/moves';
import { sendDelete, sendUpdate } from '../journey/nodeMessages';
import { Stage } from '../journey/stages';
import { sessionMissing, storeSessionWrite } from './sessionStore';

// The write policies: write-around (with or without invalidating), update on write, write-through
// and write-back. Where a write goes, when it is acknowledged, and what the caches are told.

/** A worker starts a write: to the cache node first (write-through, write-back, a session), else to the database. */
export function startWrite(m: Model, req: Request, server: AppServer): void {
  const policy = m.settings.writePolicy;
  const cacheUp = m.settings.distributedEnabled && m.cluster.primaryFor(cacheKey(m, req)) >= 0;
  const session = m.settings.keySpaces[req.space].kind === 'session';
  if (session && !cacheUp) return sessionMissing(m, req);
  if ((policy === 'write-through' || policy === 'write-back' || session) && cacheUp) {
    req.node = m.cluster.primaryFor(cacheKey(m, req));
    return send(m, req, server.id, m.cluster.nodes[req.node].id, m.settings.appToCacheMs, Stage.CacheNode);
  }
  toDatabase(m, req, server.id);
}

/** A write reaches its cache node: a session is stored, write-back acknowledges, write-through goes on. */
export function writeAtNode(m: Model, req: Request, node: CacheInstance, key: number): void {
  if (m.settings.keySpaces[req.space].kind === 'session') return storeSessionWrite(m, req, node, key);
  if (m.settings.writePolicy === 'write-back') {
    const version = m.truth.nextVersion(req.dataKey);
    acknowledgeWrite(m, req, version);
    const nodes = m.cluster.nodes;
    for (const n of m.cluster.copiesFor(key))
      nodes[n].write(key, req.dataKey, version, req.sizeBytes, m.clock.nowMs, req.id, true);
    m.writeBack.schedule(m, key, req);
    answer(req, version, req.dataKey, 'distributed');
    return backToApp(m, req, node);
  }
  // Write-through: the node passes the write to the database and stores it when it commits.
  req.dbToNode = true;
  toDatabase(m, req, node.id);
}

/** The database committed a write: the truth moves, caches are told as the write policy says. */
export function commitWrite(m: Model, req: Request): void {
  const now = m.clock.nowMs;
  const version = m.truth.nextVersion(req.dataKey);
  m.truth.commit(req.dataKey, version, now);
  if (m.sink.on)
    m.sink.emit({
      type: 'database.write',
      t: now,
      req: req.id,
      node: 'db',
      key: m.keys.name(req.dataKey),
      version,
    });
  acknowledgeWrite(m, req, version);
  answer(req, version, req.dataKey, 'database');
  const key = cacheKey(m, req);
  if (req.dbToNode) {
    // Write-through: the cache holds the new version from the instant it is the truth.
    const nodes = m.cluster.nodes;
    for (const n of m.cluster.copiesFor(key))
      nodes[n].write(key, req.dataKey, version, req.sizeBytes, now, req.id, false);
    return fromDatabase(m, req);
  }
  // Write-around, update on write, or a write with no cache: the app tells its caches on the answer.
  const policy = m.settings.writePolicy;
  req.cacheWork =
    policy === 'write-around' ? 'none' : policy === 'write-around-invalidate' ? 'invalidate' : 'update';
  fromDatabase(m, req);
}

/** A write's commit reaches the app (Stage.AppFromDatabase): it updates or drops its caches' copies. */
export function afterWriteAtApp(m: Model, req: Request): void {
  const server = m.servers[req.server];
  const key = cacheKey(m, req);
  const now = m.clock.nowMs;
  const work = req.cacheWork;
  if (server.local.enabled) {
    if (work === 'update')
      server.local.write(key, req.dataKey, req.version, req.sizeBytes, now, req.id, false);
    else server.local.invalidate(key, now, 'write');
  }
  if (m.settings.distributedEnabled && work !== 'none') {
    for (const node of m.cluster.copiesFor(key)) {
      if (work === 'update') sendUpdate(m, server.id, node, key, req);
      else sendDelete(m, server.id, node, key, req.id);
    }
  }
}

/** The write is acknowledged: it is the truth now, and the bus tells the other caches. */
export function acknowledgeWrite(m: Model, req: Request, version: number): void {
  recordAcknowledgement(m, req, version);
  m.bus.publish(m, req.server, cacheKey(m, req));
}

/** A write is the truth from now on, and the event log says so (no bus: a new session is nobody's copy). */
export function recordAcknowledgement(m: Model, req: Request, version: number): void {
  m.truth.acknowledge(req.dataKey, version, m.clock.nowMs);
  if (m.sink.on)
    m.sink.emit({
      type: 'write.ack',
      t: m.clock.nowMs,
      req: req.id,
      client: req.client,
      key: m.keys.name(req.dataKey),
      version,
    });
}
