import { assign, setup } from 'xstate';

/** The states of a user's session. */
export type SessionState = 'anonymous' | 'loggedIn' | 'loggedOut';

export type SessionEvent = { type: 'session.login' } | { type: 'session.lost' };

export interface SessionContext {
  logins: number;
  /** Sessions lost with a cache node: each one is a user logged out against their will. */
  losses: number;
}

/**
 * A user's session, whose store of record is the distributed cache: `anonymous` until the first
 * login, `loggedIn`, then `loggedOut` when the node holding the session fails, until the user logs
 * in again.
 */
export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
  },
  actions: {
    countLogin: assign({ logins: ({ context }) => context.logins + 1 }),
    countLoss: assign({ losses: ({ context }) => context.losses + 1 }),
  },
}).createMachine({
  id: 'session',
  initial: 'anonymous',
  context: { logins: 0, losses: 0 },
  states: {
    anonymous: { on: { 'session.login': { target: 'loggedIn', actions: 'countLogin' } } },
    loggedIn: { on: { 'session.lost': { target: 'loggedOut', actions: 'countLoss' } } },
    loggedOut: { on: { 'session.login': { target: 'loggedIn', actions: 'countLogin' } } },
  },
});
