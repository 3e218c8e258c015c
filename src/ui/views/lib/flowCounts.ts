import type { HopInFlight } from './hops';
import { glyphIdFor, type TopologyLayout } from './topologyLayout';

/** Hops in flight on one edge of the layout, both directions together. */
export interface EdgeFlow {
  from: string;
  to: string;
  count: number;
}

/**
 * Counts the hops in flight per drawn edge (a pair of glyphs, either direction), for the view that
 * replaces moving dots with edge thickness and numbers: under reduced motion, or when too many move.
 */
export function flowCounts(layout: TopologyLayout, hops: readonly HopInFlight[]): EdgeFlow[] {
  const flows = new Map<string, EdgeFlow>();
  for (const hop of hops) {
    const a = glyphIdFor(layout, hop.from);
    const b = glyphIdFor(layout, hop.to);
    if (a === undefined || b === undefined || a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = `${from}>${to}`;
    const flow = flows.get(key);
    if (flow) flow.count++;
    else flows.set(key, { from, to, count: 1 });
  }
  return [...flows.values()];
}
