/**
 * The event scheduler: a calendar queue (R. Brown, CACM 1988) ordered exactly by (time, sequence).
 * The sequence number is the order of scheduling, so events at the same simulated time run
 * first-scheduled first, on every run.
 *
 * Time is cut into buckets of `width` ms, and bucket b lives in slot b mod slotCount as a list sorted
 * by time; equal times keep their scheduling order because a new event goes after every event not
 * later than it. Taking the next event reads the head of the current bucket's slot, and scheduling
 * one walks a list of a few events, so both cost about the same however many events are pending,
 * where a heap of the model's ~1,200 pending events walked and compared five levels each time (a
 * quarter of the full model's time, measured). The width follows the spacing of the events and the
 * slot count follows their number, so a sparse classroom run and a dense benchmark both stay fast.
 *
 * Events live in parallel typed arrays (a pool of nodes linked by index), so nothing is allocated
 * per event once the pool has grown.
 *
 * One item may wait beside the queue instead of in it (scheduleAside): the workload's next arrival,
 * which is taken and replaced once per request. It keeps its place in the same (time, sequence)
 * order; it just skips the bucket lists.
 *
 * Items scheduled last (scheduleLast: the run's commands) run after every event at their time,
 * including events scheduled at that time later on, so the whole order is one key: (time, events
 * before the last, sequence). They wait in a lane of their own, so the bucket width stays fitted to
 * the events, and taking one does not move `now`.
 */
export class Scheduler<T> {
  private times = new Float64Array(256);
  private seqs = new Float64Array(256);
  private next = new Int32Array(256);
  private items: (T | undefined)[] = new Array(256);
  /** Free nodes, linked through `next`. */
  private free = -1;
  /** Nodes ever used (the pool's high-water mark). */
  private used = 0;
  private heads = new Int32Array(minSlots).fill(-1);
  private tails = new Int32Array(minSlots).fill(-1);
  private mask = minSlots - 1;
  /** Buckets per millisecond (1 / the bucket width). */
  private perMs = 1;
  /** The bucket the search for the next event starts from; no pending event is in an earlier one. */
  private bucket = 0;
  /** The next event's node as peekTime found it, or -1 once anything has changed since. */
  private found = -1;
  private count = 0;
  private nextSeq = 0;
  /** Work since the last check of the width: buckets stepped over and list nodes walked. */
  private work = 0;
  private operations = 0;
  /** The item kept aside (see scheduleAside), its time (Infinity for none) and its sequence number. */
  private asideItem: T | undefined = undefined;
  private asideTime = Infinity;
  private asideSeq = 0;
  /** Items scheduled last, in the order they run, the next one at `lastNext` (its time `lastTime`). */
  private lastItems: T[] = [];
  private lastTimes: number[] = [];
  private lastNext = 0;
  private lastTime = Infinity;
  /** Simulated time of the last event taken, in milliseconds. */
  now = 0;

  get size(): number {
    const queued = this.asideTime === Infinity ? this.count : this.count + 1;
    return queued + this.lastItems.length - this.lastNext;
  }

  /**
   * Schedules an item to run after every event at its time, whenever those are scheduled (and after
   * the items scheduled last before it at that time).
   *
   * @throws RangeError when the time is not a finite number.
   */
  scheduleLast(timeMs: number, item: T): void {
    if (!Number.isFinite(timeMs)) throw new RangeError(`Scheduler: cannot schedule at time ${timeMs}`);
    const times = this.lastTimes;
    let at = times.length;
    while (at > this.lastNext && times[at - 1] > timeMs) at--;
    times.splice(at, 0, timeMs);
    this.lastItems.splice(at, 0, item);
    this.lastTime = times[this.lastNext];
  }

  /**
   * Schedules an item aside, replacing the one kept aside before (which then never runs). It runs in
   * its place among the others: by time, then by when it was scheduled.
   *
   * @throws RangeError when the time is not a finite number.
   */
  scheduleAside(timeMs: number, item: T): void {
    if (!Number.isFinite(timeMs)) throw new RangeError(`Scheduler: cannot schedule at time ${timeMs}`);
    this.asideTime = timeMs < this.now ? this.now : timeMs;
    this.asideSeq = this.nextSeq++;
    this.asideItem = item;
  }

  /** Time of the item kept aside, Infinity when there is none. */
  get asideTimeMs(): number {
    return this.asideTime;
  }

