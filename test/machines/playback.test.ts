import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { playbackMachine } from '../../src/machines/playback';

/** An actor whose worker messages are recorded instead of posted. */
function start() {
  const sent: string[] = [];
  const record = (name: string) => () => sent.push(name);
  const actor = createActor(
    playbackMachine.provide({
      actions: {
        sendPlay: record('play'),
        sendPause: record('pause'),
        sendStepEvent: record('step.event'),
        sendStepRequest: record('step.request'),
        sendRunEnd: record('run.end'),
        sendReset: record('reset'),
        sendSpeed: (_, params) => sent.push(`speed ${params.speed}`),
        sendSeek: (_, params) => sent.push(`seek ${params.toMs}`),
      },
    }),
    { input: {} },
  ).start();
  return { actor, sent, state: () => actor.getSnapshot().value };
}

describe('playback machine', () => {
  it('ignores play until a run is loaded, then plays and pauses', () => {
    const { actor, sent, state } = start();
    actor.send({ type: 'play' });
    expect(state()).toBe('idle');
    actor.send({ type: 'run.loaded' });
    actor.send({ type: 'play' });
    expect(state()).toBe('playing');
    actor.send({ type: 'toggle' });
    expect(state()).toBe('paused');
    expect(sent).toEqual(['play', 'pause']);
  });

  it('pauses before stepping when a step is pressed while playing', () => {
    const { actor, sent, state } = start();
    actor.send({ type: 'run.loaded' });
    actor.send({ type: 'play' });
    actor.send({ type: 'step.request' });
    expect(state()).toBe('paused');
    expect(sent).toEqual(['play', 'pause', 'step.request']);
  });

  it('clamps the speed to 0.1x..1000x in every state and tells the worker', () => {
    const { actor, sent } = start();
    actor.send({ type: 'speed.set', speed: 5000 });
    expect(actor.getSnapshot().context.speed).toBe(1000);
    actor.send({ type: 'speed.set', speed: 0.001 });
    expect(actor.getSnapshot().context.speed).toBe(0.1);
    expect(sent).toEqual(['speed 1000', 'speed 0.1']);
  });

  it('runs to the end fast, then stays finished until reset', () => {
    const { actor, sent, state } = start();
    actor.send({ type: 'run.loaded' });
    actor.send({ type: 'run.end' });
    expect(state()).toBe('playing');
    expect(actor.getSnapshot().context.fastForward).toBe(true);
    actor.send({ type: 'run.finished' });
    expect(state()).toBe('finished');
    expect(actor.getSnapshot().context.fastForward).toBe(false);
    actor.send({ type: 'play' });
    expect(state()).toBe('finished');
    actor.send({ type: 'reset' });
    expect(state()).toBe('paused');
    expect(sent).toEqual(['run.end', 'reset']);
  });

  it('seeks from any state of a run and is paused there, the worker pausing by itself', () => {
    const { actor, sent, state } = start();
    actor.send({ type: 'seek', toMs: 5 });
    expect(sent).toEqual([]);
    actor.send({ type: 'run.loaded' });
    actor.send({ type: 'play' });
    actor.send({ type: 'seek', toMs: 1000 });
    expect(state()).toBe('paused');
    actor.send({ type: 'run.end' });
    actor.send({ type: 'run.finished' });
    actor.send({ type: 'seek', toMs: 2000 });
    expect(state()).toBe('paused');
    actor.send({ type: 'seek', toMs: 500 });
    expect(sent).toEqual(['play', 'seek 1000', 'run.end', 'seek 2000', 'seek 500']);
  });

  it('goes back to paused when a new run is loaded while playing', () => {
    const { actor, state } = start();
    actor.send({ type: 'run.loaded' });
    actor.send({ type: 'play' });
    actor.send({ type: 'run.loaded' });
    expect(state()).toBe('paused');
  });
});
