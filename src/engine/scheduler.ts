/**
 * The event scheduler: a 4-ary min-heap ordered by (time, sequence) (half the levels of a binary
 * heap, and a node's four children share a cache line). The sequence number is the
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
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
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
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) break;
      // The least of up to four children, by (time, sequence).
      let child = first;
      let ct = times[first];
      let cs = seqs[first];
      const end = first + 4 < size ? first + 4 : size;
      for (let c = first + 1; c < end; c++) {
        const t = times[c];
        if (t < ct || (t === ct && seqs[c] < cs)) {
          child = c;
          ct = t;
          cs = seqs[c];
        }
      }
      if (time < ct || (time === ct && seq < cs)) break;
      times[i] = ct;
      seqs[i] = cs;
      items[i] = items[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
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
