import { BoundedPolicy } from './boundedPolicy';
import { dryRunClone } from './dryRun';
import { KeyLists } from './keyLists';
import type { PolicyContext } from './policy';

/**
 * A policy whose keys wait in linked lists (KeyLists): LRU, CLOCK, SIEVE, ARC, 2Q, S3-FIFO and
 * W-TinyLFU. Lists below `residentLists` hold the cache's keys; any above are ghosts.
 */
export abstract class ListPolicy extends BoundedPolicy {
  protected readonly lists: KeyLists;

  constructor(context: PolicyContext, listCount: number, residentLists = listCount) {
    super(context);
    this.lists = new KeyLists(listCount, this.unit === 'entries', residentLists);
  }

  get count(): number {
    return this.lists.heldCount();
  }

  get used(): number {
    return this.lists.heldTotal();
  }

  protected forget(key: number): void {
    this.lists.unlink(key);
  }

  /** Next victim first: what evicting everything from a copy of the lists would take, in turn. */
  order(): number[] {
    const copy = dryRunClone(this);
    const keys: number[] = [];
    while (copy.count > 0) keys.push(copy.evictOne());
    return keys;
  }
}
