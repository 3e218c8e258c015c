import { grownToHold } from '../growArray';

/**
 * Ground truth: for every data key, its latest acknowledged write (version and time), and what the
 * database has committed. A read served with an older version than the truth is a stale read; its
 * staleness is how long the truth had already been newer.
 *
 * Versions are labels that only grow: 0 is the value the key starts with, in the database.
 */
/** Pairs (version, time) of a key's history that are kept: the newest. */
const historyPairs = 64;
/** The same, in numbers. */
const kept = 2 * historyPairs;

export class GroundTruth {
  /**
   * Per data key, side by side (a request reads two or three of them, and they then share a cache
   * line): at 4k the latest acknowledged version, at 4k + 1 the latest version ever assigned (a lost
   * write's version is never reused), at 4k + 2 the version the primary database has committed.
   */
  private versions = new Int32Array(4 * 1024);
  /**
   * By data key, for keys written: [version, sinceMs, version, sinceMs, ...] of the truth, oldest
   * first. Arrays indexed by key id, not Maps: a write looks its key up here on every commit.
   */
  private readonly history: (number[] | undefined)[] = [];
  /** By data key, for keys written: [version, committedAtMs, ...] of the primary, for replicas with lag. */
  private readonly commits: (number[] | undefined)[] = [];

  ensure(size: number): void {
    this.versions = grownToHold(this.versions, 4 * size - 1);
  }

  version(key: number): number {
    return this.versions[4 * key];
  }

  committedVersion(key: number): number {
    return this.versions[4 * key + 2];
  }

  /** A new version for a write about to be acknowledged. */
  nextVersion(key: number): number {
    return ++this.versions[4 * key + 1];
  }

  /** The truth moves to `version` at `nowMs` (an acknowledged write, or a revert after a loss). */
  acknowledge(key: number, version: number, nowMs: number): void {
    this.versions[4 * key] = version;
    append(this.history, key, version, nowMs, historyPairs);
  }

  /** The primary database commits `version` (never goes backwards). */
  commit(key: number, version: number, nowMs: number): void {
    if (version <= this.versions[4 * key + 2]) return;
    this.versions[4 * key + 2] = version;
    append(this.commits, key, version, nowMs, historyPairs);
  }

  /** What a replica lagging by lagMs holds at nowMs. */
  replicaVersion(key: number, nowMs: number, lagMs: number): number {
    const list = this.commits[key];
    if (list === undefined) return this.versions[4 * key + 2];
    const visibleMs = nowMs - lagMs;
    const start = keptFrom(list);
    for (let i = list.length - 2; i >= start; i -= 2) if (list[i + 1] <= visibleMs) return list[i];
    // Older than the kept history: the version before the oldest kept commit.
    return Math.max(0, list[start] - 1);
  }

  /**
   * How long the truth has been newer than `served`, at nowMs: the time since the truth last moved
   * from a version at or below `served` to one above it. 0 when `served` is current.
   */
  stalenessMs(key: number, served: number, nowMs: number): number {
    if (served >= this.versions[4 * key]) return 0;
    const list = this.history[key];
    if (list === undefined) return 0;
    const start = keptFrom(list);
    for (let i = list.length - 2; i >= start; i -= 2) {
      if (list[i] <= served) return i + 3 < list.length ? nowMs - list[i + 3] : 0;
    }
    return nowMs - list[start + 1];
  }
}

/** Where the kept part of a history starts (older pairs may linger until the next trim). */
function keptFrom(list: readonly number[]): number {
  return list.length > kept ? list.length - kept : 0;
}

function append(lists: (number[] | undefined)[], key: number, version: number, atMs: number, max: number): void {
  // Grown with push, so the array stays packed (a store far past its end would make it a dictionary).
  while (lists.length <= key) lists.push(undefined);
  let list = lists[key];
  if (list === undefined) {
    list = [];
    lists[key] = list;
  }
  list.push(version, atMs);
  // Trimmed once every `max` appends, not by a shift per append (a call into the runtime each): the
  // readers look only at the newest `max` pairs (keptFrom).
  if (list.length >= 4 * max) list.splice(0, list.length - 2 * max);
}
