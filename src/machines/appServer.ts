import { setup } from 'xstate';

/** The lifecycle states of an app server. */
export type AppServerState = 'up' | 'down';

export type AppServerEvent = { type: 'server.fail' } | { type: 'server.recover' };

/**
 * An app server behind the load balancer: `up`, or `down` after a failure (the balancer skips it and
 * its app-local cache is lost) until it recovers.
 */
export const appServerMachine = setup({
  types: {
    events: {} as AppServerEvent,
  },
}).createMachine({
  id: 'appServer',
  initial: 'up',
  states: {
    up: { on: { 'server.fail': { target: 'down' } } },
    down: { on: { 'server.recover': { target: 'up' } } },
  },
});
