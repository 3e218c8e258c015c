import type { MissCause, NodeId } from '../events';
import { TierField, type MetricsCollector } from '../metrics/collector';
import type { PolicyName } from '../policies/names';
import { createPolicy } from '../policies/index';
import type { EvictionPolicy, PolicyContext } from '../policies/policy';
import { createStream, type RandomStream } from '../random';
import type { TierName } from '../scenario/commandSchema';
import type { TierConfig } from '../scenario/parts';
import type { CacheEntryView, CacheView } from '../snapshot';
import type { EventSink } from './eventSink';
import type { KeyTable } from './keyTable';
import type { KeyColumns } from './keyColumns';
import type { GroundTruth } from './truth';
import { grownToHold } from '../growArray';

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
   * Browsers only: false once the key has left the cache. The record stays in the browser's Map as a
   * tombstone that remembers why (the next miss's cause). The other tiers keep this in their
   * column of KeyColumns.
   */
  present: boolean;
  /** Browsers only: why it left, 0 never held, 1 capacity, 2 expired, 3 invalidated. */
  removedBy: number;
}

function blankEntry(): CacheEntry {
  return { dataKey: -1, version: 0, sizeBytes: 0, storedAtMs: 0, expiresAtMs: 0, ttlMs: 0, dirtyWrites: 0, refreshing: false, present: true, removedBy: 0 };
}

/** What a lookup found. */
export const enum Lookup {
  Miss,
  Hit,
  /** Expired, but within stale-while-revalidate: served while a refresh runs. */
  HitStale,
}

const removedBy: Record<'capacity' | 'expired' | 'invalidated', number> = { capacity: 1, expired: 2, invalidated: 3 };
const causeOf: MissCause[] = ['cold', 'capacity', 'expired', 'invalidated'];

/** The model's shared pieces a cache instance reports to. */
export interface CacheWorld {
  sink: EventSink;
  metrics: MetricsCollector;
  keys: KeyTable;
  truth: GroundTruth;
  /** Where the dense tiers keep their per-key state, a column each. */
  keyColumns: KeyColumns;
  clock: { nowMs: number };
  seed: number;
  /** Called when an entry with unflushed writes is evicted: write-back must flush it now. */
  onDirtyEviction(instance: CacheInstance, key: number, entry: CacheEntry): void;
}

/**
 * One instance of a cache tier: one browser's cache, the CDN, one app server's local cache, one
 * distributed cache node, or the database's buffer pool. It holds entries under an eviction policy,
 * applies TTLs, and counts hits and misses by cause (counting lives here, not in the policies).
 */
