import type { SimEvent } from '../events';
import type { EventSink } from '../model/eventSink';

/**
 * Where a run's events go: to a listener as they happen (CSV export streams through it), and into a
 * bounded ring for the UI's animation. When nobody drains the ring fast enough, the oldest events are
 * dropped and counted, so a long fast-forward never grows memory.
 */
export class EventRing implements EventSink {
  on: boolean;
  private buffer: (SimEvent | undefined)[];
  private head = 0;
  private size = 0;
  dropped = 0;
  totalDropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly record: boolean,
    private readonly listener: ((event: SimEvent) => void) | undefined,
  ) {
    this.on = record || listener !== undefined;
    this.buffer = record ? new Array(capacity) : [];
  }

  emit(event: SimEvent): void {
    if (this.listener !== undefined) this.listener(event);
    if (!this.record) return;
    if (this.size === this.capacity) {
      this.head = (this.head + 1) % this.capacity;
      this.size--;
      this.dropped++;
      this.totalDropped++;
    }
    this.buffer[(this.head + this.size) % this.capacity] = event;
    this.size++;
  }

  drain(max: number): { events: SimEvent[]; dropped: number } {
    const count = Math.min(max, this.size);
    const events: SimEvent[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const index = (this.head + i) % this.capacity;
      events[i] = this.buffer[index]!;
      this.buffer[index] = undefined;
    }
    this.head = (this.head + count) % this.capacity;
    this.size -= count;
    const dropped = this.dropped;
    this.dropped = 0;
    return { events, dropped };
  }
}
