import type { SweepPoint } from '../engine/experiments/sweepPoint';
import type { Scenario } from '../engine/scenario/schema';

/** A sweep's setting and values as the person has typed them, not yet checked. */
export interface TypedSweep {
  path: string;
  values: string[];
}

/**
 * The messages between the page and a sweep worker. The page keeps one worker a core for as long as
 * it lives, and each answers its messages in the order they came. `warm` runs the engine over the
 * sweep as typed so far (its variants in turn, or the scenario itself while the sweep is not a valid
 * one), for at most a couple of seconds or until the next message, and throws the runs away, so the
 * worker's first variant does not pay the JIT's warm-up;
 * `plan` checks and builds the whole sweep once (a bad value is named before anything runs), and
 * `run` measures one of the planned variants by its index.
 */
export type ToSweepWorker =
  | { type: 'warm'; scenario: Scenario; sweep?: TypedSweep }
  | ({ type: 'plan'; scenario: Scenario } & TypedSweep)
  | { type: 'run'; index: number };

export type FromSweepWorker =
  | { type: 'warmed' }
  | { type: 'planned'; count: number }
  | { type: 'point'; index: number; point: SweepPoint }
  /** The path or a value is wrong; the message names it. */
  | { type: 'failed'; message: string };
