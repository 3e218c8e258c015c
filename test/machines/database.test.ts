import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { databaseMachine, type DatabaseState } from '../../src/machines/database';

describe('databaseMachine', () => {
  it('is overloaded from an overload until the queue drains', () => {
    const actor = createActor(databaseMachine).start();
    const seen: DatabaseState[] = [actor.getSnapshot().value];
    for (const type of ['db.drain', 'db.overload', 'db.overload', 'db.drain'] as const) {
      actor.send({ type });
      seen.push(actor.getSnapshot().value);
    }
    expect(seen).toEqual(['healthy', 'healthy', 'overloaded', 'overloaded', 'healthy']);
  });

  it('goes down on a failure from either state, ignores load while down, and recovers healthy', () => {
    let [snapshot] = initialTransition(databaseMachine);
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.overload' });
    expect(snapshot.value).toBe('overloaded');
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.fail' });
    expect(snapshot.value).toBe('down');
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.overload' });
    expect(snapshot.value).toBe('down');
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.drain' });
    expect(snapshot.value).toBe('down');
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.recover' });
    expect(snapshot.value).toBe('healthy');
    [snapshot] = transition(databaseMachine, initialTransition(databaseMachine)[0], { type: 'db.fail' });
    expect(snapshot.value).toBe('down');
  });
});