  /** Drops the item kept aside, if any: it will not run. */
  cancelAside(): void {
    this.asideTime = Infinity;
    this.asideItem = undefined;
  }

  /** Whether the item aside comes before the queue's next node (count > 0). */
  private asideFirst(node: number): boolean {
    const time = this.times[node];
    return this.asideTime < time || (this.asideTime === time && this.asideSeq < this.seqs[node]);
  }

  /**
   * Schedules an item at an absolute simulated time (never before now).
   *
   * @throws RangeError when the time is not a finite number: such an event could never run.
   */
  schedule(timeMs: number, item: T): void {
    if (!Number.isFinite(timeMs)) throw new RangeError(`Scheduler: cannot schedule at time ${timeMs}`);
    const time = timeMs < this.now ? this.now : timeMs;
    let node = this.free;
    if (node >= 0) this.free = this.next[node];
    else {
      if (this.used === this.times.length) this.growPool();
      node = this.used++;
    }
    this.found = -1;
    this.times[node] = time;
    this.seqs[node] = this.nextSeq++;
    this.items[node] = item;
    this.link(node, time);
    if (++this.count > 2 * (this.mask + 1)) this.rebuild(2 * (this.mask + 1));
    else if (++this.operations === checkEvery) this.checkWidth();
  }

  /** Time of the next item, or Infinity when there is none. */
  peekTime(): number {
    const time = this.peekEventTime();
    return this.lastTime < time ? this.lastTime : time;
  }

  /**
   * Whether the next item is due at or before a time: peekTime() <= timeMs. The run asks this, not
   * peekTime, at every event and step: a boolean crosses a call without the heap box a fractional
   * time needs.
   */
  hasDueBy(timeMs: number): boolean {
    if (this.lastTime <= timeMs) return true;
    if (this.asideTime <= timeMs) return true;
    if (this.count === 0) return false;
    if (this.found < 0) this.found = this.findNext();
    return this.times[this.found] <= timeMs;
  }

  /** Time of the next event (an item not scheduled last), or Infinity when there is none. */
  private peekEventTime(): number {
    if (this.count === 0) return this.asideTime;
    if (this.found < 0) this.found = this.findNext();
    const time = this.times[this.found];
    return this.asideTime < time ? this.asideTime : time;
  }

  /** Takes the next item; an event advances `now` to its time. */
  pop(): T | undefined {
    if (this.lastTime !== Infinity && this.lastTime < this.peekEventTime()) return this.popLast();
    if (this.count === 0) return this.popAside();
    const node = this.found >= 0 ? this.found : this.findNext();
    if (this.asideTime !== Infinity && this.asideFirst(node)) {
      this.found = node;
      return this.popAside();
    }
    this.found = -1;
    const slot = this.bucket & this.mask;
    const after = this.next[node];
    this.heads[slot] = after;
    if (after < 0) this.tails[slot] = -1;
    this.now = this.times[node];
    const item = this.items[node];
    this.items[node] = undefined;
    this.next[node] = this.free;
    this.free = node;
    const slots = this.mask + 1;
    if (--this.count < slots >> 2 && slots > minSlots) this.rebuild(slots >> 1);
    else if (++this.operations === checkEvery) this.checkWidth();
    return item;
  }

  private popLast(): T {
    const item = this.lastItems[this.lastNext];
    this.lastNext++;
    this.lastTime = this.lastNext < this.lastTimes.length ? this.lastTimes[this.lastNext] : Infinity;
    return item;
  }

  private popAside(): T | undefined {
    if (this.asideTime === Infinity) return undefined;
    const item = this.asideItem;
    this.now = this.asideTime;
    this.asideTime = Infinity;
    this.asideItem = undefined;
    return item;
  }

  /** Puts a node into its bucket's slot, after every node not later than it. */
  private link(node: number, time: number): void {
    const bucket = Math.floor(time * this.perMs);
    if (bucket < this.bucket) this.bucket = bucket;
    const slot = bucket & this.mask;
    const times = this.times;
    const next = this.next;
    const tail = this.tails[slot];
    if (tail < 0) {
      next[node] = -1;
      this.heads[slot] = node;
      this.tails[slot] = node;
      return;
    }
    if (times[tail] <= time) {
      // The common case: the latest in its slot.
      next[node] = -1;
      next[tail] = node;
      this.tails[slot] = node;
      return;
    }
    let before = -1;
    let at = this.heads[slot];
    while (times[at] <= time) {
      before = at;
      at = next[at];
      this.work++;
    }
    next[node] = at;
    if (before < 0) this.heads[slot] = node;
    else next[before] = node;
  }

