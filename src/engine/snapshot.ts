import type { NodeId } from './events';
import type { PolicyName } from './policies/names';
import type { TierName } from './scenario/commandSchema';

/** One cached copy, as the cache inspector shows it. */
export interface CacheEntryView {
  key: string;
  version: number;
  /** The key's true version right now (latest acknowledged write). */
  truthVersion: number;
  /** version < truthVersion. */
  stale: boolean;
  /** Milliseconds until expiry, null when the entry never expires. */
  ttlLeftMs: number | null;
  /** The TTL the entry was given, null when none. */
  ttlMs: number | null;
  sizeBytes: number;
  /** Under write-back: written here, not yet flushed to the database. */
  dirty: boolean;
  /** For per-user data under a shared key: the user whose copy this is. */
  owner: number | null;
}

/** One cache instance (one browser, the CDN, one app server's local cache, one node, the buffer pool). */
export interface CacheView {
  id: NodeId;
  tier: TierName;
  label: string;
  state: 'up' | 'down' | 'warming';
  policy: PolicyName;
  capacity: number;
  unit: 'entries' | 'bytes';
  used: number;
  count: number;
  /** Entries in eviction order, next victim first; at most the snapshot's limit. */
  entries: CacheEntryView[];
}

export type NodeKind = 'client' | 'cdn' | 'lb' | 'app' | 'cache' | 'db' | 'replica' | 'bus';

/** A box in the topology view. */
export interface NodeView {
  id: NodeId;
  kind: NodeKind;
  label: string;
  /** Lifecycle state from its machine: up, down, warming, healthy, overloaded, ... */
  state: string;
  /** Requests being worked on (app servers, database). */
  busy: number;
  /** Requests waiting (app servers, database). */
  queued: number;
  /** The cache this node holds, when it holds one (its id in `caches`). */
  cache: NodeId | null;
  /**
   * Client nodes only: how many users it stands for. A snapshot lists a few clients one by one; the
   * last listed stands for itself and every user not listed.
   */
  users?: number;
}

export interface EdgeView {
  from: NodeId;
  to: NodeId;
}

/** The state of the whole system at a moment: for the topology view and the cache inspector. */
export interface Snapshot {
  nowMs: number;
  nodes: NodeView[];
  edges: EdgeView[];
  caches: CacheView[];
}
