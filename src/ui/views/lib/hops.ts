import type { NodeId, SimEvent } from '../../../engine/events';

/** Something travelling an edge now: a request's hop, or an invalidation message on the bus. */
export interface HopInFlight {
  /** Request id; bus messages carry -1. */
  req: number;
  from: NodeId;
  to: NodeId;
  /** Sent, simulated milliseconds. */
  t: number;
  arriveMs: number;
  /** The request's operation, or 'bus' for an invalidation message. */
  op: 'read' | 'write' | 'bus';
  /** A bus message the bus will drop: drawn hollow, it never arrives. */
  lost?: boolean;
}

/** Where bus messages start: the bus node of the snapshot. */
export const busNode: NodeId = 'bus';

/**
 * The hops and bus messages in flight at nowMs (sent at or before it, arriving after it), from the
 * events the UI keeps. A hop's operation comes from its request's 'request.issued' event when that is
 * among the events; a request whose issue was not kept counts as a read.
 *
 * @example hopsInFlight(recentEvents, displayNowMs) // feed to TopologyView's `hops`
 */
export function hopsInFlight(events: readonly SimEvent[], nowMs: number): HopInFlight[] {
  const writes = new Set<number>();
  for (const e of events) if (e.type === 'request.issued' && e.op === 'write') writes.add(e.req);
  const out: HopInFlight[] = [];
  for (const e of events) {
    if (e.type === 'hop') {
      if (e.t <= nowMs && nowMs < e.arriveMs) {
        const op = writes.has(e.req) ? 'write' : 'read';
        out.push({ req: e.req, from: e.from, to: e.to, t: e.t, arriveMs: e.arriveMs, op });
      }
    } else if (e.type === 'bus.message' && e.t <= nowMs && nowMs < e.arriveMs) {
      out.push({ req: -1, from: busNode, to: e.to, t: e.t, arriveMs: e.arriveMs, op: 'bus', lost: e.lost });
    }
  }
  return out;
}

/**
 * How far along its edge a hop is at nowMs, from 0 (just sent) to 1 (arrived), as RaftScope draws
 * messages: a pure function of time, so pause, speed and step need no special cases.
 */
export function hopProgress(hop: Pick<HopInFlight, 't' | 'arriveMs'>, nowMs: number): number {
  const span = hop.arriveMs - hop.t;
  if (!(span > 0)) return nowMs >= hop.t ? 1 : 0;
  return Math.min(1, Math.max(0, (nowMs - hop.t) / span));
}
