import type { SimEvent } from '../events';

/**
 * Where the model's events go. `on` is false when nobody records or listens, and the model then
 * builds no event objects at all: the fastest headless runs pay nothing for events.
 */
export interface EventSink {
  on: boolean;
  emit(event: SimEvent): void;
}
