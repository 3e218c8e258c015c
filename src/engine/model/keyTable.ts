import type { KeySpace } from '../scenario/parts';

/**
 * Names every key the model touches by a dense integer, without building strings per request.
 * Each key space owns a range of data keys: `count` keys, or `count × clients` for per-user spaces.
 * A per-user space also owns a range of shared cache keys, used when the app (mis)configures its
 * caches to key per-user data without the user: that is how one user's copy reaches another.
 */
export class KeyTable {
  private readonly bases: number[] = [];
  private readonly sharedBases: number[] = [];
  private readonly counts: number[] = [];
  private readonly spaces: KeySpace[] = [];
  private nextId = 0;
  /** Names made so far, indexed by id (an array: ids are dense, and a Map read cost more per event). */
  private readonly names: (string | undefined)[] = [];
  /** Every range ever laid out, so ids from before a key-space change still have names. */
  private readonly ranges: { base: number; end: number; space: number; perUser: boolean; shared: boolean; count: number }[] =
    [];

  constructor(
    keySpaces: readonly KeySpace[],
    private readonly clients: number,
  ) {
    keySpaces.forEach((space, i) => this.layOut(i, space));
  }

  /** One past the largest id in use: typed arrays indexed by key must be at least this long. */
  get size(): number {
    return this.nextId;
  }

  /** Gives a key space a fresh range (at start, or when a command changes its key count). */
  layOut(index: number, space: KeySpace): void {
    const dataCount = space.perUser ? space.count * this.clients : space.count;
    this.bases[index] = this.nextId;
    this.ranges.push({ base: this.nextId, end: this.nextId + dataCount, space: index, perUser: space.perUser, shared: false, count: space.count });
    this.nextId += dataCount;
    this.sharedBases[index] = space.perUser ? this.nextId : -1;
    if (space.perUser) {
      this.ranges.push({ base: this.nextId, end: this.nextId + space.count, space: index, perUser: false, shared: true, count: space.count });
      this.nextId += space.count;
    }
    this.counts[index] = space.count;
    this.spaces[index] = space;
  }

  /** Updates a key space's settings; a new key count gets a new range. */
  update(index: number, space: KeySpace): void {
    if (space.count !== this.counts[index] || space.perUser !== this.spaces[index].perUser) this.layOut(index, space);
    else this.spaces[index] = space;
  }

  /** The data key (what the truth is about) of a request. */
  dataKey(space: number, client: number, index: number): number {
    return this.spaces[space].perUser ? this.bases[space] + client * this.counts[space] + index : this.bases[space] + index;
  }

  /** The key a shared cache stores the data under: without the user when misconfigured. */
  sharedCacheKey(space: number, index: number): number {
    return this.sharedBases[space] + index;
  }

  /** The key space a key id belongs to, and whether it is a shared key of per-user data. */
  rangeOf(id: number): { space: number; perUser: boolean; shared: boolean; offset: number; count: number } {
    for (let i = this.ranges.length - 1; i >= 0; i--) {
      const r = this.ranges[i];
      if (id >= r.base && id < r.end) return { space: r.space, perUser: r.perUser, shared: r.shared, offset: id - r.base, count: r.count };
    }
    throw new RangeError(`KeyTable: no key has id ${id}`);
  }

  /** The owner of a per-user data key, or -1 for shared data. */
  ownerOf(dataKey: number): number {
    const r = this.rangeOf(dataKey);
    return r.perUser ? Math.floor(r.offset / r.count) : -1;
  }

  /**
   * The key's name as people read it: `product:17`, `feed:u3` (per user, one key each),
   * `cart:u3:5`, and for a shared key of per-user data `feed` or `cart:5`.
   */
  name(id: number): string {
    let name = id < this.names.length ? this.names[id] : undefined;
    if (name !== undefined) return name;
    const r = this.rangeOf(id);
    const spaceName = this.spaces[r.space].name;
    if (r.perUser) {
      const user = Math.floor(r.offset / r.count);
      const index = r.offset % r.count;
      name = r.count === 1 ? `${spaceName}:u${user}` : `${spaceName}:u${user}:${index}`;
    } else if (r.shared && r.count === 1) {
      name = spaceName;
    } else {
      name = `${spaceName}:${r.offset}`;
    }
    // Grown with push, so the array stays packed.
    while (this.names.length <= id) this.names.push(undefined);
    this.names[id] = name;
    return name;
  }

  /**
   * Gives the keys of a shared key space names of their own (a trace's keys: `names[i]` for key i),
   * in place of `space:i`.
   */
  nameKeys(space: number, names: readonly string[]): void {
    const base = this.bases[space];
    while (this.names.length < base + names.length) this.names.push(undefined);
    for (let i = 0; i < names.length; i++) this.names[base + i] = names[i];
  }

  /** Ids of every key whose name matches (for purges by key or prefix). Scans names lazily. */
  matching(test: (name: string) => boolean, candidates: Iterable<number>): number[] {
    const out: number[] = [];
    for (const id of candidates) if (test(this.name(id))) out.push(id);
    return out;
  }
}
