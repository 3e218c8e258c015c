import type { NodeId } from '../../events';
import { TierField, type MetricsCollector } from '../../metrics/collector';
import type { PolicyName } from '../../policies/names';
import { createPolicy } from '../../policies/index';
import type { EvictionPolicy, PolicyContext } from '../../policies/policy';
import { createStream, type RandomStream } from '../../random';
import type { TierName } from '../../scenario/commandSchema';
import type { TierConfig } from '../../scenario/parts';
import type { CacheView } from '../../snapshot';
import type { EventSink } from '../eventSink';
import type { KeyTable } from '../keyTable';
import type { GroundTruth } from '../truth';
import { entryViews, viewState } from './cacheView';
import { DenseEntryStore } from './denseEntryStore';
import { Removal, missCauseOf, type CacheEntry, type EntryStore } from './entryStore';
import type { KeyColumns } from './keyColumns';
import { MapEntryStore } from './mapEntryStore';
import { TierSettings, ttlMsOf } from './tierSettings';

export type { CacheEntry } from './entryStore';

/** What a lookup found. */
export const enum Lookup {
  Miss,
  Hit,
  /** Expired, but within stale-while-revalidate: served while a refresh runs. */
  HitStale,
}

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
 * Where the entries live is its EntryStore's business, chosen once by tier.
 */
