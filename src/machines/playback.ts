import { assign, setup, type StateValueFrom } from 'xstate';

/** The slowest and fastest playback, in simulated milliseconds per wall millisecond. */
export const minSpeed = 0.1;
export const maxSpeed = 1000;

export const clampSpeed = (speed: number): number =>
  Number.isFinite(speed) ? Math.min(maxSpeed, Math.max(minSpeed, speed)) : 1;

export interface PlaybackContext {
  speed: number;
  /** Running to the end as fast as the worker can, rather than at `speed`. */
  fastForward: boolean;
}

export type PlaybackEvent =
  /** The worker loaded a run (a preset, an import, a restart); it starts paused at time 0. */
  | { type: 'run.loaded' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'toggle' }
  | { type: 'step.event' }
  | { type: 'step.request' }
  | { type: 'speed.set'; speed: number }
  | { type: 'run.end' }
  | { type: 'reset' }
  /**
   * Rewinds to an earlier time (keeping the first `commandCount` commands, or with `later: 'keep'`
   * every command, the later ones as the run's future) and pauses there.
   */
  | { type: 'seek'; toMs: number; commandCount?: number; later?: 'keep' | 'drop' }
  /** Goes back one event or one request (a replay) and pauses there. */
  | { type: 'step.back'; unit: 'event' | 'request' }
  /** The worker reached the scenario's end. */
  | { type: 'run.finished' }
  /** The worker stopped by itself (an error in the run). */
  | { type: 'run.stopped' };

type SeekParams = { toMs: number; commandCount?: number; later?: 'keep' | 'drop' };

const seekParams = ({ event }: { event: PlaybackEvent }): SeekParams =>
  event.type === 'seek'
    ? {
        toMs: event.toMs,
        commandCount: event.commandCount,
        ...(event.later === undefined ? {} : { later: event.later }),
      }
    : { toMs: 0 };

const stepBackParams = ({ event }: { event: PlaybackEvent }) => ({
  unit: event.type === 'step.back' ? event.unit : ('event' as const),
});

/**
 * Playback of one run: idle until a run is loaded, then paused, playing or finished. The machine
 * decides which button does what in each state; its actions (`sendPlay`, ...) are empty here and
 * provided by the state layer, which posts them to the worker.
 *
 * @example
 * const actor = createActor(playbackMachine.provide({ actions: { sendPlay: () => worker.play() } }));
 */
export const playbackMachine = setup({
  types: {
    context: {} as PlaybackContext,
    events: {} as PlaybackEvent,
    input: {} as { speed?: number },
  },
  actions: {
    sendPlay: () => {},
    sendPause: () => {},
    sendStepEvent: () => {},
    sendStepRequest: () => {},
    sendSpeed: (_, _params: { speed: number }) => {},
    sendRunEnd: () => {},
    sendReset: () => {},
    sendSeek: (_, _params: SeekParams) => {},
    sendStepBack: (_, _params: { unit: 'event' | 'request' }) => {},
    setSpeed: assign({
      speed: ({ event }) => (event.type === 'speed.set' ? clampSpeed(event.speed) : 1),
    }),
    setFastForward: assign({ fastForward: (_, params: { on: boolean }) => params.on }),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({ speed: clampSpeed(input.speed ?? 1), fastForward: false }),
  initial: 'idle',
  on: {
    'speed.set': {
      actions: ['setSpeed', { type: 'sendSpeed', params: ({ context }) => ({ speed: context.speed }) }],
    },
    'run.loaded': { target: '.paused', actions: { type: 'setFastForward', params: { on: false } } },
  },
  states: {
    idle: {},
    paused: {
      on: {
        play: { target: 'playing', actions: 'sendPlay' },
        toggle: { target: 'playing', actions: 'sendPlay' },
        'step.event': { actions: 'sendStepEvent' },
        'step.request': { actions: 'sendStepRequest' },
        'run.end': {
          target: 'playing',
          actions: ['sendRunEnd', { type: 'setFastForward', params: { on: true } }],
        },
        reset: { actions: 'sendReset' },
        seek: { actions: { type: 'sendSeek', params: seekParams } },
        'step.back': { actions: { type: 'sendStepBack', params: stepBackParams } },
        'run.finished': 'finished',
      },
    },
    playing: {
      exit: { type: 'setFastForward', params: { on: false } },
      on: {
        pause: { target: 'paused', actions: 'sendPause' },
        toggle: { target: 'paused', actions: 'sendPause' },
        'step.event': { target: 'paused', actions: ['sendPause', 'sendStepEvent'] },
        'step.request': { target: 'paused', actions: ['sendPause', 'sendStepRequest'] },
        'run.end': { actions: ['sendRunEnd', { type: 'setFastForward', params: { on: true } }] },
        reset: { target: 'paused', actions: ['sendPause', 'sendReset'] },
        // The worker pauses at the end of a seek by itself.
        seek: { target: 'paused', actions: { type: 'sendSeek', params: seekParams } },
        'step.back': {
          target: 'paused',
          actions: ['sendPause', { type: 'sendStepBack', params: stepBackParams }],
        },
        'run.finished': 'finished',
        'run.stopped': 'paused',
      },
    },
    finished: {
      on: {
        reset: { target: 'paused', actions: 'sendReset' },
        seek: { target: 'paused', actions: { type: 'sendSeek', params: seekParams } },
        'step.back': { target: 'paused', actions: { type: 'sendStepBack', params: stepBackParams } },
      },
    },
  },
});

/** The machine's states by name: 'idle', 'paused', 'playing', 'finished' (the worker's modes follow them). */
export type PlaybackState = StateValueFrom<typeof playbackMachine>;
