import { grownToHold } from '../../growArray';
import { blankEntry, type CacheEntry, type EntryStore, type Removal } from './entryStore';
import type { KeyColumns } from './keyColumns';

/**
 * The entries of a tier of which there are a few (CDN, local caches, nodes, buffer pool). Each key
 * has one Int32 in this tier's column of the model's KeyColumns: 0 never held, above 0 held in slot
 * (value - 1), below 0 gone, and -value is why (a Removal).
 */
export class DenseEntryStore implements EntryStore {
  private readonly column: number;
  /**
   * Each key's write epoch, made on the first write stored here. Apart from the key state, so that
   * the tiers that never store a write (most, in most runs) add nothing to the rows that lookups
   * read at random.
   */
  private epochs: Int32Array | null = null;
  /**
   * Entries by slot. An eviction frees its slot and the next add reuses it, entry object and all, so
   * a tier holds about `capacity` entry objects however many keys pass through it, and they stay in
   * the CPU's caches: with one object per key ever held, most lookups of a large key space waited
   * on main memory.
   */
  private slots: CacheEntry[] = [];
  /** The key in each slot. */
  private slotKeys: number[] = [];
  private freeSlots: number[] = [];
  /** Whether the policy is given slot numbers (its per-id arrays then span the capacity). */
  private slotIds = false;
  firstStored: number[] = [];

  constructor(private readonly columns: KeyColumns) {
    this.column = columns.addColumn();
  }

  peek(key: number): CacheEntry | undefined {
    const slot = this.columns.read(key, this.column);
    return slot > 0 ? this.slots[slot - 1] : undefined;
  }

  holds(key: number): boolean {
    return this.columns.read(key, this.column) > 0;
  }

  removalOf(key: number): Removal {
    const state = this.columns.read(key, this.column);
    return state < 0 ? (-state as Removal) : 0;
  }

  add(key: number): CacheEntry {
    if (this.columns.read(key, this.column) === 0) this.firstStored.push(key);
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
    this.columns.write(key, this.column, slot + 1);
    return entry;
  }

  /** The slot is free for the next add from here on. */
  remove(key: number, _entry: CacheEntry | undefined, why: Removal): void {
    this.freeSlots.push(this.columns.read(key, this.column) - 1);
    this.columns.write(key, this.column, -why);
  }

  clear(): void {
    this.columns.clearColumn(this.column);
    this.epochs = null;
    this.slots = [];
    this.slotKeys = [];
    this.freeSlots = [];
    this.firstStored = [];
  }

  epoch(key: number): number {
    const epochs = this.epochs;
    return epochs !== null && key < epochs.length ? epochs[key] : 0;
  }

  bumpEpoch(key: number): void {
    const epochs = grownToHold(this.epochs ?? new Int32Array(this.columns.rows), key);
    this.epochs = epochs;
    epochs[key]++;
  }

  useSlotIds(orderOnly: boolean): void {
    this.slotIds = orderOnly;
  }

  policyId(key: number): number {
    return this.slotIds ? this.columns.read(key, this.column) - 1 : key;
  }

  keyOfPolicyId(id: number): number {
    return this.slotIds ? this.slotKeys[id] : id;
  }
}