export class CacheInstance {
  /**
   * The tiers of which there are a few (CDN, local caches, nodes, buffer pool) keep one Int32 per key
   * id in their column of the world's KeyColumns: 0 never held, above 0 held in slot (value - 1),
   * below 0 gone, and -value says why (the next miss's cause). Browsers, of which there may be
   * thousands, keep a Map of entries instead (null here).
   */
  private readonly keyColumns: KeyColumns | null;
  /** This instance's column in keyColumns. */
  private readonly column: number;
  /**
   * Dense tiers: each key's write epoch (see epoch()), made on the first write stored here. Apart
   * from the key state, so that the tiers that never store a write (most, in most runs) add nothing
   * to the rows that lookups read at random.
   */
  private epochs: Int32Array | null = null;
  /**
   * Entries by slot. An eviction frees its slot and the next store reuses it, entry object and all,
   * so a tier holds about `capacity` entry objects however many keys pass through it, and they stay
   * in the CPU's caches: with one object per key ever held, most lookups of a large key space
   * waited on main memory.
   */
  private slots: CacheEntry[] = [];
  /** The key in each slot. */
  private slotKeys: number[] = [];
  private freeSlots: number[] = [];
  /**
   * Whether the policy is given slot numbers instead of key ids (EvictionPolicy.orderOnly): its
   * per-id arrays then span the capacity, not the key space, and stay in the CPU's caches.
   */
  private slotIds = false;
  /** Whether an entry with unflushed writes was ever stored here (else an eviction need not look). */
  private mayHoldDirty = false;
  private readonly map: Map<number, CacheEntry> | null;
  /** Keys in the order their records were made, so that walks over the entries keep a Map's order. */
  private order: number[] = [];
  private held = 0;
  private policy: EvictionPolicy;
  private readonly context: PolicyContext;
  private readonly evicted: number[] = [];
  private readonly ttlRandom: RandomStream;
  /**
   * Browsers only (the other tiers keep `epochs`): bumped by every write stored here, so a load
   * that began before a write cannot overwrite it.
   */
  private readonly writeEpochs: Map<number, number> | null;
  // Hot settings, copied from `config` by configure() so that a lookup reads no property chains.
  private isEnabled: boolean;
  private resetOnHit: boolean;
  private swrMs: number;
  /** The TTL in ms (Infinity for none) and its jitter, from config.ttl. */
  private ttlMs: number;
  private ttlJitter: number;
  private bytesUnit: boolean;
  private readonly isBufferPool: boolean;
  private readonly sink: EventSink;
  private readonly metrics: MetricsCollector;
  private readonly truth: GroundTruth;
  up = true;
  warming = false;
  /** The entry the last Hit or HitStale lookup found. */
  found: CacheEntry | undefined;
  /** The cause of the last Miss. */
  lastMissCause: MissCause = 'cold';

  constructor(
    readonly id: NodeId,
    /** Where it lives in the topology (events name this node). */
    readonly node: NodeId,
    readonly label: string,
    readonly tier: TierName,
    private readonly tierIndex: number,
    public config: TierConfig,
    private readonly world: CacheWorld,
  ) {
    this.context = {
      capacity: config.capacity,
      unit: config.capacityUnit,
      random: createStream(world.seed, `policy:${id}`),
      clock: world.clock,
      future: { nextUse: Infinity },
      samples: config.samples,
    };
    this.ttlRandom = createStream(world.seed, `ttl:${id}`);
    this.keyColumns = tier === 'browser' ? null : world.keyColumns;
    this.column = this.keyColumns === null ? -1 : this.keyColumns.addColumn();
    this.writeEpochs = tier === 'browser' ? new Map() : null;
    this.policy = createPolicy(config.eviction as PolicyName, this.context);
    this.slotIds = this.keyColumns !== null && this.policy.orderOnly === true;
    this.map = tier === 'browser' ? new Map() : null;
    this.isBufferPool = tier === 'bufferPool';
    this.sink = world.sink;
    this.metrics = world.metrics;
    this.truth = world.truth;
    this.isEnabled = config.enabled;
    this.resetOnHit = config.ttl.resetOnHit;
    this.swrMs = config.ttl.staleWhileRevalidateSeconds * 1000;
    this.bytesUnit = config.capacityUnit === 'bytes';
    this.ttlMs = config.ttl.seconds === null ? Infinity : config.ttl.seconds * 1000;
    this.ttlJitter = config.ttl.jitter;
  }

  /**
   * A new entry for a key not held: a free slot (or a Map record, reusing a browser's tombstone).
   * Its fields are the caller's to set.
   */
  private newEntry(key: number): CacheEntry {
    const columns = this.keyColumns;
    if (columns === null) {
      const map = this.map!;
      let entry = map.get(key);
      if (entry === undefined) {
        entry = blankEntry();
        map.set(key, entry);
        this.order.push(key);
      }
      entry.present = true;
      return entry;
    }
    if (this.stateOf(key) === 0) this.order.push(key);
    let slot: number;
    let entry: CacheEntry;
    if (this.freeSlots.length > 0) {
      slot = this.freeSlots.pop()!;
      entry = this.slots[slot];
      this.slotKeys[slot] = key;
    } else {
      slot = this.slots.length;
      entry = blankEntry();
      this.slots.push(entry);
      this.slotKeys.push(key);
    }
    columns.write(key, this.column, slot + 1);
    return entry;
  }