export class CacheInstance {
  private readonly entries: EntryStore;
  /** Whether an entry with unflushed writes was ever stored here (else an eviction need not look). */
  private mayHoldDirty = false;
  private held = 0;
  private policy: EvictionPolicy;
  private readonly context: PolicyContext;
  private readonly evicted: number[] = [];
  private readonly ttlRandom: RandomStream;
  private readonly settings: TierSettings;
  private readonly isBufferPool: boolean;
  private readonly sink: EventSink;
  private readonly metrics: MetricsCollector;
  private readonly truth: GroundTruth;
  up = true;
  warming = false;
  /** The entry the last Hit or HitStale lookup found. */
  found: CacheEntry | undefined;

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
    this.entries = tier === 'browser' ? new MapEntryStore() : new DenseEntryStore(world.keyColumns);
    this.policy = createPolicy(config.eviction as PolicyName, this.context);
    this.entries.useSlotIds(this.policy.orderOnly === true);
    this.isBufferPool = tier === 'bufferPool';
    this.sink = world.sink;
    this.metrics = world.metrics;
    this.truth = world.truth;
    this.settings = new TierSettings(config);
  }

  get count(): number {
    return this.held;
  }

  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** Looks a key up at nowMs, counting a hit or a miss with its cause. */
  lookup(key: number, nowMs: number, req: number): Lookup {
    const entry = this.entries.peek(key);
    if (entry !== undefined) {
      if (nowMs < entry.expiresAtMs) {
        this.policy.touch(this.entries.policyId(key));
        if (this.settings.resetOnHit && entry.ttlMs !== Infinity) entry.expiresAtMs = nowMs + entry.ttlMs;
        return this.hit(key, entry, req, Lookup.Hit);
      }
      if (nowMs < entry.expiresAtMs + this.settings.staleWhileRevalidateMs) {
        this.policy.touch(this.entries.policyId(key));
        return this.hit(key, entry, req, Lookup.HitStale);
      }
      this.drop(key, entry, Removal.Expired);
      this.metrics.count(this.tierIndex, TierField.Expirations);
      if (this.sink.on) this.emitDeparture('cache.expiry', nowMs, key);
    }
    const cause = missCauseOf[this.entries.removalOf(key)];
    this.metrics.miss(this.tierIndex, cause);
    if (this.sink.on)
      this.sink.emit({
        type: 'cache.miss',
        t: nowMs,
        req,
        tier: this.tier,
        node: this.node,
        key: this.world.keys.name(key),
        cause,
      });
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
    return this.entries.peek(key);
  }

  /** The write epoch of a key: a load records it at its miss and passes it back to fill. */
  epoch(key: number): number {
    return this.entries.epoch(key);
  }

  /**
   * Stores a copy read from further in. With `sinceEpoch`, the fill is dropped when a write was stored
   * here after the load began (the cache orders loads and writes of a key it is in the write path of).
   * A fill never replaces a newer version already held.
   */
  fill(
    key: number,
    dataKey: number,
    version: number,
    sizeBytes: number,
    nowMs: number,
    req: number,
    sinceEpoch = -1,
  ): void {
    if (!this.settings.enabled || !this.up) return;
    if (sinceEpoch >= 0 && this.entries.epoch(key) !== sinceEpoch) return;
    const held = this.entries.peek(key);
    // Unflushed writes are newer than anything a read brings back: a fill never replaces them.
    if (held !== undefined && held.dirtyWrites > 0) return;
    if (held !== undefined && held.dataKey === dataKey && held.version > version && nowMs < held.expiresAtMs)
      return;
    this.store(key, held, dataKey, version, sizeBytes, nowMs, req, 0);
  }

  /** Stores a written value (write-through, write-back, update on write). */
  write(
    key: number,
    dataKey: number,
    version: number,
    sizeBytes: number,
    nowMs: number,
    req: number,
    dirty: boolean,
  ): void {
    if (!this.settings.enabled || !this.up) return;
    this.entries.bumpEpoch(key);
    const held = this.entries.peek(key);
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
    const entry = held ?? this.entries.add(key);
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
    } else if (held.sizeBytes !== sizeBytes && this.settings.bytesUnit) {
      // The policy charges by size: re-insert at the new size.
      this.policy.remove(this.entries.policyId(key));
      held.sizeBytes = sizeBytes;
      this.admit(key, held, nowMs);
    } else {
      this.policy.touch(this.entries.policyId(key));
    }
    if (!this.entries.holds(key)) return;
    this.metrics.count(this.tierIndex, TierField.Fills);
    if (this.sink.on)
      this.sink.emit({
        type: 'cache.fill',
        t: nowMs,
        req,
        tier: this.tier,
        node: this.node,
        key: this.world.keys.name(key),
        version,
      });
  }

  private admit(key: number, entry: CacheEntry, nowMs: number): void {
    const evicted = this.evicted;
    const admitted = this.policy.insert(this.entries.policyId(key), entry.sizeBytes, evicted);
    for (let i = 0; i < evicted.length; i++) this.evict(this.entries.keyOfPolicyId(evicted[i]), nowMs);
    // Emptied with pops, which compile inline: setting length is a call into the runtime, and a full
    // cache evicts on nearly every admission.
    while (evicted.length > 0) evicted.pop();
    if (!admitted && this.entries.holds(key)) {
      // Turned away by admission (or larger than the cache): it never really entered.
      this.remove(key, entry, Removal.Capacity);
      if (entry.dirtyWrites > 0) this.world.onDirtyEviction(this, key, entry);
    }
  }

  /** Marks a key gone, and why. */
  private remove(key: number, entry: CacheEntry | undefined, why: Removal): void {
    this.entries.remove(key, entry, why);
    this.held--;
  }

  private evict(key: number, nowMs: number): void {
    if (!this.entries.holds(key)) return;
    // The entry itself is read only if it may be dirty.
    const entry = this.mayHoldDirty ? this.entries.peek(key) : undefined;
    this.remove(key, entry, Removal.Capacity);
    this.metrics.count(this.tierIndex, TierField.Evictions);
    if (this.sink.on) this.emitDeparture('cache.eviction', nowMs, key);
    if (entry !== undefined && entry.dirtyWrites > 0) this.world.onDirtyEviction(this, key, entry);
  }

  /** Tells the event log that a key left this tier without a request asking for it. */
  private emitDeparture(type: 'cache.expiry' | 'cache.eviction', nowMs: number, key: number): void {
    this.sink.emit({ type, t: nowMs, tier: this.tier, node: this.node, key: this.world.keys.name(key) });
  }

  private drop(key: number, entry: CacheEntry, why: Removal.Expired | Removal.Invalidated): void {
    this.policy.remove(this.entries.policyId(key));
    this.remove(key, entry, why);
    if (entry.dirtyWrites > 0) this.world.onDirtyEviction(this, key, entry);
  }

  private drawTtlMs(): number {
    const ms = this.settings.ttlMs;
    const jitter = this.settings.ttlJitter;
    return jitter > 0 && ms !== Infinity ? ms * (1 - jitter * this.ttlRandom.next()) : ms;
  }

  /** Drops a key because of a write, a bus message or a purge. Returns whether it was held. */
  invalidate(key: number, nowMs: number, reason: 'write' | 'purge' | 'bus'): boolean {
    const entry = this.entries.peek(key);
    if (entry === undefined) return false;
    this.drop(key, entry, Removal.Invalidated);
    this.metrics.count(this.tierIndex, TierField.Invalidations);
    if (this.sink.on)
      this.sink.emit({
        type: 'cache.invalidation',
        t: nowMs,
        tier: this.tier,
        node: this.node,
        key: this.world.keys.name(key),
        reason,
      });
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
    for (const key of this.entries.firstStored) {
      const entry = this.entries.peek(key);
      if (entry !== undefined && entry.dirtyWrites > 0) dirty.push({ key, entry });
    }
    this.entries.clear();
    this.held = 0;
    this.setPolicy(createPolicy(this.config.eviction as PolicyName, this.context));
    this.up = false;
    return dirty;
  }

  /** Applies new settings: a new capacity evicts, a new policy re-admits the entries in their order. */
  configure(config: TierConfig, nowMs: number): void {
    const previous = this.config;
    this.config = config;
    this.settings.apply(config);
    if (!config.enabled) {
      for (const key of this.entries.firstStored.slice()) {
        const entry = this.entries.peek(key);
        if (entry !== undefined) this.drop(key, entry, Removal.Invalidated);
      }
      return;
    }
    this.context.samples = config.samples;
    if (config.ttl.seconds !== previous.ttl.seconds) {
      // A new TTL applies to what is held, measured from when each entry was stored, as a cache
      // that checks an entry's age on every read would.
      const ttlMs = ttlMsOf(config);
      for (const key of this.entries.firstStored) {
        const entry = this.entries.peek(key);
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
        const entry = this.entries.peek(key);
        if (entry !== undefined) this.admit(key, entry, nowMs);
      }
    } else if (config.capacity !== previous.capacity) {
      const evicted = this.evicted;
      evicted.length = 0;
      this.context.capacity = config.capacity;
      this.policy.setCapacity(config.capacity, evicted);
      for (const id of evicted.slice()) this.evict(this.entries.keyOfPolicyId(id), nowMs);
      evicted.length = 0;
    }
  }

  private setPolicy(policy: EvictionPolicy): void {
    this.policy = policy;
    this.entries.useSlotIds(policy.orderOnly === true);
  }

  /** The held keys, next victim first. */
  private keysInOrder(): number[] {
    return this.policy.order().map((id) => this.entries.keyOfPolicyId(id));
  }

  /** Every key held (for bus invalidation and purges). */
  *keys(): IterableIterator<number> {
    for (const key of this.entries.firstStored) if (this.entries.holds(key)) yield key;
  }

  view(nowMs: number, maxEntries: number, stateOverride?: CacheView['state']): CacheView {
    return {
      id: this.id,
      tier: this.tier,
      label: this.label,
      state: stateOverride ?? viewState(this.up, this.warming),
      policy: this.policy.name,
      capacity: this.policy.capacity,
      unit: this.config.capacityUnit,
      used: this.policy.used,
      count: this.held,
      entries: entryViews(this.keysInOrder(), (key) => this.entries.peek(key), this.world, nowMs, maxEntries),
    };
  }
}
