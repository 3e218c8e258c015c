import { setup } from 'xstate';

/** The lifecycle states of a distributed cache node. */
export type CacheNodeState = 'up' | 'down' | 'warming';

export type CacheNodeEvent = { type: 'node.fail' } | { type: 'node.recover' } | { type: 'node.warmed' };

/**
 * A Redis/Memcached-like node: `up`, `down` after a failure (its contents are lost), then `warming`
 * once it is back but still empty, then `up` again. A warming node can fail again.
 *
 * There is no delayed transition out of `warming`: timers would run on the wall clock, so the engine
 * sends 'node.warmed' itself at the simulated time the warm-up ends.
 */
export const cacheNodeMachine = setup({
  types: {
    events: {} as CacheNodeEvent,
  },
}).createMachine({
  id: 'cacheNode',
  initial: 'up',
  states: {
    up: { on: { 'node.fail': { target: 'down' } } },
    down: { on: { 'node.recover': { target: 'warming' } } },
    warming: {
      on: {
        'node.warmed': { target: 'up' },
        'node.fail': { target: 'down' },
      },
    },
  },
});
