import { ReferenceBitPolicy } from './referenceBitPolicy';
import type { PolicyFactory } from './policy';

/**
 * SIEVE (Zhang et al., NSDI 2024): one FIFO list of keys and a hand. A hit sets the key's visited bit.
 * To evict, the hand walks from the tail towards the head, clearing visited bits, and takes the first
 * unvisited key; the hand stays where it stopped (wrapping to the tail), and new keys go in at the
 * head. Unlike CLOCK it never moves a key, so newcomers that are not reused leave quickly and a scan
 * passes through without flushing the keys that were hit.
 */
class Sieve extends ReferenceBitPolicy {
  readonly name = 'sieve' as const;
  private hand = -1;

  protected evictOne(): number {
    const lists = this.lists;
    let key = this.hand >= 0 ? this.hand : lists.tail[0];
    while (lists.markOf(key) !== 0) {
      lists.setMark(key, 0);
      key = lists.prevOf(key) >= 0 ? lists.prevOf(key) : lists.tail[0];
    }
    this.hand = lists.prevOf(key);
    lists.unlink(key);
    return key;
  }

  /** A key leaving under the hand moves the hand on to the next newer key. */
  protected override forget(key: number): void {
    if (this.hand === key) this.hand = this.lists.prevOf(key);
    this.lists.unlink(key);
  }
}

/** Creates a SIEVE policy. */
export const createSieve: PolicyFactory = (context) => new Sieve(context);
