import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { appServerMachine, type AppServerState } from '../../src/machines/appServer';

describe('appServerMachine', () => {
  it('goes down on a failure and up on recovery', () => {
    const actor = createActor(appServerMachine).start();
    const seen: AppServerState[] = [actor.getSnapshot().value];
    for (const type of ['server.fail', 'server.recover', 'server.fail'] as const) {
      actor.send({ type });
      seen.push(actor.getSnapshot().value);
    }
    expect(seen).toEqual(['up', 'down', 'up', 'down']);
  });

  it('stays down on a second failure, and a recovery of a server that is up changes nothing', () => {
    const [initial] = initialTransition(appServerMachine);
    const [down] = transition(appServerMachine, initial, { type: 'server.fail' });
    const [again] = transition(appServerMachine, down, { type: 'server.fail' });
    expect(again.value).toBe('down');
    const [up] = transition(appServerMachine, initial, { type: 'server.recover' });
    expect(up.value).toBe('up');
  });
});
