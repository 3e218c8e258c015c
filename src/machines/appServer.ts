import { assign, setup } from 'xstate';

/** The lifecycle states of an app server. */
export type AppServerState = 'up' | 'down';

export type AppServerEvent = { type: 'server.fail' } | { type: 'server.recover' };

export interface AppServerContext {
  /** How many times the server has failed. */
  failures: number;
}

/**
 * An app server behind the load balancer: `up`, or `down` after a failure (the balancer skips it and
 * its app-local cache is lost) until it recovers.
 */
export const appServerMachine = setup({
  types: {
    context: {} as AppServerContext,
    events: {} as AppServerEvent,
  },
  actions: {
    countFailure: assign({ failures: ({ context }) => context.failures + 1 }),
  },
}).createMachine({
  id: 'appServer',
  initial: 'up',
  context: { failures: 0 },
  states: {
    up: { on: { 'server.fail': { target: 'down', actions: 'countFailure' } } },
    down: { on: { 'server.recover': { target: 'up' } } },
  },
});
