import type { SimEvent } from '../engine/events';

/**
 * Keeps at most `max` events. When there are more, keeps every event that is not part of a request
 * (evictions, expiries, node changes) and the events of every k-th request, so that each kept
 * request's path stays whole for the animation.
 */
export function sampleEvents(events: SimEvent[], max: number): SimEvent[] {
  if (events.length <= max) return events;
  let requestEvents = 0;
  for (const event of events) if ('req' in event) requestEvents++;
  const otherEvents = events.length - requestEvents;
  const otherBudget = Math.max(Math.floor(max / 4), max - requestEvents);
  const room = Math.max(1, max - Math.min(otherEvents, otherBudget));
  const every = Math.max(1, Math.ceil(requestEvents / room));
  const kept: SimEvent[] = [];
  let others = 0;
  for (const event of events) {
    if ('req' in event) {
      if (event.req % every === 0) kept.push(event);
    } else if (others < otherBudget) {
      others++;
      kept.push(event);
    }
  }
  return kept.length <= max ? kept : kept.slice(kept.length - max);
}
