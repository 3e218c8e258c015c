import type { Command } from '../../engine/scenario/commandSchema';
import type { Snapshot } from '../../engine/snapshot';
import type { AppState } from '../../state/appState.svelte';
import type { ComparisonState } from '../../state/comparison.svelte';

/** The keys that move through a run's timeline: the single run has them, a comparison has none. */
export interface TimelineKeys {
  stepEvent(): void;
  stepRequest(): void;
  stepBack(unit: 'event' | 'request'): void;
  /** Seeks by deltaMs from the moment the timeline shows, kept within the run. */
  seekBy(deltaMs: number): void;
  bookmark(): void;
  /** Whether a change set a branch aside that Restore can bring back. */
  hasBranch(): boolean;
  restoreBranch(): void;
}

/** The playback and the commands of a run, as its buttons use them. */
export interface RunControls {
  toggle(): void;
  readonly speed: number;
  setSpeed(speed: number): void;
  apply(command: Command): void;
}

/**
 * What the shortcut table plays and faults: the single run, or every variant of a comparison at
 * once. One table serves both; the keys a run cannot take (a comparison's timeline) are left out.
 */
export interface ShortcutRun {
  /** Play or pause, the speed, a command: AppState and ComparisonState are both such controls. */
  controls: RunControls;
  /** The cache nodes a digit reaches: in a comparison, those of the variant with the most. */
  nodeCount(): number;
  /** Whether the component (`cache:0`, `db`) is shown down. */
  isDown(id: string): boolean;
  timeline: TimelineKeys | null;
}

const shownDown = (snapshot: Snapshot | null, id: string) =>
  snapshot?.nodes.find((n) => n.id === id)?.state === 'down';

const cacheNodes = (distributed: { enabled: boolean; nodes: number } | undefined) =>
  distributed?.enabled ? distributed.nodes : 0;

/** The single run as the table drives it: its playback, its faults, its timeline. */
export function singleRun(app: AppState): ShortcutRun {
  return {
    controls: app,
    nodeCount: () => cacheNodes(app.settings?.topology.distributed),
    isDown: (id) => shownDown(app.sim.snapshot, id),
    timeline: {
      stepEvent: app.stepEvent,
      stepRequest: app.stepRequest,
      stepBack: app.stepBack,
      seekBy: (deltaMs) => app.travel(Math.min(app.sim.durationMs, Math.max(0, app.momentMs + deltaMs))),
      bookmark: () => app.timeline.bookmark(app.sim.nowMs),
      hasBranch: () => app.timeline.branch !== null,
      restoreBranch: app.restoreBranch,
    },
  };
}

/**
 * A comparison as the table drives it: one playback and every command to every variant, as its
 * buttons do. A node is shown down as the first variant that has it shows it.
 */
export function comparisonRun(comparison: ComparisonState): ShortcutRun {
  const nodesOf = (i: number) => cacheNodes(comparison.variants[i]?.scenario.topology.distributed);
  return {
    controls: comparison,
    nodeCount: () => Math.max(0, ...comparison.variants.map((_, i) => nodesOf(i))),
    isDown: (id) => {
      const node = /^cache:(\d+)$/.exec(id);
      const shown = node ? comparison.sims.findIndex((_, i) => Number(node[1]) < nodesOf(i)) : 0;
      return shownDown(comparison.sims[shown]?.snapshot ?? null, id);
    },
    timeline: null,
  };
}
