import type { ComparisonVariant } from '../engine/experiments/planComparison';
import type { Command, TimedCommand } from '../engine/scenario/commandSchema';
import type { Scenario } from '../engine/scenario/schema';
import type { FrameMessage } from './protocol';

/**
 * The messages between the page and the comparison worker, which hosts every variant of one
 * comparison and moves them in step. Playback and commands are named as for the single run.
 */

/** Main thread → comparison worker. */
export type ToComparison =
  /**
   * Opens a comparison from a document `{ scenario, variants, commands?, atMs? }` (the dialog's, or a
   * share link's JSON text as `text`), validated here: answered by 'compare.loaded' or an input error.
   */
  | { type: 'compare.open'; document: unknown }
  | { type: 'compare.open'; text: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'speed'; speed: number }
  | { type: 'run.end' }
  /** Every variant starts over from time 0 with no commands. */
  | { type: 'reset' }
  /** Applies a command to every variant at the one simulated time they share. */
  | { type: 'command'; command: Command }
  /** The comparison's two CSVs at the moment on screen. Answered by 'compare.exported'. */
  | { type: 'export'; requestId: number }
  | { type: 'frame.ack' };

/** Comparison worker → main thread. */
export type FromComparison =
  | {
      type: 'compare.loaded';
      scenario: Scenario;
      variants: ComparisonVariant[];
      commands: TimedCommand[];
      /** The moment the comparison opens at (a share link's); frames follow once every variant is there. */
      atMs: number;
    }
  /** A frame per variant, in the variants' order, all at the same simulated time. */
  | { type: 'compare.frame'; frames: FrameMessage[] }
  /** The command log every variant shares changed. */
  | { type: 'commands'; commands: TimedCommand[] }
  /** A command applied, but not to every variant (a node only some have): which, and why. */
  | { type: 'notice'; message: string }
  | {
      type: 'compare.exported';
      requestId: number;
      atMs: number;
      summaryTiers: string;
      summaryEndToEnd: string;
    }
  /** As the single run's: `input` errors are a person's mistake, and the comparison shown goes on. */
  | { type: 'error'; message: string; problems: string[]; input: boolean };
