import { assign, setup } from 'xstate';

/** The lifecycle states of a distributed cache node. */
export type CacheNodeState = 'up' | 'down' | 'warming';

export type CacheNodeEvent = { type: 'node.fail' } | { type: 'node.recover' } | { type: 'node.warmed' };

export interface CacheNodeContext {
  /** How many times the node has failed. */
  failures: number;
}

/**
 * A Redis/Memcached-like node: `up`, `down` after a failure (its contents are lost), then `warming`
 * once it is back but still empty, then `up` again. A warming node can fail again.
 *
 * There is no delayed transition out of `warming`: timers would run on the wall clock, so the engine
 * sends 'node.warmed' itself at the simulated time the warm-up ends.
 */
export const cacheNodeMachine = setup({
  types: {
    context: {} as CacheNodeContext,
    events: {} as CacheNodeEvent,
  },
  actions: {
    countFailure: assign({ failures: ({ context }) => context.failures + 1 }),
  },
}).createMachine({
  id: 'cacheNode',
  initial: 'up',
  context: { failures: 0 },
  states: {
    up: { on: { 'node.fail': { target: 'down', actions: 'countFailure' } } },
    down: { on: { 'node.recover': { target: 'warming' } } },
    warming: {
      on: {
        'node.warmed': { target: 'up' },
        'node.fail': { target: 'down', actions: 'countFailure' },
      },
    },
  },
});