  /** A dense tier's state of a key (see keyColumns). */
  private stateOf(key: number): number {
    return this.keyColumns!.read(key, this.column);
  }

  private clearRecords(): void {
    if (this.keyColumns !== null) {
      this.keyColumns.clearColumn(this.column);
      this.epochs = null;
      this.slots = [];
      this.slotKeys = [];
      this.freeSlots = [];
    } else this.map!.clear();
    this.order = [];
  }

  get count(): number {
    return this.held;
  }

  get enabled(): boolean {
    return this.isEnabled;
  }

  /** Looks a key up at nowMs, counting a hit or a miss with its cause. */
  lookup(key: number, nowMs: number, req: number): Lookup {
    const entry = this.peek(key);
    if (entry !== undefined) {
      if (nowMs < entry.expiresAtMs) {
        this.policy.touch(this.idOf(key));
        if (this.resetOnHit && entry.ttlMs !== Infinity) entry.expiresAtMs = nowMs + entry.ttlMs;
        return this.hit(key, entry, req, Lookup.Hit);
      }
      if (nowMs < entry.expiresAtMs + this.swrMs) {
        this.policy.touch(this.idOf(key));
        return this.hit(key, entry, req, Lookup.HitStale);
      }
      this.drop(key, entry, 'expired');
      this.metrics.count(this.tierIndex, TierField.Expirations);
      if (this.sink.on)
        this.sink.emit({ type: 'cache.expiry', t: nowMs, tier: this.tier, node: this.node, key: this.world.keys.name(key) });
    }
    const cause = causeOf[this.removedReason(key)];
    this.lastMissCause = cause;
    this.metrics.miss(this.tierIndex, cause);
    if (this.sink.on)
      this.sink.emit({ type: 'cache.miss', t: nowMs, req, tier: this.tier, node: this.node, key: this.world.keys.name(key), cause });
    return Lookup.Miss;
  }

  private hit(key: number, entry: CacheEntry, req: number, result: Lookup): Lookup {
    // The buffer pool holds the database's own pages: always the committed version.
    if (this.isBufferPool) entry.version = this.truth.committedVersion(entry.dataKey);
    const stale = entry.version < this.truth.version(entry.dataKey);
    this.metrics.hit(this.tierIndex, stale);
    this.found = entry;
    if (this.sink.on)
      this.world.sink.emit({
        type: 'cache.hit',
        t: this.world.clock.nowMs,
        req,
        tier: this.tier,
        node: this.node,
        key: this.world.keys.name(key),
        version: entry.version,
        stale,
      });
    return result;
  }

  /** Reads an entry without counting (a write-back flush, the inspector). */
  peek(key: number): CacheEntry | undefined {
    if (this.keyColumns !== null) {
      const slot = this.stateOf(key);
      return slot > 0 ? this.slots[slot - 1] : undefined;
    }
    const entry = this.map!.get(key);
    return entry !== undefined && entry.present ? entry : undefined;
  }

  /** Why a key not held is missing: 0 never held, 1 capacity, 2 expired, 3 invalidated. */
  private removedReason(key: number): number {
    if (this.keyColumns !== null) {
      const state = this.stateOf(key);
      return state < 0 ? -state : 0;
    }
    const entry = this.map!.get(key);
    return entry === undefined ? 0 : entry.removedBy;
  }

  /** The write epoch of a key: a load records it at its miss and passes it back to fill. */
  epoch(key: number): number {
    if (this.writeEpochs === null) {
      const epochs = this.epochs;
      return epochs !== null && key < epochs.length ? epochs[key] : 0;
    }
    return this.writeEpochs.get(key) ?? 0;
  }

