import { assign, setup } from 'xstate';

/** The lifecycle states of the database primary. */
export type DatabaseState = 'healthy' | 'overloaded' | 'down';

export type DatabaseEvent =
  /** The engine reports the queue whenever it changes enough to matter (or on every change). */
  { type: 'db.load'; queueLength: number } | { type: 'db.fail' } | { type: 'db.recover' };

export interface DatabaseInput {
  /** Queue length at which the database counts as overloaded (the scenario's overloadQueue). */
  overloadQueue: number;
  /**
   * Queue length below which an overloaded database is healthy again; defaults to overloadQueue.
   * A lower value adds hysteresis, so a queue hovering at the threshold does not flap.
   */
  recoverQueue?: number;
}

export interface DatabaseContext {
  overloadQueue: number;
  recoverQueue: number;
  /** The last queue length reported. */
  queueLength: number;
  failures: number;
}

/**
 * The database primary: `healthy`, `overloaded` while its queue is at or above the threshold, and
 * `down` after a failure until it recovers (it comes back healthy with an empty queue).
 */
export const databaseMachine = setup({
  types: {
    context: {} as DatabaseContext,
    events: {} as DatabaseEvent,
    input: {} as DatabaseInput,
  },
  actions: {
    recordLoad: assign({
      queueLength: ({ event }) => (event.type === 'db.load' ? event.queueLength : 0),
    }),
    countFailure: assign({ failures: ({ context }) => context.failures + 1, queueLength: 0 }),
    clearQueue: assign({ queueLength: 0 }),
  },
  guards: {
    atOverload: ({ context, event }) =>
      event.type === 'db.load' && event.queueLength >= context.overloadQueue,
    belowRecovery: ({ context, event }) =>
      event.type === 'db.load' && event.queueLength < context.recoverQueue,
  },
}).createMachine({
  id: 'database',
  initial: 'healthy',
  context: ({ input }) => ({
    overloadQueue: input.overloadQueue,
    recoverQueue: Math.min(input.recoverQueue ?? input.overloadQueue, input.overloadQueue),
    queueLength: 0,
    failures: 0,
  }),
  states: {
    healthy: {
      on: {
        'db.load': [
          { guard: 'atOverload', target: 'overloaded', actions: 'recordLoad' },
          { actions: 'recordLoad' },
        ],
        'db.fail': { target: 'down', actions: 'countFailure' },
      },
    },
    overloaded: {
      on: {
        'db.load': [
          { guard: 'belowRecovery', target: 'healthy', actions: 'recordLoad' },
          { actions: 'recordLoad' },
        ],
        'db.fail': { target: 'down', actions: 'countFailure' },
      },
    },
    down: {
      on: { 'db.recover': { target: 'healthy', actions: 'clearQueue' } },
    },
  },
});
