import { createActor, type Actor } from 'xstate';
import { playbackMachine } from '../machines/playback';
import type { PlaybackState } from './appState.svelte';

/** What the playback machine does on its transitions: what to send the worker. */
export type PlaybackActions = NonNullable<Parameters<typeof playbackMachine.provide>[0]['actions']>;

/** Where the machine's state is shown: a rune store's fields. */
export interface PlaybackView {
  playback: PlaybackState;
  speed: number;
  fastForward: boolean;
}

/**
 * Starts the playback machine (machines/playback.ts) with these actions and keeps `view` showing its
 * state. The single run and a comparison both play through it, so their buttons behave alike.
 */
export function startPlayback(actions: PlaybackActions, view: PlaybackView): Actor<typeof playbackMachine> {
  const actor = createActor(playbackMachine.provide({ actions }), { input: { speed: 1 } });
  actor.subscribe((snapshot) => {
    view.playback = snapshot.value as PlaybackState;
    view.speed = snapshot.context.speed;
    view.fastForward = snapshot.context.fastForward;
  });
  actor.start();
  return actor;
}
