import type { Command } from '../../engine/scenario/commandSchema';
import { tierLabel } from '../../engine/tiers/tierRegistry';

/** Field names as a person reads them; others are shown as they are spelled. */
const fieldWords: Record<string, string> = {
  enabled: 'on',
  capacity: 'capacity',
  eviction: 'eviction',
  samples: 'eviction samples',
  replication: 'replication',
  seconds: 'TTL',
  jitter: 'TTL jitter',
  staleWhileRevalidateSeconds: 'stale-while-revalidate',
  read: 'read policy',
  write: 'write policy',
  writeBackFlushMs: 'write-back flush delay',
  stampede: 'stampede protection',
  cacheKeyIncludesUser: 'cache key includes user',
  ratePerSecond: 'request rate',
  writeRatio: 'write ratio',
  count: 'keys',
  popularity: 'popularity',
  http: 'Cache-Control',
  delayMs: 'invalidation delay',
  lossProbability: 'invalidation loss',
};

const units: Record<string, string> = {
  seconds: ' s',
  staleWhileRevalidateSeconds: ' s',
  writeBackFlushMs: ' ms',
  ratePerSecond: ' req/s',
  delayMs: ' ms',
  replication: ' copies',
};

function value(key: string, v: unknown): string {
  if (v === null) return key === 'seconds' ? 'never' : 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number')
    return `${v.toLocaleString('en-US')}${units[key] ?? (key.endsWith('Ms') ? ' ms' : '')}`;
  if (typeof v === 'string') return v;
  const popularity = v as { kind?: string; alpha?: number };
  if (popularity.kind)
    return popularity.alpha !== undefined ? `${popularity.kind} ${popularity.alpha}` : popularity.kind;
  return JSON.stringify(v);
}

/** "TTL → 5 s, TTL jitter → 0.1", each given field of a change. */
function fields(changes: object): string {
  return Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .flatMap(([key, v]) =>
      key === 'ttl' ? [fields(v as object)] : [`${fieldWords[key] ?? key} → ${value(key, v)}`],
    )
    .join(', ');
}

/**
 * A command as a person reads it, for the list of scheduled changes: "Distributed cache TTL → 5 s",
 * "cache node 2 fails", "traffic ×5 for 10 s". Nodes and servers are numbered from 1, as on screen.
 */
export function describeChange(command: Command): string {
  switch (command.type) {
    case 'tier.configure':
      if (command.changes.enabled !== undefined && Object.keys(command.changes).length === 1)
        return `${tierLabel(command.tier)} ${command.changes.enabled ? 'on' : 'off'}`;
      return `${tierLabel(command.tier)} ${fields(command.changes)}`;
    case 'policies.set':
    case 'workload.set':
    case 'latency.set':
      return fields(command.changes);
    case 'keySpace.set':
      return `key space ${command.name}: ${fields(command.changes)}`;
    case 'bus.configure':
      return `invalidation bus: ${fields(command.changes)}`;
    case 'purge': {
      const where = command.tier === 'all' ? 'every tier' : tierLabel(command.tier);
      const what =
        command.match.kind === 'all'
          ? 'everything'
          : command.match.kind === 'key'
            ? command.match.key
            : `${command.match.prefix}*`;
      return `purge ${what} from ${where}`;
    }
    case 'node.fail':
      return `cache node ${command.node + 1} fails`;
    case 'node.recover':
      return `cache node ${command.node + 1} recovers`;
    case 'server.fail':
      return `app server ${command.server + 1} fails`;
    case 'server.recover':
      return `app server ${command.server + 1} recovers`;
    case 'database.slow':
      return command.factor === 1 ? 'database back to full speed' : `database ${command.factor}× slower`;
    case 'database.fail':
      return 'database fails';
    case 'database.recover':
      return 'database recovers';
    case 'traffic.spike':
      return `traffic ×${command.multiplier} for ${command.durationMs / 1000} s`;
  }
}
