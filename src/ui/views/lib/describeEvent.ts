import type { SimEvent } from '../../../engine/events';
import { tierLabel } from '../../../engine/tiers/tierRegistry';
import { formatDuration } from '../../../engine/format/readableNumbers';
import { missCauseLabels } from './palette';

/** One line a person can read, saying what happened, where and to which key. */
export function describeEvent(e: SimEvent): string {
  switch (e.type) {
    case 'request.issued':
      return `client ${e.client} ${e.op === 'write' ? 'writes' : 'reads'} ${e.key}`;
    case 'hop':
      return `${e.from} → ${e.to}, arrives in ${formatDuration(e.arriveMs - e.t)}`;
    case 'cache.hit':
      return `hit at ${e.node} (${tierLabel(e.tier)}): ${e.key} v${e.version}${e.stale ? ', STALE' : ''}`;
    case 'cache.miss':
      return `${missCauseLabels[e.cause]} at ${e.node} (${tierLabel(e.tier)}): ${e.key}`;
    case 'cache.fill':
      return `fill at ${e.node} (${tierLabel(e.tier)}): ${e.key} v${e.version}`;
    case 'cache.eviction':
      return `evicted ${e.key} from ${e.node} (${tierLabel(e.tier)})`;
    case 'cache.expiry':
      return `${e.key} expired at ${e.node} (${tierLabel(e.tier)})`;
    case 'cache.invalidation':
      return `invalidated ${e.key} at ${e.node} (${tierLabel(e.tier)}) by ${e.reason}`;
    case 'bus.message':
      return `bus: drop ${e.key} → ${e.to}${e.lost ? ', LOST on the way' : `, arrives in ${formatDuration(e.arriveMs - e.t)}`}`;
    case 'database.read':
      return `${e.node} reads ${e.key} v${e.version}${e.queued > 0 ? ` after ${e.queued} queued` : ''}`;
    case 'database.write':
      return `${e.node} writes ${e.key} v${e.version}`;
    case 'write.ack':
      return `client ${e.client}'s write of ${e.key} v${e.version} acknowledged`;
    case 'read.stale':
      return `STALE read by client ${e.client}: ${e.key} v${e.version}, truth v${e.truthVersion} for ${formatDuration(e.stalenessMs)}`;
    case 'leak':
      return `LEAK: client ${e.client} got client ${e.owner}'s ${e.key}`;
    case 'request.done':
      return `client ${e.client} ${e.op} ${e.key} done in ${formatDuration(e.latencyMs)}, served by ${e.servedBy}`;
    case 'writeback.flush':
      return `flush ${e.key} v${e.version} from ${e.node} to the database`;
    case 'write.lost':
      return `LOST write: ${e.key} v${e.version} died with ${e.node}`;
    case 'session.lost':
      return `client ${e.client} logged out: session lost with ${e.node}`;
    case 'node.down':
      return `${e.node} went DOWN`;
    case 'node.up':
      return `${e.node} came back UP`;
    case 'node.state':
      return `${e.node} is ${e.state}`;
    case 'command':
      return `command: ${e.summary}`;
  }
}
