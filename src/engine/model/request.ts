import type { ServedBy } from '../events';
import type { CacheInstance } from './cache/cacheInstance';
import { Stage } from './journey/stages';

/** What kind of thing a scheduled item is: a request, or one kind of message (messages.ts). */
export const enum TaskKind {
  Request,
  /** A cache-aside fill travelling to a node, guarded by the key's write epoch at the miss. */
  CacheFill,
  /** A background refresh's answer reaching the cache it refreshes. */
  RefreshFill,
  /** An update-on-write SET travelling to a node. */
  CacheUpdate,
  /** An invalidating delete travelling to a node. */
  CacheDelete,
  /** An invalidation message on the bus reaching one cache. */
  BusInvalidate,
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
  /** Where it is on its journey; Stage.Done before it begins (moves.ts alone changes it). */
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
  /** As a single-flight leader, the key its server's in-flight map holds it under; -1 when not one. */
  leadsKey: number;
  /** The key the shared caches store it under, as last worked out (cacheKey.ts). */
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
    stage: Stage.Done,
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
    leadsKey: -1,
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
  req.stage = Stage.Done;
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
  req.leadsKey = -1;
  req.cacheKey = -1;
  req.keyEpoch = -1;
}

/** Records what the request was answered with. */
export function answer(req: Request, version: number, valueKey: number, servedBy: ServedBy): void {
  req.version = version;
  req.valueKey = valueKey;
  req.servedBy = servedBy;
}

/**
 * Requests, reused: nothing keeps a request once it is done (events, waiters' leaders and flushes
 * name requests by id), so the hot path allocates no request.
 */
export class RequestPool {
  private readonly free: Request[] = [];
  private nextId = 0;

  /** A fresh request with the next id. */
  take(): Request {
    const id = this.nextId++;
    const req = this.free.pop();
    if (req === undefined) return createRequest(id);
    resetRequest(req, id);
    return req;
  }

  /** A request has finished its journey and nothing will read it again. */
  release(req: Request): void {
    this.free.push(req);
  }
}
