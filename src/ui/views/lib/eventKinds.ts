import type { SimEventType } from '../../../engine/events';

/** Every event type with the words the event log's kind filter shows for it, in journey order. */
export const eventKinds: readonly { type: SimEventType; label: string }[] = [
  { type: 'request.issued', label: 'request issued' },
  { type: 'hop', label: 'hop' },
  { type: 'cache.hit', label: 'hit' },
  { type: 'cache.miss', label: 'miss' },
  { type: 'cache.fill', label: 'fill' },
  { type: 'cache.eviction', label: 'eviction' },
  { type: 'cache.expiry', label: 'expiry' },
  { type: 'cache.invalidation', label: 'invalidation' },
  { type: 'bus.message', label: 'bus message' },
  { type: 'database.read', label: 'database read' },
  { type: 'database.write', label: 'database write' },
  { type: 'write.ack', label: 'write acknowledged' },
  { type: 'read.stale', label: 'stale read' },
  { type: 'leak', label: 'leak' },
  { type: 'request.done', label: 'request done' },
  { type: 'writeback.flush', label: 'write-back flush' },
  { type: 'write.lost', label: 'lost write' },
  { type: 'session.lost', label: 'session lost' },
  { type: 'node.down', label: 'node down' },
  { type: 'node.up', label: 'node up' },
  { type: 'node.state', label: 'node state' },
  { type: 'command', label: 'command' },
];
