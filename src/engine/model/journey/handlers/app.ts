import type { NodeId } from '../../../events';
import { sessionMissing } from '../../appPolicies/sessionStore';
import { afterWriteAtApp, startWrite } from '../../appPolicies/writePolicy';
import { Lookup } from '../../cache/cacheInstance';
import { cacheKey } from '../../cacheKey';
import type { AppServer } from '../../components/appServer';
import { anyEpoch } from '../../messages';
import type { Model } from '../../model';
import { answer, type Request } from '../../request';
import { sendFill } from '../nodeMessages';
import { at, finish, send } from '../moves';
import { Stage } from '../stages';
import { toDatabase } from './database';

/** Stage.App: the load balancer picks a server that is up; the server runs it or queues it. */
export function atBalancer(m: Model, req: Request): void {
  const server = m.balancer.pick(m.servers, m.settings.loadBalancer);
  if (server === undefined) {
    req.failed = true;
    req.servedBy = 'failed';
    return reply(m, req);
  }
  req.server = server.index;
  if (m.sink.on)
    m.sink.emit({
      type: 'hop',
      t: m.clock.nowMs,
      req: req.id,
      from: 'lb',
      to: server.id,
      arriveMs: m.clock.nowMs,
    });
  if (server.work.busy < m.settings.workers) startWork(m, server, req);
  else server.work.push(req);
}

function startWork(m: Model, server: AppServer, req: Request): void {
  server.work.busy++;
  at(m, req, Stage.AppWork, m.settings.serviceTimeMs);
}

/** A worker finished with a request: the next queued one starts. */
function releaseWorker(m: Model, req: Request): void {
  if (req.server < 0) return;
  const server = m.servers[req.server];
  server.work.busy--;
  const next = server.work.next();
  if (next !== undefined) startWork(m, server, next);
}

/** Stage.AppWork: a worker has it: a write starts, a read looks in the local cache, then further in. */
export function atWorker(m: Model, req: Request): void {
  const server = m.servers[req.server];
  if (!server.up) {
    req.failed = true;
    req.servedBy = 'failed';
    return respondFromApp(m, req);
  }
  if (req.op === 'write') return startWrite(m, req, server);
  if (m.settings.keySpaces[req.space].kind === 'session') return toNodeOrDatabase(m, req, server);
  const local = server.local;
  if (local.enabled && req.refresh === null) {
    const key = cacheKey(m, req);
    const found = local.lookup(key, m.clock.nowMs, req.id);
    if (found !== Lookup.Miss) {
      const entry = local.found!;
      answer(req, entry.version, entry.dataKey, 'local');
      if (found === Lookup.HitStale) m.refresh.fromDatabase(m, local, key, entry);
      else m.refresh.maybeAhead(m, local, entry, req, key);
      return respondFromApp(m, req);
    }
    req.missedLocal = true;
  }
  // Coalescing: a follower waits at the worker, unscheduled, until its leader's answer wakes it.
  if (m.settings.stampede === 'coalesce' && m.stampede.followsLeader(server, cacheKey(m, req), req)) return;
  toNodeOrDatabase(m, req, server);
}

/** After the local cache: the distributed cache if there is one up, else the database. */
export function toNodeOrDatabase(m: Model, req: Request, server: AppServer): void {
  if (m.settings.distributedEnabled) {
    const node = m.cluster.primaryFor(cacheKey(m, req));
    if (node >= 0) {
      req.node = node;
      return send(m, req, server.id, m.cluster.nodes[node].id, m.settings.appToCacheMs, Stage.CacheNode);
    }
  }
  if (m.settings.keySpaces[req.space].kind === 'session') return sessionMissing(m, req);
  toDatabase(m, req, server.id);
}

/** Stage.AppFromCache: the node's answer is at the app. */
export function atAppFromCache(m: Model, req: Request): void {
  const server = m.servers[req.server];
  // Answered (a hit, a read-through load, a stored write), or failed at the database: reply.
  // servedBy stays 'failed' until something answers, and `failed` marks a real failure.
  if (req.failed || req.servedBy !== 'failed') return respondFromApp(m, req);
  if (req.locked) {
    req.locked = false;
    return at(m, req, Stage.LockWait, m.config.policies.lockRetryMs);
  }
  if (m.settings.keySpaces[req.space].kind === 'session') return sessionMissing(m, req);
  toDatabase(m, req, server.id);
}

/** Stage.LockWait: the wait for another request's lock is over; look in the cache again. */
export function atLockWait(m: Model, req: Request): void {
  send(
    m,
    req,
    m.servers[req.server].id,
    m.cluster.nodes[req.node].id,
    m.settings.appToCacheMs,
    Stage.CacheNode,
  );
}

/** Stage.AppFromDatabase: the database's answer is at the app. */
export function atAppFromDatabase(m: Model, req: Request): void {
  if (req.op === 'write') {
    if (!req.failed) afterWriteAtApp(m, req);
    return respondFromApp(m, req);
  }
  const key = cacheKey(m, req);
  if (req.op === 'read' && !req.failed && m.settings.distributedEnabled && req.node >= 0) {
    // Cache-aside: the app stores what it read. The SET travels, so a write can slip in between.
    for (const node of m.cluster.copiesFor(key))
      sendFill(m, m.servers[req.server].id, node, key, req, req.node === node ? req.epoch : anyEpoch);
  }
  m.stampede.releaseLock(req, key);
  respondFromApp(m, req);
}

/** The app answers: it fills its local cache, wakes coalesced waiters, frees the worker, replies. */
export function respondFromApp(m: Model, req: Request): void {
  const server = m.servers[req.server];
  if (req.op === 'read' && !req.failed && req.missedLocal && server.local.enabled) {
    server.local.fill(cacheKey(m, req), req.valueKey, req.version, req.sizeBytes, m.clock.nowMs, req.id);
  }
  m.stampede.endLead(server, req);
  if (req.waiters !== null) {
    for (const waiter of req.waiters) {
      answer(waiter, req.version, req.valueKey, req.servedBy);
      waiter.failed = req.failed;
      releaseWorker(m, waiter);
      reply(m, waiter);
    }
    req.waiters = null;
  }
  releaseWorker(m, req);
  reply(m, req);
}

/** Sends the answer back toward the client (through the CDN if it came that way). */
export function reply(m: Model, req: Request): void {
  const from: NodeId = req.server >= 0 ? m.servers[req.server].id : 'lb';
  const settings = m.settings;
  if (req.viaCdn) return send(m, req, from, 'cdn', settings.cdnToAppMs, Stage.CdnReply);
  if (req.client < 0) return finish(m, req);
  send(
    m,
    req,
    from,
    m.clients.nodeId(req.client),
    settings.clientToCdnMs + settings.cdnToAppMs,
    Stage.ClientReply,
  );
}