  /**
   * Stores a copy read from further in. With `sinceEpoch`, the fill is dropped when a write was stored
   * here after the load began (the cache orders loads and writes of a key it is in the write path of).
   * A fill never replaces a newer version already held.
   */
  fill(key: number, dataKey: number, version: number, sizeBytes: number, nowMs: number, req: number, sinceEpoch = -1): void {
    if (!this.isEnabled || !this.up) return;
    if (sinceEpoch >= 0 && this.epoch(key) !== sinceEpoch) return;
    const held = this.peek(key);
    // Unflushed writes are newer than anything a read brings back: a fill never replaces them.
    if (held !== undefined && held.dirtyWrites > 0) return;
    if (held !== undefined && held.dataKey === dataKey && held.version > version && nowMs < held.expiresAtMs) return;
    this.store(key, held, dataKey, version, sizeBytes, nowMs, req, 0);
  }

  /** Stores a written value (write-through, write-back, update on write). */
  write(key: number, dataKey: number, version: number, sizeBytes: number, nowMs: number, req: number, dirty: boolean): void {
    if (!this.isEnabled || !this.up) return;
    if (this.writeEpochs === null) this.epochsFor(key)[key]++;
    else this.writeEpochs.set(key, this.epoch(key) + 1);
    const held = this.peek(key);
    const dirtyWrites = dirty ? (held?.dirtyWrites ?? 0) + 1 : 0;
    this.store(key, held, dataKey, version, sizeBytes, nowMs, req, dirtyWrites);
  }

  /** Stores a value under a key; `held` is the key's present entry (peek), if any. */
  private store(
    key: number,
    held: CacheEntry | undefined,
    dataKey: number,
    version: number,
    sizeBytes: number,
    nowMs: number,
    req: number,
    dirtyWrites: number,
  ): void {
    const ttlMs = this.drawTtlMs();
    if (dirtyWrites > 0) this.mayHoldDirty = true;
    const entry = held ?? this.newEntry(key);
    entry.dataKey = dataKey;
    entry.version = version;
    entry.storedAtMs = nowMs;
    entry.expiresAtMs = nowMs + ttlMs;
    entry.ttlMs = ttlMs;
    entry.dirtyWrites = dirtyWrites;
    entry.refreshing = false;
    if (held === undefined) {
      entry.sizeBytes = sizeBytes;
      this.held++;
      this.admit(key, entry, nowMs);
    } else if (held.sizeBytes !== sizeBytes && this.bytesUnit) {
      // The policy charges by size: re-insert at the new size.
      this.policy.remove(this.idOf(key));
      held.sizeBytes = sizeBytes;
      this.admit(key, held, nowMs);
    } else {
      this.policy.touch(this.idOf(key));
    }
    if (this.peek(key) === undefined) return;
    this.metrics.count(this.tierIndex, TierField.Fills);
    if (this.sink.on)
      this.sink.emit({ type: 'cache.fill', t: nowMs, req, tier: this.tier, node: this.node, key: this.world.keys.name(key), version });
  }

  private admit(key: number, entry: CacheEntry, nowMs: number): void {
    const evicted = this.evicted;
    const admitted = this.policy.insert(this.idOf(key), entry.sizeBytes, evicted);
    for (let i = 0; i < evicted.length; i++) this.evict(this.keyOf(evicted[i]), nowMs);
    // Emptied with pops, which compile inline: setting length is a call into the runtime, and a full
    // cache evicts on nearly every admission.
    while (evicted.length > 0) evicted.pop();
    if (!admitted && this.peek(key) !== undefined) {
      // Turned away by admission (or larger than the cache): it never really entered.
      this.remove(key, entry, removedBy.capacity);
      if (entry.dirtyWrites > 0) this.world.onDirtyEviction(this, key, entry);
    }
  }

  /** Marks a key gone, and why. A dense tier's slot is free for the next store from here on. */
  private remove(key: number, entry: CacheEntry | undefined, reason: number): void {
    if (this.keyColumns !== null) {
      this.freeSlots.push(this.stateOf(key) - 1);
      this.keyColumns.write(key, this.column, -reason);
    } else {
      entry!.present = false;
      entry!.removedBy = reason;
    }
    this.held--;
  }

