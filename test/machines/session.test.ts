import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { sessionMachine, type SessionState } from '../../src/machines/session';

describe('sessionMachine', () => {
  it('starts anonymous, logs in, is logged out by a lost session and logs in again', () => {
    const actor = createActor(sessionMachine).start();
    const seen: SessionState[] = [actor.getSnapshot().value];
    for (const type of ['session.login', 'session.lost', 'session.login'] as const) {
      actor.send({ type });
      seen.push(actor.getSnapshot().value);
    }
    expect(seen).toEqual(['anonymous', 'loggedIn', 'loggedOut', 'loggedIn']);
    expect(actor.getSnapshot().context).toEqual({ logins: 2, losses: 1 });
  });

  it('cannot lose a session it does not have', () => {
    const [initial] = initialTransition(sessionMachine);
    const [anonymous] = transition(sessionMachine, initial, { type: 'session.lost' });
    expect(anonymous.value).toBe('anonymous');
    expect(anonymous.context.losses).toBe(0);
    const [loggedIn] = transition(sessionMachine, initial, { type: 'session.login' });
    const [same] = transition(sessionMachine, loggedIn, { type: 'session.login' });
    expect(same.value).toBe('loggedIn');
    expect(same.context.logins).toBe(1);
  });
});
