import type { Request } from '../request';

/**
 * A bounded number of requests at work and a first-come queue of the rest: an app server's workers,
 * the database's connections. The queue is an array read from a head index, compacted now and then,
 * so taking the next request is O(1).
 */
export class WorkQueue {
  /** Requests at work now. */
  busy = 0;
  private items: Request[] = [];
  private head = 0;

  /** Requests waiting. */
  get queued(): number {
    return this.items.length - this.head;
  }

  push(req: Request): void {
    this.items.push(req);
  }

  /** Takes the next waiting request, or undefined when none waits. */
  next(): Request | undefined {
    if (this.head >= this.items.length) return undefined;
    const next = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
    return next;
  }

  /** Empties the queue (a failure), returning what waited in order. */
  takeAll(): Request[] {
    const waiting = this.items.slice(this.head);
    this.items.length = 0;
    this.head = 0;
    return waiting;
  }
}
