import { blankEntry, Removal, type CacheEntry, type EntryStore } from './entryStore';

/**
 * The entries of a browser cache. There may be thousands of browsers, each holding a few keys of a
 * large key space, so each keeps a Map rather than a column of KeyColumns. A key that leaves keeps
 * its record as a tombstone (present false) that remembers why; the next store of the key reuses it.
 */
export class MapEntryStore implements EntryStore {
  private readonly entries = new Map<number, CacheEntry>();
  private readonly writeEpochs = new Map<number, number>();
  firstStored: number[] = [];

  peek(key: number): CacheEntry | undefined {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.present ? entry : undefined;
  }

  holds(key: number): boolean {
    return this.peek(key) !== undefined;
  }

  removalOf(key: number): Removal {
    const entry = this.entries.get(key);
    return entry === undefined ? Removal.NeverHeld : entry.removedBy;
  }

  add(key: number): CacheEntry {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = blankEntry();
      this.entries.set(key, entry);
      this.firstStored.push(key);
    }
    entry.present = true;
    return entry;
  }

  remove(key: number, entry: CacheEntry | undefined, why: Removal): void {
    const record = entry ?? this.entries.get(key)!;
    record.present = false;
    record.removedBy = why;
  }

  clear(): void {
    this.entries.clear();
    this.writeEpochs.clear();
    this.firstStored = [];
  }

  epoch(key: number): number {
    return this.writeEpochs.get(key) ?? 0;
  }

  bumpEpoch(key: number): void {
    this.writeEpochs.set(key, this.epoch(key) + 1);
  }

  /** Browsers give policies key ids: their few keys are spread over the whole key space anyway. */
  useSlotIds(_orderOnly: boolean): void {}

  policyId(key: number): number {
    return key;
  }

  keyOfPolicyId(id: number): number {
    return id;
  }
}
