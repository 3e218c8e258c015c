import type { CacheInstance } from './cache/cacheInstance';
import { TaskKind, type Request } from './request';

/**
 * A fill that no write epoch guards: the cache stores it whatever was written since (the fill of
 * a copy other than the one that missed). CacheInstance.fill takes it as its `sinceEpoch`.
 */
export const anyEpoch = -1;

/** The kinds of message that carry a cache operation to one cache instance. */
export type CacheMessageKind =
  | TaskKind.CacheFill
  | TaskKind.RefreshFill
  | TaskKind.CacheUpdate
  | TaskKind.CacheDelete
  | TaskKind.BusInvalidate;

/**
 * A scheduled item that is not a request. Each field means one thing whatever the kind; a kind
 * leaves the fields it does not use at their defaults. Every message has every field, in one order,
 * so the hot path sees one object shape.
 */
export interface Message {
  kind: Exclude<TaskKind, TaskKind.Request>;
  /** The cache it reaches (cache messages), or null. */
  instance: CacheInstance | null;
  /** The key in that cache (or, for a flush, in the distributed cache); -1 when none. */
  cacheKey: number;
  /** Whose data the value is (fills and updates, flushes); -1 when none. */
  dataKey: number;
  version: number;
  sizeBytes: number;
  /** CacheFill: the key's write epoch at the miss, or anyEpoch. */
  sinceEpoch: number;
  /** The request that sent it (fills and updates), for the events; -1 when none. */
  reqId: number;
  /** NodeWarmed: the node's index; -1 otherwise. */
  node: number;
}

export type Task = Request | Message;

/** A message of a kind that carries no cache operation (a flush, a warm-up, an arrival). */
export function message(kind: Message['kind'], fields: Partial<Omit<Message, 'kind'>> = {}): Message {
  return {
    kind,
    instance: fields.instance ?? null,
    cacheKey: fields.cacheKey ?? -1,
    dataKey: fields.dataKey ?? -1,
    version: fields.version ?? 0,
    sizeBytes: fields.sizeBytes ?? 0,
    sinceEpoch: fields.sinceEpoch ?? anyEpoch,
    reqId: fields.reqId ?? -1,
    node: fields.node ?? -1,
  };
}

/** Cache messages, reused: nothing keeps one once it is handled, so the hot path allocates none. */
export class MessagePool {
  private readonly free: Message[] = [];

  /** A cache message with every field given (no options object: this is the hot path). */
  take(
    kind: CacheMessageKind,
    instance: CacheInstance,
    cacheKey: number,
    dataKey: number,
    version: number,
    sizeBytes: number,
    sinceEpoch: number,
    reqId: number,
  ): Message {
    const msg = this.free.pop();
    if (msg === undefined)
      return { kind, instance, cacheKey, dataKey, version, sizeBytes, sinceEpoch, reqId, node: -1 };
    msg.kind = kind;
    msg.instance = instance;
    msg.cacheKey = cacheKey;
    msg.dataKey = dataKey;
    msg.version = version;
    msg.sizeBytes = sizeBytes;
    msg.sinceEpoch = sinceEpoch;
    msg.reqId = reqId;
    return msg;
  }

  /** A handled cache message. */
  release(msg: Message): void {
    this.free.push(msg);
  }
}