  /**
   * The node of the next event (count > 0): the head of the current bucket's slot, once the search
   * has stepped over the empty buckets. After a whole lap of the slots with nothing due (the events
   * are far apart), it jumps straight to the earliest head.
   */
  private findNext(): number {
    const heads = this.heads;
    const times = this.times;
    const mask = this.mask;
    const perMs = this.perMs;
    let bucket = this.bucket;
    for (let lap = 0; lap <= mask; lap++) {
      const head = heads[bucket & mask];
      if (head >= 0 && Math.floor(times[head] * perMs) <= bucket) {
        this.work += lap;
        this.bucket = bucket;
        return head;
      }
      bucket++;
    }
    this.work += mask + 1;
    let best = -1;
    for (let slot = 0; slot <= mask; slot++) {
      const head = heads[slot];
      if (
        head >= 0 &&
        (best < 0 ||
          times[head] < times[best] ||
          (times[head] === times[best] && this.seqs[head] < this.seqs[best]))
      )
        best = head;
    }
    this.bucket = Math.floor(times[best] * perMs);
    return best;
  }

  /** Every so often: when finding and placing events has stepped over too much, fit the width again. */
  private checkWidth(): void {
    const perOperation = this.work / this.operations;
    this.work = 0;
    this.operations = 0;
    if (perOperation > maxWorkPerOperation) this.rebuild(this.mask + 1);
  }

  /**
   * Re-files every pending event into `slots` slots, with a width fitted to the spacing of the
   * earliest ones (Brown's rule: three times their mean gap, leaving out gaps over twice the mean),
   * so that a bucket holds a few events and the next event is a few buckets on.
   */
  private rebuild(slots: number): void {
    this.found = -1;
    const nodes: number[] = [];
    for (let slot = 0; slot <= this.mask; slot++)
      for (let n = this.heads[slot]; n >= 0; n = this.next[n]) nodes.push(n);
    const times = this.times;
    const seqs = this.seqs;
    nodes.sort((a, b) => times[a] - times[b] || seqs[a] - seqs[b]);
    const width = fitWidth(nodes, times, slots);
    if (width > 0) this.perMs = 1 / width;
    this.heads = new Int32Array(slots).fill(-1);
    this.tails = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    this.bucket = Math.floor((nodes.length > 0 ? times[nodes[0]] : this.now) * this.perMs);
    for (const node of nodes) this.link(node, times[node]);
    this.work = 0;
    this.operations = 0;
  }

  private growPool(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    const next = new Int32Array(size);
    next.set(this.next);
    this.times = times;
    this.seqs = seqs;
    this.next = next;
    this.items.length = size;
  }
}

/** The fewest slots; the queue doubles them when it holds more than two events a slot. */
const minSlots = 16;
/** Operations between checks of the width. */
const checkEvery = 4096;
/** Buckets stepped over plus list nodes walked, per operation, above which the width is fitted again. */
const maxWorkPerOperation = 8;
/** Gaps sampled from the front of the queue to fit the width. */
const widthSample = 32;

/**
 * Brown's bucket width for events in time order, but never so narrow that a lap of the slots covers
 * less than half the pending events' span (a dense front would otherwise make every later event
 * many laps away). 0 when the events give no spacing (all at one time).
 */
function fitWidth(nodes: readonly number[], times: Float64Array, slots: number): number {
  const n = Math.min(nodes.length, widthSample + 1);
  if (n < 2) return 0;
  const span = times[nodes[nodes.length - 1]] - times[nodes[0]];
  const mean = (times[nodes[n - 1]] - times[nodes[0]]) / (n - 1);
  let sum = 0;
  let gaps = 0;
  for (let i = 1; i < n; i++) {
    const gap = times[nodes[i]] - times[nodes[i - 1]];
    if (gap <= 2 * mean) {
      sum += gap;
      gaps++;
    }
  }
  const width = 3 * (gaps > 0 ? sum / gaps : mean);
  return Math.max(width, span / (2 * slots));
}
