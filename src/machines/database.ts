import { setup } from 'xstate';

/** The lifecycle states of the database primary. */
export type DatabaseState = 'healthy' | 'overloaded' | 'down';

export type DatabaseEvent =
  /** The queue reached the overload threshold (the engine's database decides, from the live settings). */
  | { type: 'db.overload' }
  /** The queue fell below the threshold again. */
  | { type: 'db.drain' }
  | { type: 'db.fail' }
  | { type: 'db.recover' };

/**
 * The database primary: `healthy`, `overloaded` while its queue is at or above the threshold, and
 * `down` after a failure until it recovers (it comes back healthy with an empty queue). The threshold
 * is a setting a run may change, so the engine compares the queue with it once and tells the machine.
 */
export const databaseMachine = setup({
  types: {
    events: {} as DatabaseEvent,
  },
}).createMachine({
  id: 'database',
  initial: 'healthy',
  states: {
    healthy: {
      on: {
        'db.overload': { target: 'overloaded' },
        'db.fail': { target: 'down' },
      },
    },
    overloaded: {
      on: {
        'db.drain': { target: 'healthy' },
        'db.fail': { target: 'down' },
      },
    },
    down: {
      on: { 'db.recover': { target: 'healthy' } },
    },
  },
});
