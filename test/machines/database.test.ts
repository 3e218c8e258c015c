import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { databaseMachine, type DatabaseState } from '../../src/machines/database';

describe('databaseMachine', () => {
  it('is overloaded while the reported queue is at or above the threshold', () => {
    const actor = createActor(databaseMachine, { input: { overloadQueue: 100 } }).start();
    const seen: DatabaseState[] = [];
    for (const queueLength of [10, 99, 100, 250, 100, 99, 0]) {
      actor.send({ type: 'db.load', queueLength });
      seen.push(actor.getSnapshot().value);
    }
    expect(seen).toEqual([
      'healthy',
      'healthy',
      'overloaded',
      'overloaded',
      'overloaded',
      'healthy',
      'healthy',
    ]);
  });

  it('stays overloaded until the queue drops below the recovery level, when one is given', () => {
    let [snapshot] = initialTransition(databaseMachine, { overloadQueue: 100, recoverQueue: 50 });
    const seen: DatabaseState[] = [];
    for (const queueLength of [120, 80, 50, 49, 80]) {
      [snapshot] = transition(databaseMachine, snapshot, { type: 'db.load', queueLength });
      seen.push(snapshot.value);
    }
    expect(seen).toEqual(['overloaded', 'overloaded', 'overloaded', 'healthy', 'healthy']);
    expect(snapshot.context.queueLength).toBe(80);
  });

  it('goes down on a failure from either state, ignores load while down, and recovers healthy', () => {
    let [snapshot] = initialTransition(databaseMachine, { overloadQueue: 10 });
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.load', queueLength: 20 });
    expect(snapshot.value).toBe('overloaded');
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.fail' });
    expect(snapshot.value).toBe('down');
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.load', queueLength: 0 });
    expect(snapshot.value).toBe('down');
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.recover' });
    expect(snapshot.value).toBe('healthy');
    expect(snapshot.context.queueLength).toBe(0);
    [snapshot] = transition(databaseMachine, snapshot, { type: 'db.fail' });
    expect(snapshot.context.failures).toBe(2);
  });
});