  private evict(key: number, nowMs: number): void {
    let entry: CacheEntry | undefined;
    if (this.keyColumns !== null) {
      // The slot says whether it is held; the entry itself is read only if it may be dirty.
      const slot = this.stateOf(key);
      if (slot <= 0) return;
      if (this.mayHoldDirty) entry = this.slots[slot - 1];
    } else {
      entry = this.peek(key);
      if (entry === undefined) return;
    }
    this.remove(key, entry, removedBy.capacity);
    this.metrics.count(this.tierIndex, TierField.Evictions);
    if (this.sink.on)
      this.sink.emit({ type: 'cache.eviction', t: nowMs, tier: this.tier, node: this.node, key: this.world.keys.name(key) });
    if (entry !== undefined && entry.dirtyWrites > 0) this.world.onDirtyEviction(this, key, entry);
  }

  private drop(key: number, entry: CacheEntry, why: 'expired' | 'invalidated'): void {
    this.policy.remove(this.idOf(key));
    this.remove(key, entry, removedBy[why]);
    if (entry.dirtyWrites > 0) this.world.onDirtyEviction(this, key, entry);
  }

  private drawTtlMs(): number {
    const ms = this.ttlMs;
    return this.ttlJitter > 0 && ms !== Infinity ? ms * (1 - this.ttlJitter * this.ttlRandom.next()) : ms;
  }

  /** Drops a key because of a write, a bus message or a purge. Returns whether it was held. */
  invalidate(key: number, nowMs: number, reason: 'write' | 'purge' | 'bus'): boolean {
    const entry = this.peek(key);
    if (entry === undefined) return false;
    this.drop(key, entry, 'invalidated');
    this.metrics.count(this.tierIndex, TierField.Invalidations);
    if (this.sink.on)
      this.sink.emit({ type: 'cache.invalidation', t: nowMs, tier: this.tier, node: this.node, key: this.world.keys.name(key), reason });
    return true;
  }

  /** Drops every key whose name passes the test. Returns how many. */
  purge(test: (name: string) => boolean, nowMs: number): number {
    const keys = this.world.keys.matching(test, this.keys());
    for (const key of keys) this.invalidate(key, nowMs, 'purge');
    return keys.length;
  }

  /**
   * The node crashed: every entry is gone (unflushed writes are handed back, to be counted lost).
   * Returns the entries that held unflushed writes.
   */
  crash(): { key: number; entry: CacheEntry }[] {
    const dirty: { key: number; entry: CacheEntry }[] = [];
    for (const key of this.order) {
      const entry = this.peek(key);
      if (entry !== undefined && entry.dirtyWrites > 0) dirty.push({ key, entry });
    }
    this.clearRecords();
    this.held = 0;
    this.writeEpochs?.clear();
    this.setPolicy(createPolicy(this.config.eviction as PolicyName, this.context));
    this.up = false;
    return dirty;
  }

  /** Clears unflushed-write marks once a flush of that version is committed. */
  markFlushed(key: number, version: number): void {
    const entry = this.peek(key);
    if (entry !== undefined && entry.version <= version) entry.dirtyWrites = 0;
  }

