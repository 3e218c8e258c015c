import type { NodeId, SimEvent } from '../../../engine/events';
import type { OutcomeKind } from './palette';

export interface Outcome {
  kind: OutcomeKind;
  /** Where it happens: a stale read or a leak is flagged at the client who got it. */
  node: NodeId;
}

export const clientNode = (client: number): NodeId => `client:${client}`;

/**
 * The outcome an event shows at a node, or null for events that are not outcomes (a hop, a request
 * issued or done, a state change the snapshot already shows).
 */
export function outcomeOf(event: SimEvent): Outcome | null {
  switch (event.type) {
    case 'cache.hit':
      return { kind: 'hit', node: event.node };
    case 'cache.miss':
      return { kind: `miss.${event.cause}`, node: event.node };
    case 'cache.fill':
      return { kind: 'fill', node: event.node };
    case 'cache.eviction':
      return { kind: 'eviction', node: event.node };
    case 'cache.expiry':
      return { kind: 'expiry', node: event.node };
    case 'cache.invalidation':
      return { kind: 'invalidation', node: event.node };
    case 'bus.message':
      return { kind: 'bus', node: event.to };
    case 'read.stale':
      return { kind: 'stale', node: clientNode(event.client) };
    case 'leak':
      return { kind: 'leak', node: clientNode(event.client) };
    case 'database.write':
      return { kind: 'write', node: event.node };
    case 'writeback.flush':
      return { kind: 'flush', node: event.node };
    case 'write.lost':
      return { kind: 'lost', node: event.node };
    case 'session.lost':
      return { kind: 'logout', node: clientNode(event.client) };
    case 'node.down':
      return { kind: 'down', node: event.node };
    case 'node.up':
      return { kind: 'up', node: event.node };
    default:
      return null;
  }
}
