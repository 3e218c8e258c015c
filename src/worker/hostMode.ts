import type { TimedCommand } from '../engine/scenario/commandSchema';
import type { PlaybackState } from '../machines/playback';

/**
 * What a host (the single run's, a comparison's) is doing: playback's states (machines/playback.ts)
 * as the worker lives them; the end of a run is `paused` with the engine finished, and `fastForward`
 * and `seeking` are its ways of playing without a speed (see the 'run.end' and 'seek' messages).
 */
export type HostMode = Exclude<PlaybackState, 'finished'> | 'fastForward' | 'seeking';

/** True while the worker should keep calling the host's tick. */
export function isRunning(mode: HostMode): boolean {
  return mode === 'playing' || mode === 'fastForward' || mode === 'seeking';
}

/**
 * A run's whole command log: those its engine was created with (an import, a link, a lesson's
 * earlier steps) and those applied since, in time order as the engine runs them (at equal times,
 * the former first: the sort is stable).
 */
export function wholeCommandLog(
  startCommands: readonly TimedCommand[],
  applied: readonly TimedCommand[] = [],
): TimedCommand[] {
  const log = [...startCommands, ...applied];
  return log.sort((a, b) => a.atMs - b.atMs);
}
