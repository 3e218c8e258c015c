import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyContext, PolicyFactory } from './policy';

const AIN = 0;
const AM = 1;
const AOUT = 2;

/**
 * 2Q (Johnson and Shasha, VLDB 1994), as libCacheSim's TwoQ: new keys enter Ain, a FIFO of 25% of
 * the capacity; keys pushed out of Ain leave a ghost in Aout (a FIFO remembering 50% of the capacity
 * in keys); a key requested again while its ghost is in Aout goes to Am, an LRU of the remaining 75%.
 * Hits in Ain change nothing. What it teaches: a key must prove itself twice before it may displace
 * the proven ones, so one-time keys (a scan) churn through Ain and leave Am alone.
 */
class TwoQueue extends ListPolicy {
  readonly name = '2q' as const;
  private ainCapacity = 0;
  private aoutCapacity = 0;
  private amCapacity = 0;

  constructor(context: PolicyContext) {
    super(context, 3, AOUT);
    this.resize();
  }

  protected override resize(): void {
    this.ainCapacity = Math.floor(this.capacity * 0.25);
    this.aoutCapacity = Math.floor(this.capacity * 0.5);
    this.amCapacity = this.capacity - this.ainCapacity;
  }

  has(key: number): boolean {
    const list = this.lists.listOf(key);
    return list === AIN || list === AM;
  }

  touch(key: number): void {
    if (this.lists.ownerOf(key) === AM) this.lists.moveToHead(AM, key);
  }

  protected evictOne(): number {
    const lists = this.lists;
    if (lists.total[AIN] > this.ainCapacity || lists.length[AM] === 0) {
      const key = lists.popTail(AIN);
      lists.pushBounded(AOUT, key, this.aoutCapacity);
      return key;
    }
    return lists.popTail(AM);
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    // As libCacheSim, with sizes in bytes a key must fit in Ain.
    if (this.unit === 'bytes' && cost > this.ainCapacity) return false;
    const lists = this.lists;
    lists.ensure(key);
    const ghostHit = lists.ownerOf(key) === AOUT;
    if (ghostHit) lists.unlink(key);
    while (lists.total[AIN] + lists.total[AM] + cost > this.capacity) evicted.push(this.evictOne());
    if (ghostHit) {
      lists.pushHead(AM, key, cost);
      while (lists.total[AM] > this.amCapacity) evicted.push(lists.popTail(AM));
    } else {
      lists.pushHead(AIN, key, cost);
    }
    return true;
  }

  protected override trimHistory(): void {
    this.lists.trimTo(AOUT, this.aoutCapacity);
  }
}

/** Creates a 2Q policy (libCacheSim's TwoQ: Ain 25%, Aout ghosts 50%, Am LRU). */
export const createTwoQueue: PolicyFactory = (context) => new TwoQueue(context);
