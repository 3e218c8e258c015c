import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { cacheNodeMachine, type CacheNodeState } from '../../src/machines/cacheNode';
import { Scheduler } from '../../src/engine/scheduler';

describe('cacheNodeMachine', () => {
  it('goes up → down → warming → up', () => {
    const actor = createActor(cacheNodeMachine).start();
    const seen: CacheNodeState[] = [actor.getSnapshot().value];
    for (const type of ['node.fail', 'node.recover', 'node.warmed'] as const) {
      actor.send({ type });
      seen.push(actor.getSnapshot().value);
    }
    expect(seen).toEqual(['up', 'down', 'warming', 'up']);
  });

  it('ignores events that make no sense in the current state', () => {
    const [initial] = initialTransition(cacheNodeMachine);
    const [stillUp] = transition(cacheNodeMachine, initial, { type: 'node.recover' });
    expect(stillUp.value).toBe('up');
    const [down] = transition(cacheNodeMachine, initial, { type: 'node.fail' });
    const [stillDown] = transition(cacheNodeMachine, down, { type: 'node.warmed' });
    expect(stillDown.value).toBe('down');
    const [downTwice] = transition(cacheNodeMachine, down, { type: 'node.fail' });
    expect(downTwice.value).toBe('down');
  });

  it('can fail again while warming', () => {
    let [snapshot] = initialTransition(cacheNodeMachine);
    for (const type of ['node.fail', 'node.recover', 'node.fail'] as const) {
      [snapshot] = transition(cacheNodeMachine, snapshot, { type });
    }
    expect(snapshot.value).toBe('down');
  });

  it('stays warming until the engine says the warm-up is over in simulated time', () => {
    // The engine's scheduler is the clock: a node fails at 1 s, recovers at 3 s, warms for 5 s.
    const actor = createActor(cacheNodeMachine).start();
    const scheduler = new Scheduler<'node.fail' | 'node.recover' | 'node.warmed'>();
    const warmupMs = 5000;
    scheduler.schedule(1000, 'node.fail');
    scheduler.schedule(3000, 'node.recover');
    const states: [number, CacheNodeState][] = [];
    for (let type = scheduler.pop(); type !== undefined; type = scheduler.pop()) {
      actor.send({ type });
      if (type === 'node.recover') scheduler.schedule(scheduler.now + warmupMs, 'node.warmed');
      states.push([scheduler.now, actor.getSnapshot().value]);
    }
    expect(states).toEqual([
      [1000, 'down'],
      [3000, 'warming'],
      [8000, 'up'],
    ]);
  });
});
