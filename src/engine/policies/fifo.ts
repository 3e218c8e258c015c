import { Lru } from './lru';
import type { PolicyName } from './names';
import type { PolicyFactory } from './policy';

/**
 * First in, first out: keys leave in the order they arrived and a hit changes nothing. The cheapest
 * policy there is (no work on a hit, which is why CDNs and flash caches like it), and the reference
 * point for what "lazy promotion" in CLOCK, SIEVE and S3-FIFO adds. It is LRU's single list without
 * the move on a hit.
 */
class Fifo extends Lru {
  override readonly name: PolicyName = 'fifo';

  override touch(_key: number): void {}
}

/** Creates a FIFO policy. */
export const createFifo: PolicyFactory = (context) => new Fifo(context);
