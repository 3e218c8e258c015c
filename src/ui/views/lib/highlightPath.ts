import type { SimEvent } from '../../../engine/events';
import type { HopInFlight } from './hops';

/** One step of a request's journey, in the order it was sent. */
export interface PathStep {
  from: string;
  to: string;
  t: number;
}

/**
 * The hops one request made, from the hop events the view was given and those still in flight, in
 * time order and each once: the path the topology draws when a person selects the request.
 */
export function highlightPath(
  req: number | null,
  recent: readonly SimEvent[],
  hops: readonly HopInFlight[],
): PathStep[] {
  if (req === null) return [];
  const steps = new Map<string, PathStep>();
  const add = (from: string, to: string, t: number) => steps.set(`${from}>${to}@${t}`, { from, to, t });
  for (const e of recent) if (e.type === 'hop' && e.req === req) add(e.from, e.to, e.t);
  for (const h of hops) if (h.req === req) add(h.from, h.to, h.t);
  return [...steps.values()].sort((a, b) => a.t - b.t);
}
