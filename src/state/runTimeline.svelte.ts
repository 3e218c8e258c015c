import type { TimedCommand } from '../engine/scenario/commandSchema';

/**
 * The commands a change after seeking back set aside: the run forked at `atMs`, keeping its first
 * `prefixCount` commands, and `commands` came after them in the run before the fork.
 */
export interface Branch {
  atMs: number;
  prefixCount: number;
  commands: TimedCommand[];
}

/**
 * What the timeline remembers beside the run itself (a run is a scenario, a command log and a
 * moment): the bookmarks a person set and the branch a fork set aside. Held here, never in the
 * worker, so that restoring a branch is only loading a run and seeking.
 */
export class RunTimeline {
  /** Bookmarked moments, simulated ms, in time order. */
  bookmarks = $state.raw<number[]>([]);
  branch = $state.raw<Branch | null>(null);

  /** Adds a bookmark at atMs (once: a second press at the same moment changes nothing). */
  bookmark(atMs: number): void {
    if (this.bookmarks.includes(atMs)) return;
    this.bookmarks = [...this.bookmarks, atMs].sort((a, b) => a - b);
  }

  /** A new run: nothing of the old one's moments applies to it. */
  forget(): void {
    this.bookmarks = [];
    this.branch = null;
  }
}

/**
 * The commands of a log stamped after `atMs`: what a change at atMs would set aside. Commands at
 * atMs itself have applied (the engine runs them once the moment's events have run).
 */
export function commandsAfter(commands: readonly TimedCommand[], atMs: number): TimedCommand[] {
  return commands.filter((c) => c.atMs > atMs);
}
