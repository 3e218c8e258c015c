import type { TierName } from './scenario/commandSchema';

/** Why a tier did not have a key. Showing the cause is what makes the simulator teach. */
export type MissCause = 'cold' | 'capacity' | 'expired' | 'invalidated';
export const missCauses: readonly MissCause[] = ['cold', 'capacity', 'expired', 'invalidated'];

/**
 * A place in the topology, as the topology view names it: `client:3`, `cdn`, `lb`, `app:1`,
 * `cache:2`, `db`, `replica:0`. An app server's local cache is `app:1` too (it lives in the process).
 */
export type NodeId = string;

/** Where a request was answered: a tier, the database, or nowhere (it failed). */
export type ServedBy = TierName | 'database' | 'replica' | 'session-store' | 'failed';

interface Base {
  /** Simulated time, milliseconds. */
  t: number;
}

interface RequestRef extends Base {
  /** Request id, unique within a run (background refreshes and flushes get ids too). */
  req: number;
}

/**
 * Everything that happens in a run, as one typed union. Views, the event log and the CSV read the
 * same events. Names are dotted and lower-case.
 */
export type SimEvent =
  | (RequestRef & { type: 'request.issued'; client: number; op: 'read' | 'write'; key: string })
  /** A message on an edge: sent at t, arrives at arriveMs. Dots animate along these. */
  | (RequestRef & { type: 'hop'; from: NodeId; to: NodeId; arriveMs: number })
  | (RequestRef & { type: 'cache.hit'; tier: TierName; node: NodeId; key: string; version: number; stale: boolean })
  | (RequestRef & { type: 'cache.miss'; tier: TierName; node: NodeId; key: string; cause: MissCause })
  | (RequestRef & { type: 'cache.fill'; tier: TierName; node: NodeId; key: string; version: number })
  | (Base & { type: 'cache.eviction'; tier: TierName; node: NodeId; key: string })
  | (Base & { type: 'cache.expiry'; tier: TierName; node: NodeId; key: string })
  | (Base & {
      type: 'cache.invalidation';
      tier: TierName;
      node: NodeId;
      key: string;
      reason: 'write' | 'purge' | 'bus' | 'node.down';
    })
  /** An invalidation message published on the bus; lost messages never arrive. */
  | (Base & { type: 'bus.message'; key: string; to: NodeId; arriveMs: number; lost: boolean })
  | (RequestRef & { type: 'database.read'; node: NodeId; key: string; version: number; queued: number })
  | (RequestRef & { type: 'database.write'; node: NodeId; key: string; version: number })
  | (RequestRef & { type: 'write.ack'; client: number; key: string; version: number })
  | (RequestRef & {
      type: 'read.stale';
      client: number;
      key: string;
      version: number;
      truthVersion: number;
      stalenessMs: number;
    })
  /** A per-user key answered with another user's copy. */
  | (RequestRef & { type: 'leak'; client: number; key: string; owner: number })
  | (RequestRef & {
      type: 'request.done';
      client: number;
      op: 'read' | 'write';
      key: string;
      latencyMs: number;
      servedBy: ServedBy;
    })
  | (Base & { type: 'writeback.flush'; key: string; version: number; node: NodeId })
  /** Acknowledged writes that a crash destroyed before they reached the database. */
  | (Base & { type: 'write.lost'; key: string; version: number; node: NodeId })
  | (Base & { type: 'session.lost'; client: number; node: NodeId })
  | (Base & { type: 'node.down'; node: NodeId })
  | (Base & { type: 'node.up'; node: NodeId })
  | (Base & { type: 'node.state'; node: NodeId; state: string })
  | (Base & { type: 'command'; summary: string });

export type SimEventType = SimEvent['type'];
export type EventOf<K extends SimEventType> = Extract<SimEvent, { type: K }>;
