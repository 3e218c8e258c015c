import type { Command } from '../scenario/commandSchema';
import type { PresetName } from '../scenario/presets/index';
import type { Scenario } from '../scenario/schema';
import type { FrontMatter, GoalCheck, Prediction } from './lessonSchema';

/** One step of a lesson: what to read, what to predict, what to reach, and how. */
export interface LessonStep {
  title: string;
  /** Markdown (rendered sanitised in the app). */
  prose: string;
  prediction: Prediction | null;
  goal: { all: GoalCheck[] };
  hints: string[];
  /** Commands that meet the goal, applied together at the step's start ("show me"). */
  solution: Command[];
  /** Simulated time the goal needs after the solution is applied. */
  runMs: number;
  /** Where the step starts in its file, for messages. */
  line: number;
}

/** A parsed, validated lesson. */
export interface Lesson {
  /** The file name without `.md`, such as `01-hits-and-misses`; progress is saved under it. */
  id: string;
  file: string;
  /** The numeric prefix of the file name: the lesson's place in the course. */
  number: number;
  title: string;
  level: FrontMatter['level'];
  minutes: number;
  objectives: string[];
  preset: PresetName;
  /** The starting scenario: the preset with the lesson's changes, validated, defaults filled in. */
  scenario: Scenario;
  /** Markdown before the first step. */
  intro: string;
  steps: LessonStep[];
}
