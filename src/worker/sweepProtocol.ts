import type { SweepPoint } from '../engine/experiments/sweepPoint';
import type { Scenario } from '../engine/scenario/schema';

/**
 * The messages between the page and a sweep worker. The page starts one worker a core; each builds
 * and runs the variants it is sent. `plan` checks the whole sweep first, so a bad value is named before
 * anything runs.
 */
export type ToSweepWorker =
  | { type: 'plan'; scenario: Scenario; path: string; values: string[] }
  | { type: 'run'; index: number; scenario: Scenario; path: string; values: string[] };

export type FromSweepWorker =
  | { type: 'planned'; count: number }
  | { type: 'point'; index: number; point: SweepPoint }
  /** The path or a value is wrong; the message names it. */
  | { type: 'failed'; message: string };
