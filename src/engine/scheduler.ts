/**
 * The event scheduler: a binary min-heap ordered by (time, sequence). The sequence number is the
 * order of scheduling, so events at the same simulated time run first-scheduled first, on every run.
 * Times live in a Float64Array and sequences in parallel arrays, so the heap allocates nothing per
 * event once it has grown.
 */
export class Scheduler<T> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: (T | undefined)[] = new Array(1024);
  private count = 0;
  private nextSeq = 0;
  /** Simulated time of the last event taken, in milliseconds. */
  now = 0;

  get size(): number {
    return this.count;
  }

  /** Schedules an item at an absolute simulated time (never before now). */
  schedule(timeMs: number, item: T): void {
    if (this.count === this.times.length) this.grow();
    const time = timeMs < this.now ? this.now : timeMs;
    const seq = this.nextSeq++;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent];
      if (pt < time || (pt === time && this.seqs[parent] < seq)) break;
      this.times[i] = pt;
      this.seqs[i] = this.seqs[parent];
      this.items[i] = this.items[parent];
      i = parent;
    }
    this.times[i] = time;
    this.seqs[i] = seq;
    this.items[i] = item;
  }

  /** Time of the next item, or Infinity when there is none. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Infinity;
  }

  /** Takes the next item and advances `now` to its time. */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const top = this.items[0];
    this.now = this.times[0];
    const last = --this.count;
    if (last > 0) this.siftDown(this.times[last], this.seqs[last], this.items[last] as T, last);
    this.items[last] = undefined;
    return top;
  }

  private siftDown(time: number, seq: number, item: T, size: number): void {
    let i = 0;
    const half = size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = this.times[child];
      let cs = this.seqs[child];
      const right = child + 1;
      if (right < size) {
        const rt = this.times[right];
        if (rt < ct || (rt === ct && this.seqs[right] < cs)) {
          child = right;
          ct = rt;
          cs = this.seqs[right];
        }
      }
      if (time < ct || (time === ct && seq < cs)) break;
      this.times[i] = ct;
      this.seqs[i] = cs;
      this.items[i] = this.items[child];
      i = child;
    }
    this.times[i] = time;
    this.seqs[i] = seq;
    this.items[i] = item;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const times = new Float64Array(size);
    times.set(this.times);
    const seqs = new Float64Array(size);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.items.length = size;
  }
}