  /** Applies new settings: a new capacity evicts, a new policy re-admits the entries in their order. */
  configure(config: TierConfig, nowMs: number): void {
    const previous = this.config;
    this.config = config;
    this.isEnabled = config.enabled;
    this.resetOnHit = config.ttl.resetOnHit;
    this.swrMs = config.ttl.staleWhileRevalidateSeconds * 1000;
    this.bytesUnit = config.capacityUnit === 'bytes';
    this.ttlMs = config.ttl.seconds === null ? Infinity : config.ttl.seconds * 1000;
    this.ttlJitter = config.ttl.jitter;
    if (!config.enabled) {
      for (const key of this.order.slice()) {
        const entry = this.peek(key);
        if (entry !== undefined) this.drop(key, entry, 'invalidated');
      }
      return;
    }
    this.context.samples = config.samples;
    if (config.ttl.seconds !== previous.ttl.seconds) {
      // A new TTL applies to what is held, measured from when each entry was stored, as a cache
      // that checks an entry's age on every read would.
      const ttlMs = config.ttl.seconds === null ? Infinity : config.ttl.seconds * 1000;
      for (const key of this.order) {
        const entry = this.peek(key);
        if (entry === undefined) continue;
        entry.ttlMs = ttlMs;
        entry.expiresAtMs = entry.storedAtMs + ttlMs;
      }
    }
    if (config.eviction !== previous.eviction || config.capacityUnit !== previous.capacityUnit) {
      const order = this.keysInOrder();
      this.context.capacity = config.capacity;
      this.context.unit = config.capacityUnit;
      this.setPolicy(createPolicy(config.eviction as PolicyName, this.context));
      for (const key of order) {
        const entry = this.peek(key);
        if (entry !== undefined) this.admit(key, entry, nowMs);
      }
    } else if (config.capacity !== previous.capacity) {
      const evicted = this.evicted;
      evicted.length = 0;
      this.context.capacity = config.capacity;
      this.policy.setCapacity(config.capacity, evicted);
      for (const id of evicted.slice()) this.evict(this.keyOf(id), nowMs);
      evicted.length = 0;
    }
  }

  private setPolicy(policy: EvictionPolicy): void {
    this.policy = policy;
    this.slotIds = this.keyColumns !== null && policy.orderOnly === true;
  }

  /** The id the policy knows a held key by. */
  private idOf(key: number): number {
    return this.slotIds ? this.stateOf(key) - 1 : key;
  }

  /** `epochs`, made or grown (doubling) to hold `key`. */
  private epochsFor(key: number): Int32Array {
    const epochs = grownToHold(this.epochs ?? new Int32Array(this.keyColumns!.rows), key);
    this.epochs = epochs;
    return epochs;
  }

  /** The key of an id the policy gave back. */
  private keyOf(id: number): number {
    return this.slotIds ? this.slotKeys[id] : id;
  }

  /** The held keys, next victim first. */
  private keysInOrder(): number[] {
    const order = this.policy.order();
    return this.slotIds ? order.map((id) => this.slotKeys[id]) : order;
  }

  /** Every key held (for bus invalidation and purges). */
  *keys(): IterableIterator<number> {
    for (const key of this.order) if (this.peek(key) !== undefined) yield key;
  }

  view(nowMs: number, maxEntries: number, stateOverride?: CacheView['state']): CacheView {
    const order = this.keysInOrder();
    const entries: CacheEntryView[] = [];
    for (let i = 0; i < order.length && entries.length < maxEntries; i++) {
      const entry = this.peek(order[i]);
      if (entry === undefined) continue;
      const truthVersion = this.world.truth.version(entry.dataKey);
      const owner = this.world.keys.ownerOf(entry.dataKey);
      entries.push({
        key: this.world.keys.name(order[i]),
        version: entry.version,
        truthVersion,
        stale: entry.version < truthVersion,
        ttlLeftMs: entry.expiresAtMs === Infinity ? null : Math.max(0, entry.expiresAtMs - nowMs),
        ttlMs: entry.ttlMs === Infinity ? null : entry.ttlMs,
        sizeBytes: entry.sizeBytes,
        dirty: entry.dirtyWrites > 0,
        owner: owner >= 0 && this.world.keys.rangeOf(order[i]).shared ? owner : null,
      });
    }
    return {
      id: this.id,
      tier: this.tier,
      label: this.label,
      state: stateOverride ?? (!this.up ? 'down' : this.warming ? 'warming' : 'up'),
      policy: this.policy.name,
      capacity: this.policy.capacity,
      unit: this.config.capacityUnit,
      used: this.policy.used,
      count: this.held,
      entries,
    };
  }
}
