import type { Command } from '../../engine/scenario/commandSchema';

/**
 * The commands of the fault and purge buttons, shared with their keyboard shortcuts so that a key
 * and its button send the same commands. Nodes count from 0 here, as commands do; people see them
 * numbered from 1.
 */
export const failNode = (node: number): Command => ({ type: 'node.fail', node });
export const recoverNode = (node: number): Command => ({ type: 'node.recover', node });
export const failDatabase = (): Command => ({ type: 'database.fail' });
/** A recovered database is also no longer slow: recovering undoes "Slow database" too. */
export const recoverDatabase = (): Command[] => [
  { type: 'database.slow', factor: 1 },
  { type: 'database.recover' },
];
export const trafficSpike = (multiplier: number, seconds: number): Command => ({
  type: 'traffic.spike',
  multiplier,
  durationMs: seconds * 1000,
});
export const purgeEverything = (): Command => ({ type: 'purge', tier: 'all', match: { kind: 'all' } });
