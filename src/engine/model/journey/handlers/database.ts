import type { NodeId } from '../../../events';
import { commitWrite } from '../../appPolicies/writePolicy';
import { Lookup } from '../../cache/cacheInstance';
import type { DatabaseServer } from '../../components/databaseServer';
import { anyEpoch } from '../../messages';
import type { Model } from '../../model';
import { answer, TaskKind, type Request } from '../../request';
import { at, finish, moveTo, send } from '../moves';
import { Stage } from '../stages';

/** Sends a request to the database: reads to a replica when they may, everything else to the primary. */
export function toDatabase(m: Model, req: Request, from: NodeId): void {
  const replicas = m.replicas.length;
  req.replica =
    req.op === 'read' && replicas > 0 && m.settings.readsFromReplicas ? m.database.nextReplica(replicas) : -1;
  send(
    m,
    req,
    from,
    req.replica >= 0 ? m.replicas[req.replica].id : 'db',
    m.settings.appToDatabaseMs,
    Stage.Database,
  );
}

function serverOf(m: Model, req: Request): DatabaseServer {
  return req.replica >= 0 ? m.replicas[req.replica] : m.database.server;
}

/** Stage.Database: the query waits for a connection, or fails while the primary is down. */
export function atDatabase(m: Model, req: Request): void {
  const db = serverOf(m, req);
  if (!m.database.up && req.replica < 0) {
    if (req.isFlush) return at(m, req, Stage.Database, m.config.policies.writeBackFlushMs);
    req.failed = true;
    req.servedBy = 'failed';
    return fromDatabase(m, req);
  }
  if (db.work.busy < m.settings.maxConcurrent) startQuery(m, db, req);
  else {
    db.work.push(req);
    noteQueue(m, db);
  }
}

/** Counts a queue length and, at the primary, lets the lifecycle say whether it is overloaded. */
function noteQueue(m: Model, db: DatabaseServer): void {
  const length = db.work.queued;
  m.metrics.queue(length);
  const database = m.database;
  if (db !== database.server) return;
  if (database.noteQueue(length, m.config.topology.database.overloadQueue) && m.sink.on)
    m.sink.emit({ type: 'node.state', t: m.clock.nowMs, node: 'db', state: database.state });
}

function startQuery(m: Model, db: DatabaseServer, req: Request): void {
  db.work.busy++;
  const settings = m.settings;
  let ms = req.op === 'read' ? settings.readMs : settings.writeMs;
  const bufferPool = m.bufferPool;
  if (db === m.database.server && bufferPool.enabled) {
    const found = bufferPool.lookup(req.dataKey, m.clock.nowMs, req.id);
    if (found === Lookup.Miss) {
      if (req.op === 'read') ms += settings.diskReadMs;
      bufferPool.fill(
        req.dataKey,
        req.dataKey,
        m.truth.committedVersion(req.dataKey),
        req.sizeBytes,
        m.clock.nowMs,
        req.id,
      );
    }
  } else if (req.op === 'read') {
    // No page cache: every read goes to disk.
    ms += settings.diskReadMs;
  }
  at(m, req, Stage.DatabaseDone, ms * m.database.slowFactor);
}

/** Stage.DatabaseDone: the query has run; the next queued one starts, and the answer goes back. */
export function atDatabaseDone(m: Model, req: Request): void {
  const db = serverOf(m, req);
  db.work.busy--;
  const next = db.work.next();
  if (next !== undefined) {
    startQuery(m, db, next);
    noteQueue(m, db);
  }
  const now = m.clock.nowMs;
  const queued = db.work.queued;
  m.metrics.databaseQuery(req.op, queued);
  if (req.isFlush) return m.writeBack.committed(m, req);
  if (req.op === 'write') return commitWrite(m, req);
  const version =
    req.replica >= 0
      ? m.truth.replicaVersion(req.dataKey, now, m.config.topology.database.replicationLagMs)
      : m.truth.committedVersion(req.dataKey);
  if (m.sink.on)
    m.sink.emit({
      type: 'database.read',
      t: now,
      req: req.id,
      node: db.id,
      key: m.keys.name(req.dataKey),
      version,
      queued,
    });
  answer(req, version, req.dataKey, req.replica >= 0 ? 'replica' : 'database');
  fromDatabase(m, req);
}

/** The database's answer travels back to whoever asked: the app, a node, or a refresh's cache. */
export function fromDatabase(m: Model, req: Request): void {
  const db: NodeId = req.replica >= 0 ? m.replicas[req.replica].id : 'db';
  const ms = m.settings.appToDatabaseMs;
  const target = req.refresh;
  if (target !== null) {
    if (!req.failed && (target.tier === 'local' || target.tier === 'distributed')) {
      moveTo(m, req, Stage.Done);
      // The refreshed cache is a node or an app: the answer hops there, then fills.
      const now = m.clock.nowMs;
      const arrive = now + m.network.hopMs(ms);
      if (m.sink.on)
        m.sink.emit({ type: 'hop', t: now, req: req.id, from: db, to: target.node, arriveMs: arrive });
      m.scheduler.schedule(
        arrive,
        m.messages.take(
          TaskKind.RefreshFill,
          target,
          req.refreshKey,
          req.dataKey,
          req.version,
          req.sizeBytes,
          anyEpoch,
          req.id,
        ),
      );
      return m.requests.release(req);
    }
    const entry = target.peek(req.refreshKey);
    finish(m, req);
    if (entry !== undefined) entry.refreshing = false;
    return;
  }
  if (req.dbToNode) return send(m, req, db, m.cluster.nodes[req.node].id, ms, Stage.CacheFromDatabase);
  send(m, req, db, m.servers[req.server].id, ms, Stage.AppFromDatabase);
}
