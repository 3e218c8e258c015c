import type { NodeId, SimEvent, SimEventType } from '../../../engine/events';
import type { TierName } from '../../../engine/tiers/tierNames';
import { tierOfNode as tierHeldAt } from '../../../engine/tiers/tierRegistry';

export interface EventFilter {
  /** An event type, or '' for all. */
  kind: SimEventType | '';
  /** A tier, 'database', or '' for all. */
  tier: TierName | 'database' | '';
  /** Part of the key, case-insensitive; '' for all. */
  key: string;
}

export const noFilter: EventFilter = { kind: '', tier: '', key: '' };

/** The tier a node's id stands for, for events that name a node but no tier. */
function tierOfNode(node: NodeId): TierName | 'database' | null {
  // The database node holds the buffer pool, but its own events (reads, writes, state) are the database's.
  if (node === 'db' || node.startsWith('replica:')) return 'database';
  return tierHeldAt(node);
}

/** The tier an event happened in, or null when it is not about one tier (a request issued, a command). */
export function eventTier(e: SimEvent): TierName | 'database' | null {
  if ('tier' in e) return e.tier;
  if (e.type === 'database.read' || e.type === 'database.write') return 'database';
  if (e.type === 'bus.message') return tierOfNode(e.to);
  if ('node' in e) return tierOfNode(e.node);
  return null;
}

/** The key an event is about, or null. */
export function eventKey(e: SimEvent): string | null {
  return 'key' in e ? e.key : null;
}

/** The request an event belongs to, or null (evictions, expiries, bus messages, node changes). */
export function eventReq(e: SimEvent): number | null {
  return 'req' in e ? e.req : null;
}

/** Keeps the events that match every set part of the filter, in their order. */
export function filterEvents(events: readonly SimEvent[], filter: EventFilter): SimEvent[] {
  const key = filter.key.trim().toLowerCase();
  if (!filter.kind && !filter.tier && !key) return events.slice();
  return events.filter(
    (e) =>
      (!filter.kind || e.type === filter.kind) &&
      (!filter.tier || eventTier(e) === filter.tier) &&
      (!key || (eventKey(e)?.toLowerCase().includes(key) ?? false)),
  );
}
