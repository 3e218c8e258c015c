import type { CacheEntryView, CacheView } from '../../snapshot';
import type { KeyTable } from '../keyTable';
import type { GroundTruth } from '../truth';
import type { CacheEntry } from './entryStore';

/**
 * What the inspector shows of one cache instance: its entries in eviction order, next victim
 * first, at most `maxEntries`, each with its version against the truth and its TTL left at `nowMs`.
 */
export function entryViews(
  keysNextVictimFirst: readonly number[],
  peek: (key: number) => CacheEntry | undefined,
  world: { keys: KeyTable; truth: GroundTruth },
  nowMs: number,
  maxEntries: number,
): CacheEntryView[] {
  const entries: CacheEntryView[] = [];
  for (let i = 0; i < keysNextVictimFirst.length && entries.length < maxEntries; i++) {
    const key = keysNextVictimFirst[i];
    const entry = peek(key);
    if (entry === undefined) continue;
    const truthVersion = world.truth.version(entry.dataKey);
    const owner = world.keys.ownerOf(entry.dataKey);
    entries.push({
      key: world.keys.name(key),
      version: entry.version,
      truthVersion,
      stale: entry.version < truthVersion,
      ttlLeftMs: entry.expiresAtMs === Infinity ? null : Math.max(0, entry.expiresAtMs - nowMs),
      ttlMs: entry.ttlMs === Infinity ? null : entry.ttlMs,
      sizeBytes: entry.sizeBytes,
      dirty: entry.dirtyWrites > 0,
      owner: owner >= 0 && world.keys.rangeOf(key).shared ? owner : null,
    });
  }
  return entries;
}

/** The state an instance shows: a failed node is down, a recovered one warming until it has filled. */
export function viewState(up: boolean, warming: boolean): CacheView['state'] {
  return !up ? 'down' : warming ? 'warming' : 'up';
}
