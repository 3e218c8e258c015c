import type { MissCause } from '../../events';

/** A cached copy of a key's data. */
export interface CacheEntry {
  /** The data key whose value this is (for a shared key of per-user data: whose copy). */
  dataKey: number;
  version: number;
  sizeBytes: number;
  storedAtMs: number;
  /** Infinity when the entry never expires. */
  expiresAtMs: number;
  /** The TTL the entry was given, Infinity for none. */
  ttlMs: number;
  /** Under write-back: acknowledged writes held here, not yet flushed to the database. */
  dirtyWrites: number;
  /** A background refresh (stale-while-revalidate, refresh-ahead) is on its way. */
  refreshing: boolean;
  /**
   * MapEntryStore only: false once the key has left the cache. The record stays in the Map as a
   * tombstone that remembers why (the next miss's cause). DenseEntryStore keeps this in its column.
   */
  present: boolean;
  /** MapEntryStore only: why it left (a Removal). */
  removedBy: Removal;
}

export function blankEntry(): CacheEntry {
  return {
    dataKey: -1,
    version: 0,
    sizeBytes: 0,
    storedAtMs: 0,
    expiresAtMs: 0,
    ttlMs: 0,
    dirtyWrites: 0,
    refreshing: false,
    present: true,
    removedBy: Removal.NeverHeld,
  };
}

/** Why a key is not held: stored as a small integer, so that the dense store keeps it in an Int32. */
export const enum Removal {
  NeverHeld = 0,
  Capacity = 1,
  Expired = 2,
  Invalidated = 3,
}

/** The miss cause of each Removal, by its number. */
export const missCauseOf: readonly MissCause[] = ['cold', 'capacity', 'expired', 'invalidated'];

/**
 * Where a cache tier keeps its entries, chosen once per tier: DenseEntryStore for the tiers of which
 * there are a few (CDN, local caches, nodes, buffer pool), MapEntryStore for browsers, of which
 * there may be thousands. Besides the entries, a store remembers why each key left (the next miss's
 * cause), each key's write epoch, and the order in which keys were first stored (so walks over
 * the entries are deterministic).
 */
export interface EntryStore {
  /** The key's present entry, or undefined. */
  peek(key: number): CacheEntry | undefined;
  /** Whether the key is held (cheaper than peek for the dense store: no entry is read). */
  holds(key: number): boolean;
  /** Why a key not held is missing. */
  removalOf(key: number): Removal;
  /** A fresh entry for a key not held; its fields are the caller's to set. */
  add(key: number): CacheEntry;
  /** Marks a held key gone, and why; `entry` is its entry when the caller has it. */
  remove(key: number, entry: CacheEntry | undefined, why: Removal): void;
  /** Forgets every entry, removal and epoch (a crash). */
  clear(): void;
  /** The key's write epoch: bumped by every write stored here (see CacheInstance.epoch). */
  epoch(key: number): number;
  bumpEpoch(key: number): void;
  /** Every key ever stored since the last clear, in the order first stored (held or not). */
  readonly firstStored: readonly number[];
  /**
   * Whether the policy is handed the store's slot numbers instead of key ids (see
   * EvictionPolicy.orderOnly); a store without slots ignores it.
   */
  useSlotIds(orderOnly: boolean): void;
  /** The id the policy knows a held key by. */
  policyId(key: number): number;
  /** The key of an id the policy gave back. */
  keyOfPolicyId(id: number): number;
}
