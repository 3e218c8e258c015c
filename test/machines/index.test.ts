import { describe, expect, it } from 'vitest';
import * as machines from '../../src/machines/index';

describe('component lifecycle machines', () => {
  it('none has a delayed transition, which would run on the wall clock instead of simulated time', () => {
    const lifecycles = [
      machines.cacheNodeMachine,
      machines.databaseMachine,
      machines.appServerMachine,
      machines.sessionMachine,
    ];
    for (const machine of lifecycles) {
      for (const state of Object.values(machine.root.states))
        expect(state.after, `${machine.id}`).toEqual([]);
    }
  });
});
