import type { Command } from '../scenario/commandSchema';
import type { PresetName } from '../scenario/presets/index';
import type { Scenario } from '../scenario/schema';
import type { GoalCheck } from '../lessons/lessonSchema';

/** One beat of a demo: at a moment of the run, a caption to read aloud and the commands to apply. */
export interface DemoBeat {
  title: string;
  /** Markdown, short: shown large (rendered sanitised in the app). */
  caption: string;
  /** The simulated moment the beat begins: the run pauses here and the commands apply. */
  atMs: number;
  commands: Command[];
  /**
   * What the run shows by the end of the beat (the next beat's moment, or the run's end), counted
   * from the beat's start, as a lesson's goal is: the test suite proves the caption true.
   */
  expect: { all: GoalCheck[] } | null;
  /** Where the beat starts in its file, for messages. */
  line: number;
}

/** A parsed, validated demo script. */
export interface Demo {
  /** The file name without `.md`, such as `01-ttl-freshness`. */
  id: string;
  file: string;
  /** The numeric prefix of the file name: the demo's place in the picker. */
  number: number;
  title: string;
  minutes: number;
  preset: PresetName;
  /** The starting scenario: the preset with the demo's changes, validated, defaults filled in. */
  scenario: Scenario;
  /** Markdown before the first beat: notes for the instructor. */
  notes: string;
  beats: DemoBeat[];
}

/** Where beat `index` ends: the next beat's moment, or the end of the run for the last. */
export function beatEndMs(demo: Pick<Demo, 'beats' | 'scenario'>, index: number): number {
  return demo.beats[index + 1]?.atMs ?? demo.scenario.durationMs;
}
