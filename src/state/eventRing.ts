/**
 * A fixed-size buffer that keeps the newest items: the event log holds the last few hundred events
 * of a run that may have millions, at a constant cost per event.
 */
export class EventRing<T> {
  private items: T[] = [];
  private start = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** The items, oldest first. */
  toArray(): T[] {
    return this.start === 0
      ? this.items.slice()
      : this.items.slice(this.start).concat(this.items.slice(0, this.start));
  }

  clear(): void {
    this.items = [];
    this.start = 0;
  }
}
