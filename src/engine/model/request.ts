import type { ServedBy } from '../events';
import type { CacheInstance } from './cache/cacheInstance';
import { Stage } from './journey';

/** What kind of thing a scheduled item is. */
export const enum TaskKind {
  Request,
  /** A cache-aside fill, or an update-on-write SET, travelling to a node. */
  CacheSet,
  /** An invalidating delete travelling to a node. */
  CacheDelete,
  /** An invalidation message on the bus reaching one cache. */
  BusMessage,
  /** A write-back flush falling due. */
  Flush,
  /** A recovered node finishing its warm-up. */
  NodeWarmed,
  /** The next request of the workload arrives. */
  Arrival,
}

/** One request in flight (a user's read or write, or a background refresh). */
export interface Request {
  kind: TaskKind.Request;
  id: number;
  /** The user; -1 for work the system does itself. */
  client: number;
  op: 'read' | 'write';
  space: number;
  keyIndex: number;
  dataKey: number;
  sizeBytes: number;
  issuedAtMs: number;
  stage: Stage;
  /** Whether it came through the CDN (and so goes back through it). */
  viaCdn: boolean;
  missedBrowser: boolean;
  missedCdn: boolean;
  missedLocal: boolean;
  /** App server index, -1 before the load balancer. */
  server: number;
  /** Distributed cache node index it went to, -1 if none. */
  node: number;
  /** The node's write epoch for the key when it missed (guards write-through fills). */
  epoch: number;
  /** Database replica it reads from, -1 for the primary. */
  replica: number;
  /** The answer: version, and whose data it is (another user's under a misconfigured shared key). */
  version: number;
  valueKey: number;
  servedBy: ServedBy;
  failed: boolean;
  /** The node said the key is locked by another request. */
  locked: boolean;
  holdsLock: boolean;
  /** For a background refresh: the cache it refreshes. */
  refresh: CacheInstance | null;
  /** The database should answer the cache node, not the app. */
  dbToNode: boolean;
  /** Requests waiting on this one's answer (single-flight coalescing). */
  waiters: Request[] | null;
  /** A write-back flush carrying `version` to the database. */
  isFlush: boolean;
  /** What the app does to its caches once a write commits (write-around, update on write). */
  cacheWork: 'update' | 'invalidate' | 'none';
  /** For a background refresh: the key it refreshes in its cache. */
  refreshKey: number;
  /** Was a single-flight leader: a server's in-flight map may still name it, so it is never reused. */
  pinned: boolean;
  /** The key the shared caches store it under, as last worked out (System.cacheKey). */
  cacheKey: number;
  /** The settings epoch cacheKey was worked out in; -1 when not yet. */
  keyEpoch: number;
}

export function createRequest(id: number): Request {
  return {
    kind: TaskKind.Request,
    id,
    client: -1,
    op: 'read',
    space: 0,
    keyIndex: 0,
    dataKey: 0,
    sizeBytes: 0,
    issuedAtMs: 0,
    stage: Stage.Client,
    viaCdn: false,
    missedBrowser: false,
    missedCdn: false,
    missedLocal: false,
    server: -1,
    node: -1,
    epoch: -1,
    replica: -1,
    version: 0,
    valueKey: -1,
    servedBy: 'failed',
    failed: false,
    locked: false,
    holdsLock: false,
    refresh: null,
    dbToNode: false,
    waiters: null,
    isFlush: false,
    cacheWork: 'none',
    refreshKey: -1,
    pinned: false,
    cacheKey: -1,
    keyEpoch: -1,
  };
}

/** Makes a finished request new again, as createRequest would (a pool's reuse). */
export function resetRequest(req: Request, id: number): void {
  req.id = id;
  req.client = -1;
  req.op = 'read';
  req.space = 0;
  req.keyIndex = 0;
  req.dataKey = 0;
  req.sizeBytes = 0;
  req.issuedAtMs = 0;
  req.stage = Stage.Client;
  req.viaCdn = false;
  req.missedBrowser = false;
  req.missedCdn = false;
  req.missedLocal = false;
  req.server = -1;
  req.node = -1;
  req.epoch = -1;
  req.replica = -1;
  req.version = 0;
  req.valueKey = -1;
  req.servedBy = 'failed';
  req.failed = false;
  req.locked = false;
  req.holdsLock = false;
  req.refresh = null;
  req.dbToNode = false;
  req.waiters = null;
  req.isFlush = false;
  req.cacheWork = 'none';
  req.refreshKey = -1;
  req.pinned = false;
  req.cacheKey = -1;
  req.keyEpoch = -1;
}

/** A message that is not a request: a fill, a delete, a bus message, a flush, a warm-up, an arrival. */
export interface Message {
  kind: Exclude<TaskKind, TaskKind.Request>;
  /** Node or instance index it concerns. */
  target: number;
  key: number;
  dataKey: number;
  version: number;
  sizeBytes: number;
  epoch: number;
  /** For bus messages: the cache it reaches. */
  instance: CacheInstance | null;
}

export type Task = Request | Message;

/** A message with every field given, without the options object of `message` (hot paths). */
export function cacheMessage(
  kind: TaskKind.CacheSet | TaskKind.CacheDelete | TaskKind.BusMessage,
  instance: CacheInstance,
  target: number,
  key: number,
  dataKey: number,
  version: number,
  sizeBytes: number,
  epoch: number,
): Message {
  return { kind, target, key, dataKey, version, sizeBytes, epoch, instance };
}

export function message(kind: Message['kind'], fields: Partial<Message> = {}): Message {
  // Every message has every field, in one order, so the hot path sees one object shape.
  return {
    kind,
    target: fields.target ?? -1,
    key: fields.key ?? -1,
    dataKey: fields.dataKey ?? -1,
    version: fields.version ?? 0,
    sizeBytes: fields.sizeBytes ?? 0,
    epoch: fields.epoch ?? -1,
    instance: fields.instance ?? null,
  };
}
