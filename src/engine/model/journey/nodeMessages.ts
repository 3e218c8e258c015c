import type { NodeId } from '../../events';
import type { Model } from '../model';
import type { Message } from '../messages';
import { TaskKind, type Request } from '../request';

// What the app sends the distributed cache's nodes besides requests: a cache-aside fill, an
// update-on-write SET, an invalidating delete. Each travels, so a write can slip in before it lands.

function hopToNode(m: Model, from: NodeId, node: number, reqId: number): number {
  const now = m.clock.nowMs;
  const arriveMs = now + m.network.hopMs(m.settings.appToCacheMs);
  if (m.sink.on) m.sink.emit({ type: 'hop', t: now, req: reqId, from, to: `cache:${node}`, arriveMs });
  return arriveMs;
}

/** A cache-aside fill of what the request read, guarded by the key's write epoch at the miss (or anyEpoch). */
export function sendFill(
  m: Model,
  from: NodeId,
  node: number,
  key: number,
  req: Request,
  sinceEpoch: number,
): void {
  const arriveMs = hopToNode(m, from, node, req.id);
  m.scheduler.schedule(
    arriveMs,
    m.messages.take(
      TaskKind.CacheFill,
      m.cluster.nodes[node],
      key,
      req.valueKey,
      req.version,
      req.sizeBytes,
      sinceEpoch,
      req.id,
    ),
  );
}

/** An update-on-write SET of the version the request wrote. */
export function sendUpdate(m: Model, from: NodeId, node: number, key: number, req: Request): void {
  const arriveMs = hopToNode(m, from, node, req.id);
  m.scheduler.schedule(
    arriveMs,
    m.messages.take(
      TaskKind.CacheUpdate,
      m.cluster.nodes[node],
      key,
      req.valueKey,
      req.version,
      req.sizeBytes,
      -1,
      req.id,
    ),
  );
}

/** An invalidating delete of a key (write-around with invalidate). */
export function sendDelete(m: Model, from: NodeId, node: number, key: number, reqId: number): void {
  const arriveMs = hopToNode(m, from, node, reqId);
  m.scheduler.schedule(
    arriveMs,
    m.messages.take(TaskKind.CacheDelete, m.cluster.nodes[node], key, -1, 0, 0, -1, -1),
  );
}

/** A cache message reaches its cache (any kind messages.ts names as a cache message). */
export function deliverCacheMessage(m: Model, msg: Message): void {
  const instance = msg.instance!;
  const now = m.clock.nowMs;
  switch (msg.kind) {
    case TaskKind.CacheFill:
      instance.fill(msg.cacheKey, msg.dataKey, msg.version, msg.sizeBytes, now, msg.reqId, msg.sinceEpoch);
      break;
    case TaskKind.RefreshFill: {
      // A background refresh's answer: fill (guarded by nothing but version order) and clear the flag.
      instance.fill(msg.cacheKey, msg.dataKey, msg.version, msg.sizeBytes, now, msg.reqId);
      const entry = instance.peek(msg.cacheKey);
      if (entry !== undefined) entry.refreshing = false;
      break;
    }
    case TaskKind.CacheUpdate:
      instance.write(msg.cacheKey, msg.dataKey, msg.version, msg.sizeBytes, now, msg.reqId, false);
      break;
    case TaskKind.CacheDelete:
      instance.invalidate(msg.cacheKey, now, 'write');
      break;
    case TaskKind.BusInvalidate:
      m.bus.deliver(instance, msg.cacheKey, now);
      break;
  }
  m.messages.release(msg);
}
