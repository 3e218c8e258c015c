import type { Command } from '../../engine/scenario/commandSchema';

/**
 * Recovering the database undoes both of its faults, a slow-down and a failure: the person pressing
 * "Recover database" wants it back as it was, whichever fault it had.
 */
export const recoverDatabase: readonly Command[] = [
  { type: 'database.slow', factor: 1 },
  { type: 'database.recover' },
];
