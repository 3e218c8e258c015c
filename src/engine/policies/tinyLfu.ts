import { checkCapacity } from './capacity';
import { CountMinSketch } from './countMinSketch';
import { dryRunClone } from './dryRun';
import { costOf } from './keyLists';
import { ListPolicy } from './listPolicy';
import type { PolicyContext, PolicyFactory } from './policy';

const WINDOW = 0;
const PROBATION = 1;
const PROTECTED = 2;

/**
 * W-TinyLFU (Einziger, Friedman and Manes 2017; the policy of Caffeine and Ristretto). New keys enter
 * a small LRU window (1% of the capacity). A key pushed out of the window is a candidate for the main
 * cache, a segmented LRU (probation 20%, protected 80%: a hit in probation promotes to protected).
 * When the main cache is full, the candidate is compared with main's victim (probation's LRU key) on
 * their estimated recent frequency from a count-min sketch with aging; the more frequent one stays.
 * What it teaches: admission (whether to cache at all) matters as much as eviction; a burst of
 * one-time keys cannot push out keys with a history. Unlike Caffeine there is no random admission
 * of warm candidates (a defence against hash flooding) and no hill-climbing of the window size.
 */
class TinyLfu extends ListPolicy {
  readonly name = 'tinylfu' as const;
  private sketch: CountMinSketch;
  private windowCapacity = 0;
  private protectedCapacity = 0;

  constructor(context: PolicyContext) {
    super(context, 3);
    this.sketch = new CountMinSketch(this.unit === 'entries' ? this.capacity : 64);
    this.resize();
  }

  protected override resize(): void {
    const window = this.capacity * 0.01;
    this.windowCapacity = this.unit === 'entries' ? Math.max(1, Math.round(window)) : window;
    this.protectedCapacity = Math.floor((this.capacity - this.windowCapacity) * 0.8);
  }

  has(key: number): boolean {
    return this.lists.listOf(key) >= 0;
  }

  touch(key: number): void {
    this.sketch.increment(key);
    const lists = this.lists;
    const list = lists.ownerOf(key);
    if (list === PROBATION) {
      lists.moveToHead(PROTECTED, key);
      while (lists.total[PROTECTED] > this.protectedCapacity && lists.length[PROTECTED] > 1) {
        lists.moveToHead(PROBATION, lists.tail[PROTECTED]);
      }
    } else {
      lists.moveToHead(list, key);
    }
  }

  /** Evicts until the cache fits, pitting the `candidates` newest probation keys against its LRU end. */
  private evictFromMain(candidates: number, evicted: number[]): void {
    const lists = this.lists;
    let candidate = candidates > 0 ? lists.head[PROBATION] : -1;
    while (lists.total[WINDOW] + lists.total[PROBATION] + lists.total[PROTECTED] > this.capacity) {
      if (candidates === 0) {
        evicted.push(this.evictOne());
        continue;
      }
      evicted.push(this.contest(candidate));
      // Each candidate faces one comparison; the next is the one moved out of the window before it.
      candidates--;
      candidate = candidates > 0 ? lists.nextOf(candidate) : -1;
    }
  }

  /** With no candidates from the window's overflow, the window's LRU key is the candidate. */
  protected evictOne(): number {
    return this.contest(this.lists.tail[WINDOW]);
  }

  /**
   * The admission contest: `candidate` (or -1 for none) against main's victim, probation's LRU key
   * (protected's when probation is empty). The less frequent leaves; it is returned.
   */
  private contest(candidate: number): number {
    const lists = this.lists;
    let victim = lists.tail[PROBATION];
    if (victim < 0) victim = lists.tail[PROTECTED];
    let leaving: number;
    if (victim < 0) leaving = candidate;
    else if (candidate < 0 || candidate === victim) leaving = victim;
    else leaving = this.sketch.estimate(candidate) > this.sketch.estimate(victim) ? victim : candidate;
    lists.unlink(leaving);
    return leaving;
  }

  private ensureSketch(): void {
    const count = this.lists.heldCount();
    if (count > this.sketch.expectedKeys) this.sketch = new CountMinSketch(count * 2);
  }

  insert(key: number, size: number, evicted: number[]): boolean {
    const cost = costOf(this.unit, size);
    if (cost > this.capacity) return false;
    const lists = this.lists;
    lists.ensure(key);
    lists.pushHead(WINDOW, key, cost);
    let candidates = 0;
    while (lists.total[WINDOW] > this.windowCapacity && lists.length[WINDOW] > 0) {
      lists.moveToHead(PROBATION, lists.tail[WINDOW]);
      candidates++;
    }
    const before = evicted.length;
    this.evictFromMain(candidates, evicted);
    // Counted after the admission contest, so that the contest depends only on earlier requests
    // (and order() can predict it exactly).
    this.sketch.increment(key);
    this.ensureSketch();
    if (lists.ownerOf(key) < 0) {
      // Turned away at once (a window of less than its size, and a main cache that preferred its
      // victim): not admitted, so not an eviction either.
      evicted.splice(evicted.indexOf(key, before), 1);
      return false;
    }
    return true;
  }

  /** The window's and protected's overflow move to probation first; the window's then contest. */
  override setCapacity(capacity: number, evicted: number[]): void {
    this.capacity = checkCapacity(capacity);
    this.resize();
    const lists = this.lists;
    let candidates = 0;
    while (lists.total[WINDOW] > this.windowCapacity && lists.length[WINDOW] > 0) {
      lists.moveToHead(PROBATION, lists.tail[WINDOW]);
      candidates++;
    }
    while (lists.total[PROTECTED] > this.protectedCapacity && lists.length[PROTECTED] > 0) {
      lists.moveToHead(PROBATION, lists.tail[PROTECTED]);
    }
    this.evictFromMain(candidates, evicted);
  }

  /**
   * The key a new key of the smallest cost would push out first (it depends on the sketch), then the
   * rest from the window, probation and protected segments, least recently used first.
   */
  override order(): number[] {
    if (this.count === 0) return [];
    const lists = this.lists;
    const rest = [WINDOW, PROBATION, PROTECTED].flatMap((list) => lists.keysFromTail(list));
    // Dry-run inserts of keys never seen (numbered past every real key) until a real key leaves.
    const copy = dryRunClone(this);
    const evicted: number[] = [];
    const firstFresh = lists.keyRoom;
    const cost = this.unit === 'entries' ? 1 : Math.min(1, this.capacity);
    let first = -1;
    for (let fresh = firstFresh; first < 0 && fresh < firstFresh + this.count + 2; fresh++) {
      evicted.length = 0;
      copy.insert(fresh, cost, evicted);
      first = evicted.find((k) => k < firstFresh) ?? -1;
    }
    return first < 0 ? rest : [first, ...rest.filter((k) => k !== first)];
  }
}

/** Creates a W-TinyLFU policy (window LRU 1%, SLRU main 20/80, count-min sketch admission). */
export const createTinyLfu: PolicyFactory = (context) => new TinyLfu(context);
