import { grownToHold } from '../growArray';

/**
 * Consistent hashing with virtual nodes: each cache node owns many points on a 32-bit ring, and a key
 * belongs to the first point clockwise from its hash. When a node leaves, only its keys move.
 */
export class HashRing {
  private points = new Uint32Array(0);
  private owners = new Int32Array(0);
  /**
   * primaryFor's answers by key id, plus 1 (0: not worked out yet), forgotten when the ring changes.
   * A request asks for its key's node several times, so this saves a hash and a binary search each.
   */
  private primaries = new Int8Array(1024);

  constructor(
    private readonly nodeCount: number,
    private readonly virtualNodes: number,
  ) {
    this.rebuild(() => true);
  }

  /** Rebuilds the ring from the nodes that are up. */
  rebuild(isUp: (node: number) => boolean): void {
    const pairs: [number, number][] = [];
    for (let node = 0; node < this.nodeCount; node++) {
      if (!isUp(node)) continue;
      for (let v = 0; v < this.virtualNodes; v++) pairs.push([hash32((node + 1) * 0x10000 + v), node]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.points = Uint32Array.from(pairs, (p) => p[0]);
    this.owners = Int32Array.from(pairs, (p) => p[1]);
    this.primaries.fill(0);
  }

  /**
   * The nodes that hold a key, primary first: `copies` distinct nodes clockwise from its hash.
   * Writes into `out` and returns how many (fewer when fewer nodes are up; 0 when none).
   */
  nodesFor(key: number, copies: number, out: number[]): number {
    const n = this.points.length;
    while (out.length > 0) out.pop(); // (setting length calls into the runtime)
    if (n === 0) return 0;
    const lo = this.firstPointFor(key);
    for (let step = 0; step < n && out.length < copies; step++) {
      const owner = this.owners[(lo + step) % n];
      if (!out.includes(owner)) out.push(owner);
    }
    return out.length;
  }

  /** The primary node of a key, or -1 when no node is up. */
  primaryFor(key: number): number {
    const primaries = this.primaries;
    if (key < primaries.length) {
      const known = primaries[key];
      if (known !== 0) return known - 1;
    } else this.primaries = grownToHold(primaries, key);
    const primary = this.searchPrimary(key);
    this.primaries[key] = primary + 1;
    return primary;
  }

  /** The index of the first point on the ring at or after the key's hash (n when past the last). */
  private firstPointFor(key: number): number {
    const h = hash32(key ^ 0x5bd1e995);
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.points[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private searchPrimary(key: number): number {
    const n = this.points.length;
    if (n === 0) return -1;
    const lo = this.firstPointFor(key);
    return this.owners[lo % n];
  }
}

/** A 32-bit integer hash (murmur3's finaliser): spreads nearby keys over the ring. */
export function hash32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
